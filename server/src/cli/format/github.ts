/**
 * `--format github`: GitHub Actions workflow commands, one annotation per diagnostic
 * (`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=CM010::message`).
 * Escaping follows the Actions runner: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
import type { FileResult } from '../run-checks';
import { messageText, severityName } from './severity';

/** Escapes a workflow command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** Formats results as workflow commands (positions 1-based; `endColumn` is just past the end, as in SARIF). */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results)
    for (const d of r.diagnostics) {
      const { start, end } = d.range;
      const props = [
        `file=${escapeProperty(r.file)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(String(d.code ?? 'itsmote'))}`,
      ];
      lines.push(`::${COMMAND[severityName(d)]} ${props.join(',')}::${escapeData(messageText(d))}`);
    }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
