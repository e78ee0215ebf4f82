/** Helpers shared by rules: where diagnostics go and common predicates. */
import type { Range } from 'vscode-languageserver-types';
import type { ChangeDocument } from '../schema';
import type { FieldKey } from '../fields';
import { fieldInfo } from '../fields';
import { closest } from '../values';
import type { DocFacts } from './types';

const LINE_ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Where a missing field is reported: the bullet of the header list's first line (SPEC: the
 * header list's first line), a range of its own that no field's name or value covers, so hovering
 * the first field shows that field, and hovering the bullet shows what is missing; line 0
 * without a header. See docs/rules.md "Decisions".
 */
export function missingRange(doc: ChangeDocument): Range {
  const h = doc.header;
  if (!h) return LINE_ZERO;
  const at = h.items[0]?.range.start ?? h.firstLineRange.start;
  return { start: at, end: { line: at.line, character: at.character + 1 } };
}

/** The range of a field's first header item, or the missing-field range. */
export function itemRange(doc: ChangeDocument, key: FieldKey): Range {
  return doc.header?.items.find((i) => i.key === key)?.range ?? missingRange(doc);
}

/** The Status item's range (CM020, CM031, CM036, CM037 report there). */
export function statusRange(doc: ChangeDocument): Range {
  return itemRange(doc, 'status');
}

/**
 * The one wording every rule uses for a header item that counts as missing (SPEC section 2: an
 * empty value or a placeholder): `"Risk level" has no value` or `"Risk level" has a placeholder
 * ("TBD") instead of a value`. Never quotes "empty" as if it had been typed.
 */
export function emptyItemText(name: string, value: string): string {
  const v = value.trim().replace(/\s+/g, ' ');
  return v === ''
    ? `"${name}" has no value`
    : `"${name}" has a placeholder ("${v.length > 40 ? `${v.slice(0, 37)}...` : v}") instead of a value`;
}

/** Data for the "insert missing field" quick fix. */
export function insertFieldData(key: FieldKey): Record<string, unknown> {
  return { fix: 'insertField', field: key, name: fieldInfo(key).name };
}

/** Whether an Emergency change is still "documenting after" (not yet Closed or Rolled Back). */
export function emergencyStillOpen(doc: ChangeDocument): boolean {
  return doc.values.changeType === 'Emergency' && doc.values.status !== 'Closed' && doc.values.status !== 'Rolled Back';
}

/**
 * For a field with no header item: the line where markdown put an item of it outside the header,
 * and why (SPEC section 8, "messages that point at the cause"); '' when there is none.
 */
export function strayNote(doc: ChangeDocument, key: FieldKey): string {
  const s = doc.header?.stray.find((x) => x.key === key);
  return s ? ` Line ${s.line + 1} has "${s.name}:", but ${s.cause}.` : '';
}

/** The facts of a model that `mayReport` and `member` read (see `DocFacts`). */
export function docFacts(doc: ChangeDocument): DocFacts {
  const v = doc.values;
  const facts: DocFacts = { header: doc.header !== undefined, serviceCount: v.services.length };
  if (v.status !== undefined) facts.status = v.status;
  if (v.window) facts.window = { start: v.window.start, end: v.window.end };
  return facts;
}

/** How many answers `suggest` keeps per candidate list before it starts again (a long-lived server sees many names). */
const SUGGESTION_MEMO = 512;

const suggestions = new WeakMap<readonly string[], Map<string, string | undefined>>();

/**
 * `closest(value, candidates)`, remembered per candidate list (by identity): the same unknown
 * names and misspelt values come back in document after document (`Jira`, `PR`), and each
 * answer costs an edit distance per candidate.
 */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  let memo = suggestions.get(candidates);
  if (!memo) suggestions.set(candidates, (memo = new Map()));
  const known = memo.get(value);
  if (known !== undefined || memo.has(value)) return known;
  const answer = closest(value, candidates);
  if (memo.size >= SUGGESTION_MEMO) memo.clear();
  memo.set(value, answer);
  return answer;
}
