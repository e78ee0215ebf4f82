/**
 * The rule interface. A rule is a small pure function from an analysed document to findings;
 * `check.ts` turns findings into LSP diagnostics with code, source, severity and docs link.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { ChangeDocument } from '../schema';
import type { RepoFacts } from '../repo/facts';
import type { Freeze } from '../freezes';

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

/** What a rule reports. */
export interface Finding {
  range: Range;
  message: string;
  /** Data a quick fix needs; passed on as `diagnostic.data.fix`. */
  data?: Record<string, unknown>;
  /** Caps the severity at warning (Emergency changes document after, SPEC section 3). */
  atMostWarning?: boolean;
}

interface RuleMeta {
  /** Stable rule ID, e.g. `CM010`. */
  id: string;
  /** Short kebab-case name, e.g. `rollback-missing`. */
  name: string;
  defaultSeverity: Severity;
  /** Why the rule exists, from the process; shown on hover. */
  rationale: string;
  /**
   * What the rule reads besides the document and its config: the clock (CM036) or facts of the
   * repository and the other documents (CM016, CM017). Such a rule only reads the model's
   * values, header items and status log, so caches keep a slim model and run it again on every
   * check (core/record.ts); the others' diagnostics are cached.
   */
  reads?: 'clock' | 'repository';
}

/** A rule over a single document. */
export interface DocumentRule extends RuleMeta {
  scope: 'document';
  check(a: Analysis, options: RuleOptions): Finding[];
}

/** A rule over a set of documents (CM040); findings are reported per document. */
export interface SetRule extends RuleMeta {
  scope: 'set';
  check(docs: readonly SetMember[], options: RuleOptions): Map<string, Finding[]>;
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

/** A rule over a repository's changes (CM050); runs only when asked (`check --require-change`). */
export interface RepoRule extends RuleMeta {
  scope: 'repo';
  check(input: RepoChangeInput, options: RuleOptions): RepoFinding[];
}

export type Rule = DocumentRule | SetRule | RepoRule;
