/** Shared helpers of the rule tests: where a line is, what a diagnostic's range is, one-finding asserts. */
import { strict as assert } from 'node:assert';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { codes, editLine, VALID_NORMAL } from '../../helpers/doc';
import type { Config } from '../../../server/src/core/config';
import type { RepoFacts } from '../../../server/src/core/repo/facts';
import type { ChangedFile, CatalogComponent } from '../../../server/src/core/rules/index';

export const ERROR = 1;
export const WARNING = 2;
export const INFORMATION = 3;

/** Status log lines of a Normal change on its usual path (VALID_NORMAL's own entries). */
export const LOG_PLANNED = '2026-11-26 10:02 UTC Planned by @alice';
export const LOG_APPROVED = '2026-11-27 09:15 UTC Approved by @bob';
export const LOG_IN_PROGRESS = '2026-11-27 10:00 UTC In Progress by @alice';
/** A Normal change's log up to execution: planned, approved, started the day after (no author). */
export const LOG_STARTED = [LOG_PLANNED, LOG_APPROVED, '2026-11-28 09:00 UTC In Progress'];

/**
 * What makes a rule fire, exported by its test file as `FAILING` (severity.test.ts runs every
 * rule's through the engine): a document (with the repository facts or config it needs), a set
 * of documents for a set rule, or a pull request's changes for a repository rule.
 */
export type Failing =
  | { text: string; repo?: RepoFacts; config?: Partial<Config> }
  | { set: string[] }
  | { changes: { changedFiles: ChangedFile[]; components: CatalogComponent[]; documents: string[] } };

/** The 0-based line of the first line starting with `prefix` (whole text lines, LF or CRLF). */
export function lineOf(text: string, prefix: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i;
}

/** The range of the whole single line that starts with `prefix`, trailing spaces excluded. */
export function lineRange(text: string, prefix: string): Range {
  const line = lineOf(text, prefix);
  const len = text.split(/\r?\n/)[line]!.trimEnd().length;
  return { start: { line, character: 0 }, end: { line, character: len } };
}

/** The range of `needle` on the line that starts with `prefix`. */
export function rangeIn(text: string, prefix: string, needle: string): Range {
  const line = lineOf(text, prefix);
  const character = text.split(/\r?\n/)[line]!.indexOf(needle);
  if (character < 0) throw new Error(`no ${needle} on line ${line}`);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

/** The bullet of the line that starts with `prefix`: where missing-field diagnostics sit when it is the header's first line. */
export function bulletOf(text: string, prefix: string): Range {
  const line = lineOf(text, prefix);
  return { start: { line, character: 0 }, end: { line, character: 1 } };
}

/**
 * Where missing fields are reported in VALID_NORMAL-based docs: the bullet of the header list's
 * first line (`- Change type: Normal`), not the whole line (docs/rules.md "Decisions").
 */
export function missingAnchor(text: string): Range {
  return bulletOf(text, '- Change type');
}

/** What a single expected diagnostic must look like. */
export interface Expected {
  severity: number;
  range: Range;
  /** Words (case-insensitive) the message must contain. */
  words?: string[];
  /** The quick fix named in `data.fix`, or null for none. */
  fix?: string | null;
}

/** Asserts that `text` yields exactly one diagnostic of `code`, shaped as expected; returns it. */
export function expectOne(
  text: string,
  code: string,
  e: Expected,
  config: Partial<Config> = {},
  now?: number,
): Diagnostic {
  const ds = codes(text, code, config, now);
  assert.equal(ds.length, 1, `expected one ${code}, got ${JSON.stringify(ds.map(msg))}`);
  const d = ds[0]!;
  assertShape(d, code, e);
  return d;
}

/** Asserts the shape of one diagnostic. */
export function assertShape(d: Diagnostic, code: string, e: Expected): void {
  assert.equal(d.code, code);
  assert.equal(d.source, 'itsmote');
  assert.equal(d.severity, e.severity, `severity of ${code}: ${d.message}`);
  assert.deepEqual(d.range, e.range, `range of ${code}: ${d.message}`);
  for (const w of e.words ?? []) assert.ok(msg(d).toLowerCase().includes(w.toLowerCase()), `"${w}" not in: ${msg(d)}`);
  assert.ok(d.codeDescription?.href.endsWith(`#${code.toLowerCase()}`), 'links to the rule docs');
  const data = d.data as { rule: string; fix?: string };
  assert.equal(data.rule, code);
  if (e.fix !== undefined) assert.equal(data.fix, e.fix ?? undefined);
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup). */
export function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Asserts that `text` yields no diagnostic of `code`. */
export function expectNone(text: string, code: string, config: Partial<Config> = {}, now?: number): void {
  const ds = codes(text, code, config, now);
  assert.deepEqual(ds.map(msg), [], `expected no ${code}`);
}

/** VALID_NORMAL with its header line starting with `prefix` replaced (null removes it). */
export function withLine(prefix: string, replacement: string | null, text = VALID_NORMAL): string {
  return editLine(text, prefix, replacement);
}

/** VALID_NORMAL with a status log replaced by `entries` (one string per line, without `- `) and Status set. */
export function withLog(status: string, entries: string[], text = VALID_NORMAL): string {
  const head = text.slice(0, text.indexOf('## Status log'));
  const withStatus = editLine(head, '- Status:', `- Status: ${status}`);
  return `${withStatus}## Status log\n\n${entries.map((e) => `- ${e}`).join('\n')}\n`;
}

/** A small valid Standard change (no diagnostics at NOW). */
export const VALID_STANDARD = `# Rotate TLS certificates on edge

- Change type: Standard
- Change Owner: @carol
- Affected services: edge
- Risk level: Low
- Status: Planned
- Planned execution time: 2026-12-02 09:00 UTC, 30 min
- Rollback plan: re-deploy the previous certificate bundle
- Verification plan: synthetic TLS check green for 10 min
- Expected user impact: none expected

## Status log

- 2026-11-27 08:00 UTC Planned by @carol
`;

/** A valid open Emergency change (In Progress, incident linked, all plans written). */
export const VALID_EMERGENCY = `# Roll back bad config on checkout

- Change type: Emergency
- Change Owner: @dave
- Affected services: checkout
- Risk level: Medium
- Status: In Progress
- Incident: INC-1234
- Rollback plan: re-apply the previous config
- Verification plan: checkout error rate back under 0.1%
- Expected user impact: checkout errors stop

## Status log

- 2026-11-28 10:00 UTC In Progress by @dave
`;
