/**
 * Runs the core checks over loaded documents: the document rules with each file's own config,
 * then the set rules (CM040) over all of them at once.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkDocument, checkSetRules, sortDiagnostics, toLspSeverity } from '../core/check';
import type { SetEntry } from '../core/check';
import type { Analysis } from '../core/model';
import type { DocFacts } from '../core/rules/index';
import type { RepoFacts } from '../core/repo/facts';
import { defaultConfig } from '../core/config';
import { briefDiagnostics, recordDiagnostics } from '../core/record';
import type { LoadedDocument } from './load-documents';

/** The diagnostics of one file. */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** Optional inputs of a run: repository facts per document, and whether suppression comments apply. */
export interface RunExtras {
  repoFor?: (d: LoadedDocument) => RepoFacts | undefined;
  /** Default true; false keeps suppressed diagnostics (the suppression report filters them itself). */
  suppressions?: boolean;
}

/** A document as the set rules see it: its analysis read only when a rule takes it as a member. */
class SetDocument implements SetEntry {
  // `declare`d, not declared: a declared field is a define on each of the 10,000 instances before
  // the constructor's assignments (class fields semantics); the assignments alone make the shape.
  declare readonly key: string;
  declare readonly facts: DocFacts | undefined;
  declare private readonly d: LoadedDocument;

  constructor(key: string, d: LoadedDocument) {
    this.key = key;
    this.facts = d.brief;
    this.d = d;
  }

  get analysis(): Analysis {
    return this.d.analysis;
  }
}

/**
 * Checks every document. Set rules compare documents that may live under different configs, so
 * they run once with the defaults and each finding then takes the severity (or `off`) of the
 * config of the file it is reported on.
 */
export function runChecks(docs: readonly LoadedDocument[], now: number, extra: RunExtras = {}): FileResult[] {
  const suppressions = extra.suppressions ?? true;
  const results = docs.map((d) => {
    const repo = extra.repoFor?.(d);
    // Two literals, not a spread of `{ repo }` or `{}`: this runs once per document.
    const opts = repo ? { config: d.config, now, suppressions, repo } : { config: d.config, now, suppressions };
    // A cached record on which no volatile rule may report now is not decoded at all.
    const quick = d.brief ? briefDiagnostics(d.brief, d, opts) : undefined;
    if (quick) return { file: d.file, diagnostics: quick };
    return {
      file: d.file,
      diagnostics: d.record ? recordDiagnostics(d.record, opts) : checkDocument(d.analysis, opts),
    };
  });
  const set = checkSetRules(
    docs.map((d, i) => new SetDocument(String(i), d)),
    { config: defaultConfig(), now, suppressions },
  );
  for (const [key, diagnostics] of set) {
    const i = Number(key);
    const doc = docs[i]!;
    const result = results[i]!;
    for (const d of diagnostics) {
      const configured = doc.config.severities[String(d.code)];
      if (configured === 'off') continue;
      result.diagnostics.push(configured ? { ...d, severity: toLspSeverity(configured) } : d);
    }
    sortDiagnostics(result.diagnostics);
  }
  return results;
}

/** Counts by severity: errors, warnings, and infos (information and hints). */
export function countSeverities(results: readonly FileResult[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results)
    for (const d of r.diagnostics) {
      const s = d.severity ?? 1;
      if (s === 1) errors++;
      else if (s === 2) warnings++;
      else infos++;
    }
  return { errors, warnings, infos };
}
