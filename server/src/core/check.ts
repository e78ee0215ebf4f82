/**
 * The engine: runs the rules and turns findings into LSP diagnostics (code, source, severity from
 * config, a `codeDescription` link to the rule's docs, and `data` for the quick fixes). It owns
 * the rule contract (`rules/types.ts`): it builds each rule's context and reads the
 * `itsmote-disable` directives with the catalogue passed in, so no rule imports the catalogue.
 */
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Analysis } from './model';
import { analysisText } from './model';
import type { Config } from './config';
import { RULES } from './rules/index';
import type { DocumentContext, Finding, RepoChangeInput, Rule, RuleOptions, Severity } from './rules/index';
import type { RepoFacts } from './repo/facts';
import type { DocFacts } from './rules/index';
import { docFacts } from './rules/util';
import { FieldStates } from './rules/field-states';
import type { FieldKey } from './fields';
import type { FieldState } from './model';
import { filterSuppressed, readSuppressions, SUPPRESSION_RULE_ID } from './suppressions';

export const SOURCE = 'itsmote';
export const DEFAULT_DOCS_URL = 'https://github.com/itsmote/itsmote-changes/blob/main/docs/rules.md';

/** What a check needs besides the document: config, clock and docs location. */
export interface CheckOptions {
  config: Config;
  /** "Now" in ms since epoch. */
  now: number;
  /** Base URL of docs/rules.md; `#cmNNN` is appended. */
  docsUrl?: string;
  /** Repository facts (CODEOWNERS people, catalog services) for CM016/CM017; the core never reads files. */
  repo?: RepoFacts;
  /** Whether `itsmote-disable` comments apply (default true); false gives every diagnostic, for suppression reports. */
  suppressions?: boolean;
  /**
   * Only the rules that read nothing but the document and its config (`stable`), or only those
   * that also read the clock or the repository (`volatile`, see `RuleMeta.reads`); default all.
   */
  only?: 'stable' | 'volatile';
}

/** Data attached to every diagnostic; `fix` and friends come from the rule's finding. */
export interface DiagnosticData {
  rule: string;
  [key: string]: unknown;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** The LSP severity for a configured severity name. */
export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s];
}

function toDiagnostic(rule: Rule, f: Finding, opts: CheckOptions): Diagnostic | undefined {
  const configured = opts.config.severities[rule.id] ?? rule.severity;
  if (configured === 'off') return undefined;
  const severity = f.atMostWarning && configured === 'error' ? 'warning' : configured;
  return {
    range: f.range,
    severity: SEVERITY[severity],
    code: rule.id,
    source: SOURCE,
    message: f.message,
    codeDescription: { href: `${opts.docsUrl ?? DEFAULT_DOCS_URL}#${rule.id.toLowerCase()}` },
    data: { rule: rule.id, ...(f.data ?? {}) } satisfies DiagnosticData,
  };
}

function ruleOptions(opts: CheckOptions): RuleOptions {
  return {
    now: opts.now,
    staleAfterHours: opts.config.staleAfterHours,
    freezes: opts.config.freezes ?? [],
    extraFields: opts.config.extraFields ?? [],
    ...(opts.repo ? { repo: opts.repo } : {}),
  };
}

/** Diagnostics of the single-document rules, sorted by position. A headerless document gets CM001 alone. */
export function checkDocument(a: Analysis, opts: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  let ctx: DocumentContext | undefined;
  for (const rule of RULES) {
    if (rule.scope !== 'document') continue;
    // A headerless document gets CM001 alone (SPEC section 7), and CM007 for its suppression
    // comments: otherwise a reasonless `itsmote-disable` could hide CM001 without a trace.
    if (!a.doc.header && rule.id !== 'CM001' && rule.id !== SUPPRESSION_RULE_ID) continue;
    if (opts.config.severities[rule.id] === 'off') continue;
    if (opts.only && (opts.only === 'volatile') !== (rule.reads !== undefined)) continue;
    ctx ??= documentContext(a, opts);
    for (const f of rule.check(ctx)) {
      const d = toDiagnostic(rule, f, opts);
      if (d) out.push(d);
    }
  }
  return sortDiagnostics(opts.suppressions === false ? out : filterSuppressed(a, out, RULES));
}

