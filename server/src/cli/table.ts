/** Plain aligned text tables and CSV, for `list` and `metrics`. */

/** Column alignment: numbers read best right-aligned. */
export type Align = 'left' | 'right';

/** Renders rows under a header, columns separated by two spaces, trailing spaces trimmed. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders CSV with a header row, LF line ends. */
export function renderCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}
