/**
 * Writing status log lines: appended to the log where and as it is written (the prefix, bullet,
 * task box and numbering of its entries, a loose list kept loose, the line break of the line it
 * follows), or a new `## Status log` section at the end of a document that has none. The edit
 * only inserts: no byte of the document is rewritten.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { Status } from '../fields';
import { PLACEHOLDER_AUTHOR, PLACEHOLDER_TIME } from '../status-log';
import { eolOf, insertAt } from './text';

/** The line break ending the line at `offset`, else the document's (for a last line without one). */
export function eolAt(text: string, offset: number): string {
  if (text.startsWith('\r\n', offset)) return '\r\n';
  if (text[offset] === '\n' || text[offset] === '\r') return text[offset]!;
  return eolOf(text);
}

/**
 * A skeleton line for a step whose time and author are unknown: the user writes them. It reads
 * as an entry whose time cannot be read (CM005 points at it until it is filled in), so that the
 * lifecycle checks still see the step; no code action ever dates a step it did not see.
 */
export function skeletonLine(status: Status): string {
  return `${PLACEHOLDER_TIME} ${status} by ${PLACEHOLDER_AUTHOR}`;
}

/** `prefix` for the k-th of several new lines: an ordered list's number counts up. */
function nthPrefix(prefix: string, k: number): string {
  return k === 0 ? prefix : prefix.replace(/\d{1,9}/, (n) => String(Number(n) + k));
}

/** The edit writing `lines` (entry texts, without bullet) at the end of the status log, or a new log. */
export function appendLogLines(a: Analysis, lines: readonly string[]): TextEdit {
  const text = a.md.text;
  const log = a.doc.statusLog;
  if (log) {
    const eol = eolAt(text, log.appendOffset);
    // A loose list stays loose; a section without a list gets one after a blank line.
    const join = log.hasList && log.loose ? eol + eol : eol;
    const lead = log.hasList && !log.loose ? eol : eol + eol;
    const body = lines.map((l, k) => nthPrefix(log.prefix, k) + l).join(join);
    // A new list in a section needs a blank line after it too, or the next line (an indented
    // heading, text) would join its last item.
    const next = a.md.lines.positionAt(log.appendOffset).line + 1;
    const trail = !log.hasList && next < a.md.lines.lineCount && a.md.lines.lineText(next).trim() !== '' ? eol : '';
    return insertAt(a.md.lines, log.appendOffset, lead + body + trail);
  }
  // No log anywhere: a `## Status log` section at the end, after exactly one blank line.
  const eol = eolOf(text);
  const bullet = `${a.doc.header?.bullet ?? '-'} `;
  const body = lines.map((l) => bullet + l).join(eol);
  let breaks = 0;
  for (let i = text.length - 1; i >= 0 && /\s/.test(text[i]!); i--)
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++;
  const before = breaks >= 2 ? '' : breaks === 1 ? eol : eol + eol;
  const after = breaks >= 1 ? eol : '';
  return insertAt(a.md.lines, text.length, `${before}## Status log${eol}${eol}${body}${after}`);
}
