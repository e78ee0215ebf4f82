/** The header template inserted into an empty or headerless change document (CM001's quick fix). */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { eolOf, insertAt } from './text';
import { fieldInfo } from '../fields';
import { MINIMAL_TEMPLATE_FIELDS, templateValue } from '../templates';

/** The minimal header (core/templates.ts); values are left empty for the author to choose. */
function templateLines(owner: string): string[] {
  return MINIMAL_TEMPLATE_FIELDS.map((key) => {
    const value = key === 'owner' ? owner : templateValue(key);
    return `- ${fieldInfo(key).name}:${value ? ` ${value}` : ''}`;
  });
}

/**
 * The edit inserting the template header: after the H1 when there is one, else at the top with a
 * `# <id>` title (empty document) or a `- Title:` item (text but no H1). Undefined when a header exists.
 */
export function templateEdit(a: Analysis, owner: string): TextEdit | undefined {
  const { doc, md } = a;
  if (doc.header) return undefined;
  const eol = eolOf(md.text);
  const body = templateLines(owner);
  if (doc.h1Range) {
    const at = md.lines.offsetAt(doc.h1Range.end);
    const rest = md.text.slice(at);
    // Keep exactly one blank line between the header and whatever follows the H1.
    const suffix =
      rest === ''
        ? eol
        : rest.startsWith(eol + eol) || /^\s*$/.test(rest)
          ? ''
          : rest.startsWith(eol)
            ? eol
            : eol + eol;
    return insertAt(md.lines, at, eol + eol + body.join(eol) + suffix);
  }
  const start = md.base;
  const empty = md.text.trim() === '';
  const lines = empty ? [`# ${doc.id}`, '', ...body] : ['- Title:', ...body];
  return insertAt(md.lines, start, lines.join(eol) + (empty ? eol : eol + eol));
}