/**
 * What a document rule gets: the model, the text, the options, the directives and the catalogue.
 * A class, not an object literal with a `get text()`: V8 keeps an accessor in the object's hidden
 * class, so a literal whose getter is a fresh closure gets a fresh hidden class (and descriptor
 * array, in old space) per call; two per document made a 10,000-document `check` 70 MB heavier.
 */
class DocumentCtx implements DocumentContext {
  readonly doc: Analysis['doc'];
  readonly options: RuleOptions;
  readonly suppressions: DocumentContext['suppressions'];
  readonly rules = RULES;
  #fields: FieldStates | undefined;

  constructor(
    readonly analysis: Analysis,
    opts: CheckOptions,
  ) {
    this.doc = analysis.doc;
    this.options = ruleOptions(opts);
    this.suppressions = readSuppressions(analysis, RULES);
  }

  get text(): string {
    return analysisText(this.analysis);
  }

  field(key: FieldKey): FieldState {
    return (this.#fields ??= new FieldStates(this.doc)).get(key);
  }
}

function documentContext(a: Analysis, opts: CheckOptions): DocumentContext {
  return new DocumentCtx(a, opts);
}

/** One document of a set, keyed by its path or URI. */
export interface SetEntry {
  key: string;
  analysis: Analysis;
  /**
   * The document's facts when known without its model (a cache's brief): the analysis of a
   * document no set rule takes as a member (`SetRule.member`) is then never read.
   */
  facts?: DocFacts;
}

/**
 * Whether some set rule takes a document with these facts as a member (`SetRule.member`; a rule
 * without one takes every document): what `checkSetRules` reads of the others is only theirs.
 */
export function isSetMember(facts: DocFacts): boolean {
  return RULES.some((r) => r.scope === 'set' && (!r.member || r.member(facts)));
}

/**
 * Diagnostics of the set rules (CM040) for each document of a set. Documents with no findings
 * are absent from the map.
 */
export function checkSetRules(entries: readonly SetEntry[], opts: CheckOptions): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const ro = ruleOptions(opts);
  for (const rule of RULES) {
    if (rule.scope !== 'set' || opts.config.severities[rule.id] === 'off') continue;
    const member = rule.member;
    const members = (member ? entries.filter((e) => member(e.facts ?? docFacts(e.analysis.doc))) : entries).map(
      (e) => ({ key: e.key, doc: e.analysis.doc }),
    );
    for (const [key, findings] of rule.check({ members, options: ro })) {
      const list = out.get(key) ?? [];
      for (const f of findings) {
        const d = toDiagnostic(rule, f, opts);
        if (d) list.push(d);
      }
      out.set(key, list);
    }
  }
  if (opts.suppressions !== false) {
    const byKey = new Map(entries.map((e) => [e.key, e]));
    for (const [key, list] of out) out.set(key, filterSuppressed(byKey.get(key)!.analysis, list, RULES));
  }
  return out;
}

/**
 * Diagnostics of the repository rules (CM050) over a pull request's changed files, keyed by the
 * repository-relative file each is reported on. Only `check --require-change` runs them.
 */
export function checkRepoRules(input: RepoChangeInput, opts: CheckOptions): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const ro = ruleOptions(opts);
  for (const rule of RULES) {
    if (rule.scope !== 'repo' || opts.config.severities[rule.id] === 'off') continue;
    for (const f of rule.check({ ...input, options: ro })) {
      const d = toDiagnostic(rule, f, opts);
      if (d) out.set(f.file, [...(out.get(f.file) ?? []), d]);
    }
  }
  return out;
}

/** Sorts diagnostics by start position, then code. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      String(a.code).localeCompare(String(b.code)),
  );
}
