/** Plain aligned text tables, for `list` and `metrics` (CSV: core/csv.ts). */

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
