/**
 * Code actions for one request: quick fixes for the diagnostics in the context, "Advance status"
 * on the Status item, and fix-all. Pure: the server passes the document, its diagnostics, the
 * author and the clock. Edits are `TextDocumentEdit`s pinned to the document version.
 */
import type { CodeAction, Diagnostic, Range, SnippetTextEdit, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { fieldState } from '../model';
import { advanceEdits, advanceTargets } from './advance';
import { fixesFor } from './quick-fixes';
import type { FixOptions } from './quick-fixes';
import { fixAllEdit, safeEdits } from './fix-all';
import type { Diagnose } from './fix-all';
import type { Fix } from './quick-fixes';
import { escapeSnippet } from '../features/snippet-text';
import { missingRange } from '../rules/util';

export { advanceEdits, advanceTargets, logLine } from './advance';
export type { AdvanceOptions } from './advance';
export { fixesFor } from './quick-fixes';
export type { Fix, FixOptions } from './quick-fixes';
export { fixAllEdit, safeEdits } from './fix-all';
export type { Diagnose } from './fix-all';
export { applyEdits } from './text';

/** Code action kinds this server produces. */
export const ActionKinds = {
  quickFix: 'quickfix',
  advance: 'refactor.rewrite',
  fixAll: 'source.fixAll.itsmote',
} as const;

/** Whether an action of `kind` is wanted by `only` (LSP: a requested kind matches its sub-kinds). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Everything one code action request needs. */
export interface CodeActionInput {
  analysis: Analysis;
  uri: string;
  version: number | null;
  range: Range;
  /** The diagnostics the client sent in the context (with their `data`). */
  contextDiagnostics: readonly Diagnostic[];
  /** All current diagnostics of the document (fix-all works on these). */
  allDiagnostics: readonly Diagnostic[];
  only?: readonly string[];
  options: FixOptions;
  diagnose: Diagnose;
}

function workspaceEdit(uri: string, version: number | null, edits: (TextEdit | SnippetTextEdit)[]) {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

/**
 * A fix's edits for this client: with snippet edits (LSP 3.18), the one that leaves an empty
 * value puts the cursor there (` $0` after the colon), as the editor's own snippets do.
 */
function editsOf(f: Fix, snippets: boolean | undefined): (TextEdit | SnippetTextEdit)[] {
  const c = f.cursor;
  if (!snippets || !c) return f.edits;
  return f.edits.map((e, i) => {
    if (i !== c.edit) return e;
    const value = `${escapeSnippet(e.newText.slice(0, c.offset))} $0${escapeSnippet(e.newText.slice(c.offset))}`;
    return { range: e.range, snippet: { kind: 'snippet', value } };
  });
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * The diagnostics to fix for a request: those the client sent, and the missing-field ones when
 * the request is on the header's first line. They sit on its bullet alone (so they do not mix
 * with the first field's hover), but their fixes belong to the whole line, as before.
 */
function diagnosticsToFix(input: CodeActionInput): readonly Diagnostic[] {
  const anchor = missingRange(input.analysis.doc);
  const onLine = input.range.start.line <= anchor.start.line && anchor.start.line <= input.range.end.line;
  if (!onLine || !input.analysis.doc.header) return input.contextDiagnostics;
  const sent = (d: Diagnostic) =>
    input.contextDiagnostics.some((c) => String(c.code) === String(d.code) && sameRange(c.range, d.range));
  const anchored = input.allDiagnostics.filter((d) => sameRange(d.range, anchor) && !sent(d));
  return [...input.contextDiagnostics, ...anchored];
}

function rangesTouch(a: Range, b: Range): boolean {
  return !(a.end.line < b.start.line || b.end.line < a.start.line);
}

/** The code actions for a request, quick fixes first, then advance, then fix-all. */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const { analysis: a, uri, version, only, options } = input;
  const out: CodeAction[] = [];
  if (kindWanted(ActionKinds.quickFix, only)) {
    for (const d of diagnosticsToFix(input)) {
      for (const f of fixesFor(a, d, options)) {
        out.push({
          title: f.title,
          kind: ActionKinds.quickFix,
          diagnostics: [d],
          isPreferred: f.isPreferred,
          edit: workspaceEdit(uri, version, editsOf(f, options.snippets)),
        });
      }
    }
  }
  if (kindWanted(ActionKinds.advance, only)) {
    const status = fieldState(a.doc, 'status').item;
    if (status && rangesTouch(status.range, input.range)) {
      for (const to of advanceTargets(a)) {
        const edits = advanceEdits(a, to, options);
        if (!edits) continue;
        const hint = to === 'Rolled Back' ? ' (then write the reason after the colon)' : '';
        out.push({
          title: `Advance status to ${to}${hint}`,
          kind: ActionKinds.advance,
          edit: workspaceEdit(uri, version, edits),
        });
      }
    }
  }
  // Fix-all is offered when asked for (fix on save), or next to quick fixes when one of the
  // diagnostics at hand is safely fixable. The cheap one-pass check runs first, because clients
  // ask for code actions on every cursor move and fix-all re-parses its result.
  const askedFixAll = only?.some((o) => ActionKinds.fixAll === o || ActionKinds.fixAll.startsWith(`${o}.`)) ?? false;
  const alongside = !only && safeEdits(a, input.contextDiagnostics, options).length > 0;
  if ((askedFixAll && safeEdits(a, input.allDiagnostics, options).length > 0) || alongside) {
    const edit = fixAllEdit(a, input.allDiagnostics, input.diagnose, options);
    if (edit)
      out.push({
        title: 'Fix all safe ITSMote problems',
        kind: ActionKinds.fixAll,
        edit: workspaceEdit(uri, version, [edit]),
      });
  }
  return out;
}
