/**
 * SARIF keeps suppressed results with a `suppressions` entry (SARIF 2.1.0 section 3.27.23):
 * kind `inSource` and the comment's reason as `justification`, so code scanning records the
 * exception instead of losing it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Log } from 'sarif';
import { applySuppressions } from '../core/suppressions';
import { RULES } from '../core/rules/index';
import type { Suppression } from '../core/suppressions';
import type { LoadedDocument } from './load-documents';
import type { FileResult } from './run-checks';
import { toSarif } from './format/sarif';

/** Splits raw results (checked with suppressions off) into kept results and suppressed ones. */
export function splitSuppressed(
  docs: readonly LoadedDocument[],
  raw: readonly FileResult[],
): { kept: FileResult[]; suppressed: { file: string; diagnostic: Diagnostic; by: Suppression }[] } {
  const kept: FileResult[] = [];
  const suppressed: { file: string; diagnostic: Diagnostic; by: Suppression }[] = [];
  docs.forEach((d, i) => {
    const r = raw[i]!;
    const split = applySuppressions(d.analysis, r.diagnostics, RULES);
    kept.push({ file: r.file, diagnostics: split.kept });
    for (const s of split.suppressed) suppressed.push({ file: r.file, ...s });
  });
  return { kept, suppressed };
}

/** The SARIF log of the kept results plus the suppressed ones, marked as suppressed in source. */
export function toSarifWithSuppressions(
  kept: readonly FileResult[],
  suppressed: ReturnType<typeof splitSuppressed>['suppressed'],
  version: string,
): Log {
  const log = toSarif(kept, version);
  const run = log.runs[0]!;
  for (const s of suppressed) {
    const [result] = toSarif([{ file: s.file, diagnostics: [s.diagnostic] }], version).runs[0]!.results ?? [];
    if (!result) continue;
    result.suppressions = [
      { kind: 'inSource', status: 'accepted', ...(s.by.reason ? { justification: s.by.reason } : {}) },
    ];
    (run.results ??= []).push(result);
  }
  return log;
}
