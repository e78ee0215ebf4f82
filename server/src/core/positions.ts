/**
 * The one place that converts positions. mdast points are 1-based (line, column) with a 0-based
 * `offset`; LSP positions are 0-based (line, UTF-16 character). We convert through offsets only,
 * because offsets are exact for tabs, CRLF and astral characters, where columns are not.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Node } from 'mdast';

/** Line-start table over a text, for offset <-> LSP position conversion. */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  /** The line of the last `positionAt`: readers go through a document in order, so the next offset is usually on it. */
  private hint = 0;

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Without CR every break is one LF, and indexOf finds them faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the start of a 0-based line (clamped). */
  lineStart(line: number): number {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    return this.starts[l]!;
  }

  /** Offset just past the last content character of a line (before its line break). */
  lineEnd(line: number): number {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    let end = l + 1 < this.starts.length ? this.starts[l + 1]! : this.text.length;
    while (end > this.starts[l]! && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13))
      end--;
    return end;
  }

  /** The text of a 0-based line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let lo = this.hint;
    // The binary search only when the offset is not on the line of the last call.
    if (!(starts[lo]! <= o && (lo + 1 === starts.length || o < starts[lo + 1]!))) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      this.hint = lo;
    }
    // An offset on a line break (inside a CRLF pair, or on the break itself) belongs to the end
    // of its line. A line's content holds no CR or LF, so any other offset is its own column.
    const c = this.text.charCodeAt(o);
    const character = (c === 10 || c === 13 ? this.lineEnd(lo) : o) - starts[lo]!;
    return { line: lo, character: Math.max(0, character) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The whole of a 0-based line as a range. */
  lineRange(line: number): Range {
    // What rangeOf(lineStart, lineEnd) gives, without searching for the line.
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    return { start: { line: l, character: 0 }, end: { line: l, character: this.lineEnd(l) - this.starts[l]! } };
  }

  /** The LSP range of an mdast node (offsets are relative to `base`, see parse.ts). */
  nodeRange(node: Node, base = 0): Range {
    const p = node.position;
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return this.lineRange(0);
    return this.rangeOf(p.start.offset + base, p.end.offset + base);
  }
}
