/**
 * The script of the HTML report (`itsmote report`), inlined into the page and allowed by its CSP
 * hash. It only filters and sorts the table the page already holds: it reads `data-*` attributes
 * and text, sets `hidden` and reorders rows, and never parses anything as HTML. The filter state
 * lives in the URL's fragment (`#status=Approved&service=cdn`), so a filtered view can be shared.
 */

const table = document.getElementById('changes-table');
const body = table instanceof HTMLTableElement ? table.tBodies[0] : undefined;
const rows = body ? Array.from(body.rows) : [];
const selects = Array.from(document.querySelectorAll<HTMLSelectElement>('select[data-filter]'));
const search = document.getElementById('search') as HTMLInputElement | null;
const count = document.getElementById('count');
const reset = document.getElementById('reset');

/** The text of a row's cell; the filters and the search read the table itself (no data copies). */
function cellText(row: HTMLTableRowElement, column: number): string {
  return row.cells[column]?.textContent ?? '';
}

/** Whether a row has `wanted` in a select's column (`data-list`: a comma-separated list, e.g. services). */
function matches(row: HTMLTableRowElement, select: HTMLSelectElement): boolean {
  const text = cellText(row, Number(select.dataset.col));
  return select.dataset.list !== undefined ? text.split(', ').includes(select.value) : text === select.value;
}

function apply(): void {
  const text = (search?.value ?? '').trim().toLowerCase();
  let shown = 0;
  for (const row of rows) {
    const visible =
      selects.every((s) => s.value === '' || matches(row, s)) &&
      (text === '' || `${cellText(row, 0)} ${cellText(row, 1)}`.toLowerCase().includes(text));
    row.hidden = !visible;
    if (visible) shown++;
  }
  if (count) count.textContent = `${shown} of ${rows.length} change${rows.length === 1 ? '' : 's'}`;
  const state = new URLSearchParams();
  for (const s of selects) if (s.value !== '') state.set(s.dataset.filter ?? '', s.value);
  if (text !== '') state.set('q', text);
  const hash = state.toString();
  // replaceState: filtering is not navigation (Back leaves the report, as users expect).
  if (`#${hash}` !== location.hash && !(hash === '' && location.hash === ''))
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

/** Applies the filters of the URL's fragment; values that no option has are ignored. */
function restore(): void {
  const state = new URLSearchParams(location.hash.slice(1));
  for (const s of selects) {
    const v = state.get(s.dataset.filter ?? '');
    if (v !== null && Array.from(s.options).some((o) => o.value === v)) s.value = v;
  }
  if (search) search.value = state.get('q') ?? '';
}

/** The sort key of a cell: its `data-v` when given (numbers, ISO times), else its text. */
function keyOf(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.getAttribute('data-v') ?? cell?.textContent?.trim() ?? '';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortBy(th: HTMLTableCellElement): void {
  if (!body) return;
  const column = th.cellIndex;
  const ascending = th.getAttribute('aria-sort') !== 'ascending';
  for (const other of Array.from(th.parentElement?.children ?? [])) other.removeAttribute('aria-sort');
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  const numeric = th.dataset.type === 'number';
  const sorted = rows.slice().sort((a, b) => {
    const x = keyOf(a, column);
    const y = keyOf(b, column);
    const d = numeric ? Number(x) - Number(y) : collator.compare(x, y);
    return (ascending ? d : -d) || collator.compare(keyOf(a, 0), keyOf(b, 0));
  });
  body.append(...sorted);
}

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('#changes-table th button'))) {
  button.addEventListener('click', () => {
    const th = button.closest('th');
    if (th) sortBy(th);
  });
}
for (const s of selects) s.addEventListener('change', apply);
search?.addEventListener('input', apply);
reset?.addEventListener('click', () => {
  for (const s of selects) s.value = '';
  if (search) search.value = '';
  apply();
});
window.addEventListener('hashchange', () => {
  restore();
  apply();
});
restore();
apply();
document.documentElement.dataset.ready = 'true';
