/** Plain aligned text tables, for `list` and `metrics` (CSV: core/csv.ts). */

/** Column alignment: numbers read best right-aligned. */
export type Align = 'left' | 'right';

/** Renders rows under a header, columns separated by two spaces, trailing spaces trimmed. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  // Loops rather than spreads and maps: `list` renders 10,000 rows.
  const widths = header.map((h) => h.length);
  for (const r of rows)
    for (let i = 0; i < widths.length; i++) {
      const n = (r[i] ?? '').length;
      if (n > widths[i]!) widths[i] = n;
    }
  const line = (cells: readonly string[]) => {
    let out = '';
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      out += `${i ? '  ' : ''}${align[i] === 'right' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)}`;
    }
    return out.trimEnd();
  };
  let out = line(header);
  for (const r of rows) out += `\n${line(r)}`;
  return `${out}\n`;
}
