/**
 * The default output, after ESLint's "stylish": each file with problems, then one line per
 * diagnostic (`line:col  severity  message  CODE`, 1-based), then a summary line.
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

/** Formats results as text; `color` paints severities like ESLint does on a terminal. */
export function formatText(results: readonly FileResult[], color = false): string {
  const paint: Paint = color ? (s, t) => styleText(s, t) : (_s, t) => t;
  const out: string[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    const rows = r.diagnostics.map((d) => ({
      pos: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      sev: severityName(d),
      msg: messageText(d).replace(/\s*\r?\n\s*/g, ' '),
      code: String(d.code ?? ''),
    }));
    const w = (k: 'pos' | 'sev' | 'msg') => Math.max(...rows.map((x) => x[k].length));
    const [wp, ws, wm] = [w('pos'), w('sev'), w('msg')];
    out.push(paint('underline', r.file));
    for (const x of rows) {
      const sevStyle = x.sev === 'error' ? 'red' : x.sev === 'warning' ? 'yellow' : 'blue';
      out.push(`  ${paint('dim', x.pos.padEnd(wp))}  ${paint(sevStyle, x.sev.padEnd(ws))}  ${x.msg.padEnd(wm)}  ${paint('dim', x.code)}`.trimEnd());
    }
    out.push('');
  }
  const c = countSeverities(results);
  const line = summaryLine(results);
  out.push(c.errors ? paint(['red', 'bold'], line) : c.warnings ? paint(['yellow', 'bold'], line) : line);
  return `${out.join('\n')}\n`;
}
