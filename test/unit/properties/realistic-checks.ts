/**
 * Properties over the realistic corpus (scripts/bench/realistic-corpus.ts, SPEC section 8):
 * the fast path and the remark path agree, and "Advance status" appends exactly one entry to the
 * log wherever and however it is written, changing nothing else but the values it must.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/core/model';
import type { Analysis } from '../../../server/src/core/model';
import type { LogEntry } from '../../../server/src/core/schema';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import { fastAnalysis, indexDocument } from '../../../server/src/core/fast/index';
import { advanceEdits, advanceTargets } from '../../../server/src/core/actions/index';
import type { FixOptions } from '../../../server/src/core/actions/index';
import { fieldState } from '../../../server/src/core/model';
import { formatUtc } from '../../../server/src/core/time';
import { CORPUS_NOW, REALISTIC_EXTRA_FIELDS } from '../../../scripts/bench/realistic-corpus';
import { applyChecked } from './checks';

const PATH = 'changes/realistic-change.md';
const CHECK = { config: { ...defaultConfig(), extraFields: [...REALISTIC_EXTRA_FIELDS] }, now: CORPUS_NOW };

/** Property: the line scan's model and diagnostics equal remark's (whichever path the scan takes). */
export function fastPathAgrees(text: string): void {
  const full = analyze(text, PATH);
  const indexed = indexDocument(text, PATH);
  assert.deepStrictEqual(indexed.doc, full.doc, `model differs (fast: ${indexed.fast}, ${indexed.reason ?? ''})`);
  assert.deepStrictEqual(
    checkDocument(fastAnalysis(text, PATH), CHECK),
    checkDocument(full, CHECK),
    'diagnostics differ',
  );
}

/**
 * Lines with their line breaks; a last line without one gets `eol` (the one an edit writes after
 * it: CRLF when the document has any), on both sides alike.
 */
function lines(text: string, eol: string): string[] {
  const ls = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  if (ls.length && !/[\r\n]$/.test(ls[ls.length - 1]!)) ls[ls.length - 1] += eol;
  return ls;
}

/** Indices of the lines only in `a` and only in `b` (longest common subsequence of whole lines). */
function lineDiff(a: string[], b: string[]): { removed: number[]; added: number[] } {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(j++);
    else removed.push(i++);
  }
  return { removed, added };
}

const entryKey = (e: LogEntry) =>
  JSON.stringify([e.statusText, e.at ?? null, e.timestampError ?? null, e.by ?? null, e.note ?? null]);
const strip = (s: string) => s.trim().replace(/^[*_]+|[*_]+$/g, '');

/** What one advance did, for the figures (`scripts`) and the property. */
export interface AdvanceOutcome {
  to: string;
  /** Readable new entries written (always 1 when the advance was written). */
  newEntries: number;
  refused: boolean;
}

/**
 * Property: each offered advance changes only the Status value, the values it fills (Approval on
 * Approved, Outcome on Closed/Rolled Back), and adds exactly one dated entry (status `to`, now,
 * the author) to the existing log, the old entries unchanged; a log is created only when there
 * was none (then a Planned start is a placeholder line, never a dated guess). Every other line is
 * byte-identical. `strict`: every allowed target must be written (no refusal).
 */
