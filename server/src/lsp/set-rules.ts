/**
 * CM040 across the workspace: the set rules run over the change documents of the index they can
 * concern (core/check.ts `isSetMember`: for CM040 active, with a window and services), and each document's own config
 * decides the severity (or `off`) of what it receives.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkSetRules, isSetMember, toLspSeverity } from '../core/check';
import { docFacts } from '../core/rules/util';
import { defaultConfig } from '../core/config';
import type { Entry } from './entry';
import { slimAnalysis } from './entry';
import { PackedView } from './packed-view';

/** The fields CM040 reads; when they did not change, the set need not be recomputed. */
export function setKey(e: Entry): string {
  if (!e.isChange) return '';
  const doc = e.view.doc;
  const v = doc.values;
  return JSON.stringify([
    v.status,
    v.services,
    v.window,
    doc.header?.items.find((i) => i.key === 'window')?.range,
    e.config.severities.CM040,
    e.settings.docsUrl,
    e.view.suppressions,
  ]);
}

/** Set diagnostics per URI for the change documents given (absent: none). */
export function computeSetDiagnostics(entries: readonly Entry[], now: number): Map<string, Diagnostic[]> {
  // Only the changes CM040 compares can receive a set diagnostic: the others (most of a
  // workspace, their views packed) are not decoded.
  const changes = entries.filter(
    (e) => e.isChange && !(e.view instanceof PackedView) && isSetMember(docFacts(e.view.doc)),
  );
  const config = defaultConfig();
  const raw = checkSetRules(
    changes.map((e) => ({ key: e.uri, analysis: slimAnalysis(e) })),
    { config, now },
  );
  const out = new Map<string, Diagnostic[]>();
  const byUri = new Map(changes.map((e) => [e.uri, e]));
  for (const [uri, ds] of raw) {
    const e = byUri.get(uri);
    if (!e) continue;
    const kept: Diagnostic[] = [];
    for (const d of ds) {
      const sev = e.config.severities[String(d.code)];
      if (sev === 'off') continue;
      kept.push({
        ...d,
        ...(sev ? { severity: toLspSeverity(sev) } : {}),
        codeDescription: { href: `${e.settings.docsUrl}#${String(d.code).toLowerCase()}` },
      });
    }
    if (kept.length) out.set(uri, kept);
  }
  return out;
}
