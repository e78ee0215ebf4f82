/**
 * A checked document as a cache or a long-lived index keeps it once its text and full model are
 * gone: the diagnostics of the rules that read only the document and its config (`stable`), the
 * suppression directives, and a slim model holding what everything else reads (the values, the
 * header items of a few fields, the status log). The rules that read the clock or the repository
 * (`RuleMeta.reads`: CM016, CM017, CM036), the set rules (CM040), summaries, metrics and
 * completion facts run again on the slim model, so a cached result is never stale in time.
 * `recordDiagnostics(makeRecord(a), opts)` equals `checkDocument(a, opts)`; the unit test
 * test/unit/record.test.ts holds that on the corpus.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from './model';
import type { ChangeDocument, HeaderItem } from './schema';
import type { FieldKey, Status } from './fields';
import { extraFieldByName } from './fields';
import type { CheckOptions } from './check';
import { checkDocument, sortDiagnostics } from './check';
import type { Suppression } from './suppressions';
import { primeSuppressions, readSuppressions, suppressorOf } from './suppressions';
import { RULES } from './rules/index';
import type { DocFacts, DocumentRule } from './rules/index';
import { docFacts } from './rules/util';
import { advanceTargets } from './actions/advance';
import { summarize } from './summary';
import { compactModel } from './compact-model';
import type { ChangeSummary } from './summary';

/**
 * The version of the record's shape and of the model's meaning. Caches written with another
 * format (or another tool version) are dropped, never read.
 */
export const RECORD_FORMAT = 4;

/** The header fields the volatile rules, CM040, summaries and discovery read. */
const SLIM_KEYS: ReadonlySet<FieldKey | undefined> = new Set<FieldKey>([
  'changeType',
  'status',
  'owner',
  'approval',
  'services',
  'window',
]);

/** What is kept of a checked document. JSON-safe: it is written to cache files as it is. */
export interface DocumentRecord {
  /** The slim model (see `slimModel`). */
  doc: ChangeDocument;
  /** Diagnostics of the stable rules with the record's config, before suppression comments apply. */
  stable: Diagnostic[];
  /** The document's `itsmote-disable` directives (usually none). */
  suppressions: Suppression[];
  /** The statuses the sidebar may advance the change to. */
  allowedNext: Status[];
}

/**
 * The part of a model that rules reading the clock or the repository, CM040, summaries, metrics,
 * completion facts and discovery read: id, title, values, the status log, and the header with
 * only the items of the fields in `SLIM_KEYS` and of the custom fields (first items stay first).
 * Sections are dropped.
 */
export function slimModel(doc: ChangeDocument, extraFields: readonly string[] = []): ChangeDocument {
  const slim: ChangeDocument = { id: doc.id, sections: [], values: doc.values };
  if (doc.title !== undefined) slim.title = doc.title;
  // Custom fields (`extraFields`) are shown in summaries: their items stay too.
  const keep = (i: HeaderItem) =>
    SLIM_KEYS.has(i.key) || (!i.key && extraFields.length > 0 && extraFieldByName(i.name, extraFields) !== undefined);
  if (doc.header) slim.header = { ...doc.header, items: doc.header.items.filter(keep) };
  if (doc.statusLog) slim.statusLog = doc.statusLog;
  return slim;
}

/** The record of an analysed document, checked with `opts.config` (and `opts.docsUrl`). */
export function makeRecord(a: Analysis, opts: Pick<CheckOptions, 'config' | 'docsUrl'>): DocumentRecord {
  return {
    // Packed: a cold check keeps every record until its output, and reads few models again.
    doc: compactModel(slimModel(a.doc, opts.config.extraFields)),
    // The stable rules do not read the clock: any `now` gives the same diagnostics.
    stable: checkDocument(a, {
      config: opts.config,
      ...(opts.docsUrl !== undefined ? { docsUrl: opts.docsUrl } : {}),
      now: 0,
      only: 'stable',
      suppressions: false,
    }),
    suppressions: readSuppressions(a, RULES),
    allowedNext: advanceTargets(a),
  };
}

const analyses = new WeakMap<object, Analysis>();

/**
 * A record's analysis: a class rather than a literal with `get md()`, because V8 gives every
 * literal whose getter is a fresh closure its own hidden class (see `DocumentCtx` in check.ts).
 */
class RecordAnalysis implements Analysis {
  constructor(readonly doc: Analysis['doc']) {}

  get md(): never {
    throw new Error(`the record of ${this.doc.id} has no markdown tree; rebuild the analysis from the text`);
  }
}

/**
 * An `Analysis` of a record (or a view) for the code that takes one (set rules, summaries,
 * suppression reports): its `doc` is the slim model, its directives are the record's, and it has
 * no tree.
 */
export function recordAnalysis(r: Pick<DocumentRecord, 'doc' | 'suppressions'>): Analysis {
  let a = analyses.get(r);
  if (!a) {
    a = new RecordAnalysis(r.doc);
    primeSuppressions(a, r.suppressions);
    analyses.set(r, a);
  }
  return a;
}

/**
 * What a long-lived index reads of every document often, kept unpacked while the record itself is
 * packed (the language server): the summary, the next statuses, completion facts, and a model cut
 * to what CM040 and the metrics read.
 */
