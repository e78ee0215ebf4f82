/**
 * The rule contract, owned by the engine (`core/check.ts`). A rule is
 * `{ id, name, severity, docs, check(ctx), fixes? }`: a small pure function from a context the
 * engine builds to findings, plus the quick fixes of its own diagnostics. The engine turns
 * findings into LSP diagnostics (code, source, severity, docs link) and applies suppressions with
 * the catalogue passed in, so a rule never imports the catalogue.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Analysis, FieldState } from '../model';
import type { ChangeDocument } from '../schema';
import type { RepoFacts } from '../repo/facts';
import type { Freeze } from '../freezes';
import type { Suppression } from '../suppressions';
import type { Fix, FixOptions } from '../actions/fix';
import type { FieldKey, Status } from '../fields';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Options rules may read (never settings directly: the shells resolve them). */
export interface RuleOptions {
  /** "Now" in ms since epoch, for rules that read the clock (CM036). */
  now: number;
  /** Hours after which an In Progress/Verifying change is stale. */
  staleAfterHours: number;
  /** Facts the shell read from the repository (CODEOWNERS, service catalog); absent: those rules do not run. */
  repo?: RepoFacts;
  /** Change freezes of the document's config (CM041); absent or empty: no freeze. */
  freezes?: readonly Freeze[];
  /** Custom header fields of the repository (`.itsmote.json` `extraFields`): known, never CM006. */
  extraFields?: readonly string[];
}

/**
 * The few facts of a document that tell, without its model, that a volatile rule cannot report
 * on it or that a set rule ignores it (`DocumentRule.mayReport`, `SetRule.member`). A cache keeps
 * them beside each record (core/record.ts), so that a warm check decodes only the records it
 * needs. `docFacts` (rules/util.ts) reads them from a model.
 */
export interface DocFacts {
  /** Whether the document has a header (without one only CM001 and CM007 run). */
  header: boolean;
  status?: Status;
  /** The execution window, when one was read. */
  window?: { start: number; end: number };
  /** How many affected services the header names. */
  serviceCount: number;
}

/** What a rule reports. */
export interface Finding {
  range: Range;
  message: string;
  /** Data a quick fix needs; passed on as `diagnostic.data.fix`. */
  data?: Record<string, unknown>;
  /** Caps the severity at warning (Emergency changes document after, SPEC section 3). */
  atMostWarning?: boolean;
}

/** What every rule says about itself: the catalogue entry the engine, docs and schema read. */
export interface RuleMeta {
  /** Stable rule ID, e.g. `CM010`. */
  id: string;
  /** Short kebab-case name, e.g. `rollback-missing`. */
  name: string;
  /** The default severity (`.itsmote.json` `rules` overrides it). */
  severity: Severity;
  /**
   * Why the rule exists, from the process: written once, here. It is the hover, the SARIF
   * description and the rule's **Why** in docs/rules.md (generated).
   */
  docs: string;
  /**
   * What the rule reads besides the document and its config: the clock (CM036) or facts of the
   * repository and the other documents (CM016, CM017). Such a rule only reads the model's
   * values, header items and status log, so caches keep a slim model and run it again on every
   * check (core/record.ts); the others' diagnostics are cached.
   */
  reads?: 'clock' | 'repository';
}

/** What the engine gives a document rule. */
export interface DocumentContext {
  /** The document model (zod-validated header, sections, status log). */
  doc: ChangeDocument;
  /** The whole analysis: the model and its markdown (lines, tree; lazy on the fast path). */
  analysis: Analysis;
  /** The document text. */
  text: string;
  options: RuleOptions;
  /** The document's `itsmote-disable` directives, read by the engine with the catalogue. */
  suppressions: readonly Suppression[];
  /** The catalogue (IDs and names of every rule), passed in so that no rule imports it. */
  rules: readonly RuleMeta[];
  /**
   * The state of a field, equal to `fieldState(doc, key)` (model.ts): read in one pass over the
   * header for every rule of the document (rules/field-states.ts).
   */
  field(key: FieldKey): FieldState;
}

/** What the engine gives a rule's quick fixes: one diagnostic of that rule, in its document. */
export interface FixContext {
  analysis: Analysis;
  diagnostic: Diagnostic;
  /** `diagnostic.data` (what the finding carried), `{}` when absent. */
  data: Record<string, unknown>;
  options: FixOptions;
}

/**
 * The quick fixes of a rule's diagnostics. Stateless: computed from the diagnostic's code and data
 * and the document text, never from settings.
 */
export type FixProvider = (ctx: FixContext) => Fix[];

/** The parts of a rule every scope shares. */
interface RuleBase extends RuleMeta {
  /** The rule's quick fixes (none when absent). */
  fixes?: FixProvider;
}

/** A rule over a single document. */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(ctx: DocumentContext): Finding[];
  /**
   * For a rule that `reads` the clock or the repository: false when `check` reports nothing on a
   * document with these facts, at this clock and with these repository facts (true when unsure).
   * A cache then gives the document's diagnostics without decoding its record.
   */
  mayReport?(facts: DocFacts, options: Pick<RuleOptions, 'now' | 'repo'>): boolean;
}

/** What the engine gives a set rule: every document of the set. */
export interface SetContext {
  members: readonly SetMember[];
  options: RuleOptions;
}

/** A rule over a set of documents (CM040); findings are reported per document. */
export interface SetRule extends RuleBase {
  scope: 'set';
  check(ctx: SetContext): Map<string, Finding[]>;
  /**
   * False for a document that `check` ignores (reports nothing on, and reads nothing of for the
   * others): the engine leaves it out of `members`, and a cache need not decode its record.
   */
  member?(facts: DocFacts): boolean;
}

/** One document of a set, keyed by its path or URI. */
export interface SetMember {
  key: string;
  doc: ChangeDocument;
}

/** A component of the service catalog: its service name and folder (repository-relative, `/`, `''` = the root). */
export interface CatalogComponent {
  name: string;
  dir: string;
}

/** A file changed since the base of a pull request, repository-relative with `/`. */
export interface ChangedFile {
  path: string;
  /** A change document, or a path `requireChange.ignore` lists: never needs a change. */
  exempt: boolean;
}

/** What a repository rule (CM050) reads: the changed files, the catalog and every change document. */
export interface RepoChangeInput {
  changedFiles: readonly ChangedFile[];
  components: readonly CatalogComponent[];
  /** Every change document of the repository (not only those named on the command line). */
  documents: readonly ChangeDocument[];
}

/** A finding on a changed file (not a change document): reported at its first line. */
export interface RepoFinding extends Finding {
  /** The repository-relative path of the file it is reported on. */
  file: string;
}

/** What the engine gives a repository rule. */
export interface RepoContext extends RepoChangeInput {
  options: RuleOptions;
}

/** A rule over a repository's changes (CM050); runs only when asked (`check --require-change`). */
export interface RepoRule extends RuleBase {
  scope: 'repo';
  check(ctx: RepoContext): RepoFinding[];
}

export type Rule = DocumentRule | SetRule | RepoRule;
