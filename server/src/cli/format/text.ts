/**
 * The default output, after ESLint's "stylish": each file with problems, then one line per
 * diagnostic (`line:col  severity  message  CODE`, 1-based), then a summary line.
 *
 * On a terminal the message column fits the terminal's width: a long message wraps onto lines
 * indented under it, and the codes stand in one column at the right. Piped (no width), nothing
 * is padded or wrapped: each diagnostic is one line, the code right after its message, so `grep`
 * and editors' problem matchers read it whole.
 */
import { styleText } from 'node:util';
import type { FileResult } from '../run-checks';
import { countSeverities } from '../run-checks';
import { messageText, severityName } from './severity';

/** `1 error`, `2 errors`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary line: `N errors, N warnings, N infos in N files`. */
export function summaryLine(results: readonly FileResult[]): string {
  const c = countSeverities(results);
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')} in ${plural(results.length, 'file')}`;
}

type Paint = (style: Parameters<typeof styleText>[0], text: string) => string;

/** Below this many columns for the message, wrapping helps nobody: print it whole. */
const MIN_MESSAGE_WIDTH = 30;

/** Splits text into lines of at most `width` characters at spaces (a longer word is cut). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

/** Options of the text format. */
export interface TextOptions {
  /** Paint severities like ESLint does on a terminal. */
  color?: boolean;
  /** The terminal's width in columns; absent when piped (then nothing wraps). */
  columns?: number;
}

/** Formats results as text. */
export function formatText(results: readonly FileResult[], opts: TextOptions = {}): string {
  const paint: Paint = opts.color ? (s, t) => styleText(s, t) : (_s, t) => t;
  const out: string[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    const rows = r.diagnostics.map((d) => ({
      pos: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      sev: severityName(d),
      msg: messageText(d).replace(/\s+/g, ' ').trim(),
      code: String(d.code ?? ''),
    }));
    const w = (k: 'pos' | 'sev' | 'msg' | 'code') => Math.max(...rows.map((x) => x[k].length));
    const [wp, ws] = [w('pos'), w('sev')];
    const indent = 2 + wp + 2 + ws + 2;
    // The message column: as wide as the longest message, but no wider than the terminal leaves.
    const room = opts.columns !== undefined ? opts.columns - indent - 2 - w('code') : undefined;
    const wm = room !== undefined && room >= MIN_MESSAGE_WIDTH ? Math.min(w('msg'), room) : undefined;
    out.push(paint('underline', r.file));
    for (const x of rows) {
      const sevStyle = x.sev === 'error' ? 'red' : x.sev === 'warning' ? 'yellow' : 'blue';
      const head = `  ${paint('dim', x.pos.padEnd(wp))}  ${paint(sevStyle, x.sev.padEnd(ws))}  `;
      if (wm === undefined) {
        out.push(`${head}${x.msg}  ${paint('dim', x.code)}`);
        continue;
      }
      const [first = '', ...rest] = wrapText(x.msg, wm);
      out.push(`${head}${first.padEnd(wm)}  ${paint('dim', x.code)}`);
      for (const more of rest) out.push(`${' '.repeat(indent)}${more}`);
    }
    out.push('');
  }
  const c = countSeverities(results);
  const line = summaryLine(results);
  out.push(c.errors ? paint(['red', 'bold'], line) : c.warnings ? paint(['yellow', 'bold'], line) : line);
  return `${out.join('\n')}\n`;
}