export function advanceAppendsOneEntry(text: string, opts: FixOptions, strict = false): AdvanceOutcome[] {
  const a: Analysis = analyze(text, PATH);
  const out: AdvanceOutcome[] = [];
  const author = opts.author.replace(/\s+/g, ' ').trim();
  for (const to of advanceTargets(a)) {
    const edits = advanceEdits(a, to, opts);
    if (!edits) {
      assert.ok(!strict, `advance to ${to} was refused`);
      out.push({ to, newEntries: 0, refused: true });
      continue;
    }
    const what = `advance to ${to}`;
    const result = applyChecked(text, edits, what);
    const after = analyze(result, PATH).doc;
    const before = a.doc;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const b = lines(text, eol);
    const r = lines(result, eol);
    const { removed, added } = lineDiff(b, r);
    const addedLeft = new Set(added);

    // Lines that changed: only the Status, Approval and Outcome items, and only in their values.
    const editable = new Map<
      number,
      { item: NonNullable<ReturnType<typeof fieldState>['item']>; value: (v: string) => boolean }
    >();
    const status = fieldState(before, 'status').item;
    if (status) editable.set(status.valueRange.start.line, { item: status, value: (v) => strip(v) === to });
    const approval = fieldState(before, 'approval').item;
    if (approval && to === 'Approved')
      editable.set(approval.valueRange.start.line, {
        item: approval,
        value: (v) => v.trim() === `${author}, ${formatUtc(opts.now).slice(0, 10)}`,
      });
    const outcome = fieldState(before, 'outcome').item;
    if (outcome && to === 'Closed')
      editable.set(outcome.valueRange.start.line, {
        item: outcome,
        value: (v) => v.trim() === (opts.note ?? '').replace(/\s+/g, ' ').trim(),
      });
    for (const i of removed) {
      // Two identical lines (a repeated Status item) may be paired either way by the diff.
      const e = editable.get(i) ?? [...editable].find(([l]) => b[l] === b[i])?.[1];
      assert.ok(e, `${what} changed line ${i + 1}: ${JSON.stringify(b[i])}`);
      const { start, end } = e.item.valueRange;
      const pre = b[i]!.slice(0, start.character);
      const post = end.line === i ? b[i]!.slice(end.character) : undefined;
      const k = added.find(
        (j) => addedLeft.has(j) && r[j]!.startsWith(pre.trimEnd()) && (post === undefined || r[j]!.endsWith(post)),
      );
      assert.ok(k !== undefined, `${what}: no edited counterpart of ${JSON.stringify(b[i])}`);
      const middle = r[k]!.slice(pre.trimEnd().length, post === undefined ? undefined : r[k]!.length - post.length);
      assert.ok(
        post === undefined || e.value(middle),
        `${what}: ${JSON.stringify(b[i])} became ${JSON.stringify(r[k])}`,
      );
      addedLeft.delete(k);
    }

    const old0 = before.statusLog?.entries ?? [];
    // Lines added: exactly one dated entry; an Outcome or Status item when there was none; for a
    // new log its heading, blank lines and at most a placeholder Planned line.
    const entryLines = [...addedLeft].filter((j) =>
      new RegExp(`^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[[ xX]\\]\\s+)?${formatUtc(opts.now)} ${to}\\b`).test(r[j]!),
    );
    assert.equal(
      entryLines.length,
      1,
      `${what} added ${entryLines.length} dated entries:\n${[...addedLeft].map((j) => r[j]).join('')}`,
    );
    addedLeft.delete(entryLines[0]!);
    for (const j of addedLeft) {
      const l = r[j]!.trim();
      const ok =
        (l.startsWith('- Outcome:') || /^[-*+]\s+Outcome:/.test(l)
          ? (to === 'Closed' || to === 'Rolled Back') && !outcome
          : false) ||
        (/^[-*+]\s+Status:/.test(l) && !status) ||
        // A blank line keeps a loose log loose, or starts a list in a log section without one.
        (l === '' && before.statusLog !== undefined && (before.statusLog.loose || !before.statusLog.hasList)) ||
        (!before.statusLog && (l === '' || l === '## Status log')) ||
        (/^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?YYYY-MM-DD HH:MM UTC Planned by \.\.\.$/.test(l) &&
          !old0.some((e) => e.status));
      assert.ok(ok, `${what} added an unexpected line ${JSON.stringify(r[j])}`);
    }

    // The log: the old entries unchanged and in order, then the new ones.
    const old = before.statusLog?.entries ?? [];
    const now = after.statusLog?.entries ?? [];
    assert.deepEqual(now.slice(0, old.length).map(entryKey), old.map(entryKey), `${what} changed old entries`);
    const fresh = now.slice(old.length);
    const dated = fresh.filter((e) => e.at !== undefined);
    assert.equal(dated.length, 1, `${what} wrote ${dated.length} dated entries`);
    assert.equal(fresh[fresh.length - 1]?.status, to);
    assert.equal(dated[0]!.at, Math.floor(opts.now / 60_000) * 60_000);
    if (author) assert.equal(dated[0]!.by, author);
    if (old.some((e) => e.status))
      assert.equal(fresh.length, 1, `${what} added ${fresh.length} entries to an existing log`);
    else
      assert.ok(
        fresh.length === 1 || (fresh.length === 2 && fresh[0]!.status === 'Planned' && fresh[0]!.at === undefined),
        `${what} started a log with ${fresh.map((e) => e.statusText)}`,
      );
    out.push({ to, newEntries: dated.length, refused: false });
  }
  return out;
}
