/**
 * Text-edit helpers for code actions: offsets in, LSP `TextEdit`s out (through the document's
 * `LineIndex`, the one place positions are converted), plus a pure `applyEdits` so that fix-all
 * can re-check its own result without an editor.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { LineIndex } from '../positions';

/** The line break the document uses (CRLF when it has any), so inserted lines match. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** An edit that replaces the text between two offsets. */
export function replaceSpan(lines: LineIndex, start: number, end: number, newText: string): TextEdit {
  return { range: lines.rangeOf(start, end), newText };
}

/** An edit that inserts text at an offset. */
export function insertAt(lines: LineIndex, offset: number, newText: string): TextEdit {
  return replaceSpan(lines, offset, offset, newText);
}

/** Removes whole lines `first..last` (0-based, inclusive), line break included. */
export function deleteLines(lines: LineIndex, first: number, last: number): TextEdit {
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : lines.text.length;
  // Deleting the last line of a file: take the line break before it instead.
  const from = end === lines.text.length && first > 0 && last + 1 >= lines.lineCount ? lines.lineEnd(first - 1) : start;
  return replaceSpan(lines, from, end, '');
}

/** Applies non-overlapping edits to a text (the same contract as LSP clients). Throws on overlap. */
export function applyEdits(lines: LineIndex, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error('overlapping edits');
    out += lines.text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + lines.text.slice(at);
}

/** Whether two edits overlap (touching at one point does not count, except two inserts at the same spot). */
export function overlaps(lines: LineIndex, a: TextEdit, b: TextEdit): boolean {
  const as = lines.offsetAt(a.range.start);
  const ae = lines.offsetAt(a.range.end);
  const bs = lines.offsetAt(b.range.start);
  const be = lines.offsetAt(b.range.end);
  if (as === ae && bs === be) return as === bs;
  return as < be && bs < ae;
}

/** The smallest single edit turning the text into `after` (common prefix and suffix left alone). */
export function minimalEdit(lines: LineIndex, after: string): TextEdit | undefined {
  const before = lines.text;
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before[p] === after[p]) p++;
  // never split a CRLF pair
  if (p > 0 && before[p - 1] === '\r') p--;
  let s = 0;
  while (s < max - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return replaceSpan(lines, p, before.length - s, after.slice(p, after.length - s));
}

/** The header item whose range contains a position's line (used to find a diagnostic's item). */
export function itemAtLine(a: Analysis, line: number) {
  return a.doc.header?.items.find((i) => i.range.start.line <= line && line <= i.range.end.line);
}

/**
 * Replaces a header item's value, and nothing around it: comments and trailing spaces stay, and
 * emphasis around the old value (`**Approved**`) stays around the new one. Only the value's first
 * line is replaced: lines below it are the user's text (an edit that needs them gone is refused
 * by its caller when the result does not read back). An empty value right after the colon gets a
 * space before it.
 */
export function replaceItemValue(
  a: Analysis,
  item: { valueRange: { start: Position; end: Position } },
  value: string,
): TextEdit {
  const l = a.md.lines;
  let start = l.offsetAt(item.valueRange.start);
  let end = l.offsetAt(item.valueRange.end);
  if (item.valueRange.end.line > item.valueRange.start.line) {
    end = l.lineEnd(item.valueRange.start.line);
    while (end > start && /\s/.test(a.md.text[end - 1]!)) end--;
  }
  const marks = /^([*_]{1,3})(?=[^*_\s])[\s\S]*?[^*_\s]\1$/.exec(a.md.text.slice(start, end));
  if (marks && value !== '') {
    start += marks[1]!.length;
    end -= marks[1]!.length;
  }
  const pad = start === end && start > 0 && !/\s/.test(a.md.text[start - 1]!) && value !== '' ? ' ' : '';
  return replaceSpan(l, start, end, pad + value);
}
