/**
 * CSV as the CLI (`itsmote metrics --format csv`) and the extension's "Export Metrics…" write it:
 * RFC 4180 quoting, LF line ends, and no cell that a spreadsheet would run as a formula. Pure.
 */

/**
 * One CSV cell: quoted when it holds a comma, quote or line break. A text that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice against CSV
 * injection): incident references and titles come from documents anyone can edit, and a
 * spreadsheet opening the export must show them, not run them. Numbers are written as numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders CSV with a header row, one line per row, LF line ends (also after the last row). */
export function renderCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}
