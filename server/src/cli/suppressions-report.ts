/**
 * `check --report-suppressions`: every suppression comment of the checked documents, with its
 * rules, its reason and what it suppressed in this run (auditors ask for exactly this list).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { applySuppressions, readSuppressions } from '../core/suppressions';
import { RULES } from '../core/rules/index';
import type { LoadedDocument } from './load-documents';
import type { FileResult } from './run-checks';
import { renderTable } from './table';
import { messageText } from './format/severity';

/** One suppression in the report. Lines are 1-based. */
export interface SuppressionEntry {
  file: string;
  line: number;
  kind: string;
  /** Rule IDs; empty means every rule. */
  rules: string[];
  /** Rule keys that name no rule. */
  unknownRules: string[];
  reason: string | null;
  /** The diagnostics it hid in this run. */
  suppressed: { code: string; line: number; message: string }[];
}

/**
 * Splits raw results (checked with suppressions off) into what the user sees and the report.
 * The kept diagnostics are exactly what a normal run prints.
 */
export function suppressionReport(
  docs: readonly LoadedDocument[],
  raw: readonly FileResult[],
): { results: FileResult[]; entries: SuppressionEntry[] } {
  const results: FileResult[] = [];
  const entries: SuppressionEntry[] = [];
  docs.forEach((d, i) => {
    const r = raw[i]!;
    const { kept, suppressed } = applySuppressions(d.analysis, r.diagnostics, RULES);
    results.push({ file: r.file, diagnostics: kept });
    for (const s of readSuppressions(d.analysis, RULES)) {
      if (s.kind === 'enable') continue;
      const hid: Diagnostic[] = suppressed.filter((x) => x.by === s).map((x) => x.diagnostic);
      entries.push({
        file: r.file,
        line: s.range.start.line + 1,
        kind: s.kind,
        rules: s.rules,
        unknownRules: s.unknown,
        reason: s.reason ?? null,
        suppressed: hid.map((x) => ({
          code: String(x.code ?? ''),
          line: x.range.start.line + 1,
          message: messageText(x),
        })),
      });
    }
  });
  return { results, entries };
}

/** The report as a table: one row per suppression. */
export function formatSuppressionsText(entries: readonly SuppressionEntry[]): string {
  if (entries.length === 0) return 'No suppressions.\n';
  const rows = entries.map((e) => [
    `${e.file}:${e.line}`,
    e.kind,
    [...e.rules, ...e.unknownRules.map((u) => `${u}?`)].join(',') || 'all rules',
    String(e.suppressed.length),
    e.reason ?? '(no reason)',
  ]);
  const n = entries.length;
  const hidden = entries.reduce((s, e) => s + e.suppressed.length, 0);
  const noReason = entries.filter((e) => e.reason === null).length;
  return `${renderTable(['LOCATION', 'KIND', 'RULES', 'HID', 'REASON'], rows, ['left', 'left', 'left', 'right', 'left'])}\n${n} suppression${n === 1 ? '' : 's'} hid ${hidden} diagnostic${hidden === 1 ? '' : 's'}; ${noReason} without a reason\n`;
}
