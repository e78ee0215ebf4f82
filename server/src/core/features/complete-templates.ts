/**
 * Whole-document templates as completion items (`change-standard`, `change-normal`,
 * `change-emergency`), offered only where a document starts: on an empty or one-word top-level
 * line of a change document that has no header and no status log yet. They used to be editor
 * snippets, which the editor offers everywhere, field values included.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { CHANGE_TYPES } from '../fields';
import type { ChangeType } from '../fields';
import { changeTemplate } from '../templates';
import { escapeSnippet, firstEmptyValue } from './snippet-text';

// CompletionItemKind.Snippet and InsertTextFormat.Snippet (LSP), spelled out for the core.
const SNIPPET_KIND = 15;
const SNIPPET_FORMAT = 2;

const TITLE = 'What changes, in one line';

const WHAT: Record<ChangeType, string> = {
  Standard: 'pre-approved, low risk, repeatable',
  Normal: 'needs one approver before it starts',
  Emergency: 'mitigates an active incident, documented after',
};

/** What the templates need. */
export interface TemplateOptions {
  author: string;
  now: number;
  /** The client takes snippet syntax: the title is a placeholder, the cursor lands on the first empty value. */
  snippets: boolean;
}

/** Whether a line is where a template may go: the document has no header and no log yet, the line holds at most a word. */
export function templateSpot(a: Analysis, line: number, before: string, after: string): boolean {
  if (a.doc.header || a.doc.statusLog || !/^[\w-]*$/.test(before) || after.trim() !== '') return false;
  return !a.doc.h1Range || line > a.doc.h1Range.end.line;
}

/** The template items for a line (see `templateSpot`). */
export function templateItems(a: Analysis, line: number, lineLength: number, opts: TemplateOptions): CompletionItem[] {
  const h1 = a.doc.title !== undefined && a.doc.h1Range !== undefined;
  return CHANGE_TYPES.map((type, i) => {
    const full = changeTemplate({
      type,
      title: a.doc.title ?? TITLE,
      author: opts.author.trim() || '@you',
      now: opts.now,
    });
    // Below an H1 the document has its title: the template starts at the header.
    const text = h1 ? full.split('\n').slice(2).join('\n') : full;
    let newText = text;
    if (opts.snippets) {
      const at = firstEmptyValue(text);
      const withCursor =
        at === undefined
          ? `${escapeSnippet(text)}$0`
          : `${escapeSnippet(text.slice(0, at))}$0${escapeSnippet(text.slice(at))}`;
      newText = h1 ? withCursor : withCursor.replace(`# ${escapeSnippet(TITLE)}`, `# \${1:${TITLE}}`);
    }
    const key = type.toLowerCase();
    return {
      label: `change-${key}`,
      kind: SNIPPET_KIND,
      detail: `${type} change document (template)`,
      documentation: {
        kind: 'markdown',
        value: `A ${type} change (${WHAT[type]}): the header, a status log with its first Planned entry by ${opts.author.trim() || '@you'}.`,
      },
      sortText: `9${i}`,
      filterText: `change-${key} itsmote-${key}`,
      ...(opts.snippets ? { insertTextFormat: SNIPPET_FORMAT } : {}),
      textEdit: { range: { start: { line, character: 0 }, end: { line, character: lineLength } }, newText },
    };
  });
}
