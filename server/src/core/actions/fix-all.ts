/**
 * Fix-all (`source.fixAll.itsmote`): every safe fix at once. Fixes can reveal other fixes (a
 * renamed field becomes a duplicate), so it re-checks its own result a few times and returns one
 * minimal edit from the original text to the final one: applying fix-all twice changes nothing.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { applyEdits, minimalEdit, overlaps } from './text';
import { fixesFor } from './quick-fixes';
import type { FixOptions } from './quick-fixes';

/** Re-analyses and re-checks a text (the caller binds config and clock). */
export type Diagnose = (text: string) => { analysis: Analysis; diagnostics: Diagnostic[] };

const MAX_PASSES = 5;

/** The safe, non-overlapping edits of one pass (earlier diagnostics win a conflict). */
export function safeEdits(a: Analysis, diagnostics: readonly Diagnostic[], opts: FixOptions): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = fixesFor(a, d, opts).find((f) => f.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(a.md.lines, e, c)))) continue;
    chosen.push(...fix.edits);
  }
  return chosen;
}

/** The single edit applying every safe fix, or undefined when there is nothing safe to fix. */
export function fixAllEdit(
  first: Analysis,
  firstDiagnostics: readonly Diagnostic[],
  diagnose: Diagnose,
  opts: FixOptions,
): TextEdit | undefined {
  let a = first;
  let diagnostics = firstDiagnostics;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = safeEdits(a, diagnostics, opts);
    if (!edits.length) break;
    const next = diagnose(applyEdits(a.md.lines, edits));
    a = next.analysis;
    diagnostics = next.diagnostics;
  }
  return minimalEdit(first.md.lines, a.md.text);
}