export interface RecordView {
  /** The summary without problem counts (those follow from the diagnostics of the moment). */
  summary: ChangeSummary;
  allowedNext: Status[];
  /** Values, the window item, and the In Progress and Rolled Back log entries (`viewModel`). */
  doc: ChangeDocument;
  suppressions: Suppression[];
  /** Names completion offers: services, people (owner, approvers, log authors), incidents. */
  facts: { services: string[]; people: string[]; incidents: string[] };
}

/**
 * The slim model cut to what CM040 (values, id, the window item's range) and the metrics
 * (`executionFacts`: the In Progress and Rolled Back entries, values) read.
 */
export function viewModel(slim: ChangeDocument): ChangeDocument {
  const doc: ChangeDocument = { id: slim.id, sections: [], values: slim.values };
  if (slim.header) {
    const window = slim.header.items.find((i) => i.key === 'window');
    doc.header = { ...slim.header, items: window ? [window] : [], stray: [] };
  }
  // `executionFacts` reads the first timed In Progress entry and the Rolled Back ones: a log
  // without a timed In Progress entry gives no facts, and is not kept at all.
  const log = slim.statusLog;
  const start = log?.entries.find((e) => e.status === 'In Progress' && e.at !== undefined);
  if (log && start)
    doc.statusLog = { ...log, entries: log.entries.filter((e) => e === start || e.status === 'Rolled Back') };
  return doc;
}

/** The view of a record (custom fields named by `extraFields` appear in the summary). */
export function viewOf(r: DocumentRecord, extraFields: readonly string[] = []): RecordView {
  const v = r.doc.values;
  // Each name once: completion offers names, not how often they occur.
  const people = new Set([...(v.owner?.people ?? []), ...(v.approval?.people ?? [])]);
  for (const e of r.doc.statusLog?.entries ?? []) if (e.by) people.add(e.by);
  return {
    summary: summarize(r.doc, [], extraFields),
    allowedNext: r.allowedNext,
    doc: viewModel(r.doc),
    suppressions: r.suppressions,
    facts: { services: v.services, people: [...people], incidents: [...v.incidents, ...v.causedIncidents] },
  };
}

/** The rules that read the clock or the repository: run again on every check of a record. */
const VOLATILE = RULES.filter((r): r is DocumentRule => r.scope === 'document' && r.reads !== undefined);

/**
 * What a cache keeps beside a record so that a warm check can tell the record's diagnostics are
 * none without decoding it (`briefDiagnostics`): the facts the volatile and set rules' pre-checks
 * read, and whether the record holds stable diagnostics.
 */
export interface RecordBrief extends DocFacts {
  stable: boolean;
}

/** The brief of a record (see `RecordBrief`). */
export function recordBrief(r: DocumentRecord): RecordBrief {
  return { ...docFacts(r.doc), stable: r.stable.length > 0 };
}

/** Whether a volatile rule may report on a document with these facts with `opts` (`DocumentRule.mayReport`). */
function volatileMayReport(f: DocFacts, opts: Omit<CheckOptions, 'only'>): boolean {
  // A headerless document gets CM001 and CM007 alone (`checkDocument`).
  if (!f.header) return false;
  for (const rule of VOLATILE) {
    if (opts.config.severities[rule.id] === 'off') continue;
    if (!rule.mayReport || rule.mayReport(f, opts)) return true;
  }
  return false;
}

/** A record's stable diagnostics and directives: all a check reads of it when no volatile rule may report. */
export type RecordChecks = Pick<DocumentRecord, 'stable' | 'suppressions'>;

/**
 * The diagnostics of a record known by its brief and its checks (read only when the brief says
 * there are stable diagnostics), when no volatile rule may report on it; undefined when one may
 * or the checks cannot be had (then `recordDiagnostics` of the record answers). Equal to
 * `recordDiagnostics` when not undefined (the set rules aside: `checkSetRules` reads the members
 * it needs).
 */
export function briefDiagnostics(
  b: RecordBrief,
  source: { checks?(): RecordChecks | undefined },
  opts: Omit<CheckOptions, 'only'>,
): Diagnostic[] | undefined {
  if (volatileMayReport(b, opts)) return undefined;
  if (!b.stable) return [];
  const checks = source.checks?.();
  return checks && withStable(checks, [], opts);
}

/**
 * The document's diagnostics now: the cached stable ones and the volatile rules run on the slim
 * model with `opts` (clock, repository facts), filtered by the suppression directives unless
 * `opts.suppressions` is false. Equal to `checkDocument` of the full analysis with `opts`, given
 * the record was made with the same config. The volatile rules run only when one may report
 * (`DocumentRule.mayReport`): most records give their stable diagnostics as they are.
 */
export function recordDiagnostics(r: DocumentRecord, opts: Omit<CheckOptions, 'only'>): Diagnostic[] {
  const volatile = volatileMayReport(docFacts(r.doc), opts)
    ? checkDocument(recordAnalysis(r), { ...opts, only: 'volatile', suppressions: false })
    : [];
  return withStable(r, volatile, opts);
}

/**
 * The stable diagnostics with the volatile ones, filtered by the directives (as `filterSuppressed`
 * does with the directives an analysis of the record is primed with) and sorted.
 */
function withStable(r: RecordChecks, volatile: Diagnostic[], opts: Omit<CheckOptions, 'only'>): Diagnostic[] {
  if (volatile.length === 0 && r.stable.length === 0) return [];
  const all = volatile.length ? [...r.stable, ...volatile] : [...r.stable];
  const directives = r.suppressions;
  return sortDiagnostics(
    opts.suppressions === false || directives.length === 0 ? all : all.filter((d) => !suppressorOf(d, directives)),
  );
}
