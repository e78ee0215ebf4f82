/**
 * The HTML report (`itsmote report`, SPEC section 9): one self-contained page for a change board
 * or an auditor who does not run the editor. The changes table (filter and sort by the inlined
 * script), per-change problems, the dashboard's monthly charts as SVG, and the freezes. Pure: the
 * shell passes the data, the page script and a SHA-256 function for the CSP hashes.
 *
 * Safety: every value from a document or a config goes through `esc` into element text or a
 * double-quoted attribute; no value ever reaches a URL, an event handler, a `<script>` or a
 * `<style>`. The CSP allows the one inline script and stylesheet by hash, nothing else (no
 * network, no inline handlers, no `style=` attributes).
 */
import type { Freeze } from '../freezes';
import { ACTIVE_STATUSES } from '../lifecycle';
import { freezeMonths, METRIC_CHARTS, counts, minutes, percent } from '../metric-charts';
import type { MonthMetrics } from '../metrics';
import type { ChangeSummary } from '../summary';
import { formatUtc } from '../time';
import { esc } from './escape';
import { REPORT_CSS } from './style';
import { barChartSvg } from './svg-chart';

/** One diagnostic of a change, 1-based position. */
export interface ReportProblem {
  line: number;
  character: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** A change row: its file, its summary (as the sidebar has it) and its problems. */
export interface ReportChange {
  file: string;
  summary: ChangeSummary;
  problems: ReportProblem[];
}

/** Everything the report shows. */
export interface ReportData {
  title: string;
  generatedAt: number;
  version: string;
  /** The paths the report was made from, as given. */
  sources: string[];
  changes: ReportChange[];
  months: MonthMetrics[];
  freezes: Freeze[];
}

/** What the page needs from the shell: the page script and SHA-256 (base64) for the CSP. */
export interface PageAssets {
  script: string;
  sha256Base64(text: string): string;
}

const STATUS_ORDER = ['In Progress', 'Verifying', 'Approved', 'Planned', 'Rejected', 'Rolled Back', 'Closed'];
const TYPE_ORDER = ['Standard', 'Normal', 'Emergency'];
const RISK_ORDER = ['Low', 'Medium', 'High'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2026-12-01 14:00–15:00`, the end's date only when it differs (UTC). */
function windowText(w: { start: string; end: string }): string {
  const s = formatUtc(Date.parse(w.start));
  const e = formatUtc(Date.parse(w.end));
  return s.slice(0, 10) === e.slice(0, 10)
    ? `${s.slice(0, 16)}–${e.slice(11, 16)}`
    : `${s.slice(0, 16)} – ${e.slice(0, 16)}`;
}

/** Shown for a value that is missing or not one of the allowed values (also the filter's value for it). */
const NONE = '–';

/**
 * A `<select>` of the distinct values of one column (known values in their natural order first).
 * The script compares a row's cell text in column `col` with the chosen value; `list` columns
 * hold a comma-separated list (services).
 */
function filterSelect(
  key: string,
  label: string,
  col: number,
  values: Iterable<string>,
  order: readonly string[] = [],
  list = false,
): string {
  const distinct = [...new Set(values)];
  const rank = (v: string) => (v === NONE ? order.length + 1 : order.includes(v) ? order.indexOf(v) : order.length);
  distinct.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const options = distinct.map((v) => `<option value="${esc(v)}">${esc(v === NONE ? '(none)' : v)}</option>`).join('');
  return `<label>${esc(label)}<select data-filter="${key}" data-col="${col}"${list ? ' data-list=""' : ''}><option value="">All</option>${options}</select></label>`;
}

function problemsCell(c: ReportChange): string {
  const p = c.summary.problems;
  // Sorts errors before warnings before infos.
  const key = p.errors * 1e6 + p.warnings * 1e3 + p.infos;
  if (c.problems.length === 0) return `<td data-v="0"><span class="ok">none</span></td>`;
  const parts = [
    p.errors ? plural(p.errors, 'error') : '',
    p.warnings ? plural(p.warnings, 'warning') : '',
    p.infos ? plural(p.infos, 'info') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const items = c.problems
    .map(
      (d) =>
        `<li><b class="${d.severity}">${d.severity}</b> <code>${esc(d.code)}</code> ${d.line}:${d.character} ${esc(d.message)}</li>`,
    )
    .join('');
  return `<td data-v="${key}"><details><summary>${esc(parts)}</summary><ol>${items}</ol></details></td>`;
}

function changeRow(c: ReportChange): string {
  const s = c.summary;
  const title = s.title?.trim() || s.id;
  const freeze = s.freezes?.length
    ? ` <span class="badge" title="${esc(`In freeze: ${s.freezes.map((f) => `${f.name} (until ${formatUtc(Date.parse(f.end))})`).join('; ')}`)}">❄ freeze</span>`
    : '';
  return (
    `<tr>` +
    `<td class="id">${esc(s.id)}</td>` +
    `<td class="title">${esc(title)}</td>` +
    `<td data-v="${STATUS_ORDER.indexOf(s.status ?? '') + 1}">${esc(s.status ?? NONE)}</td>` +
    `<td data-v="${TYPE_ORDER.indexOf(s.type ?? '') + 1}">${esc(s.type ?? NONE)}</td>` +
    `<td data-v="${RISK_ORDER.indexOf(s.risk ?? '') + 1}">${esc(s.risk ?? NONE)}</td>` +
    `<td>${esc(s.owner || NONE)}</td>` +
    `<td class="svc">${esc(s.services.join(', ') || NONE)}</td>` +
    `<td class="win" data-v="${esc(s.window?.start ?? '')}">${s.window ? esc(windowText(s.window)) : NONE}${freeze}</td>` +
    problemsCell(c) +
    `</tr>`
  );
}

function changesSection(changes: readonly ReportChange[]): string {
  const col = (label: string, type = 'text', sort?: 'ascending') =>
    `<th scope="col" data-type="${type}"${sort ? ` aria-sort="${sort}"` : ''}><button type="button">${label}</button></th>`;
  const rows = changes.map(changeRow).join('\n');
  const filters = [
    filterSelect(
      'status',
      'Status',
      2,
      changes.map((c) => c.summary.status ?? NONE),
      STATUS_ORDER,
    ),
    filterSelect(
      'type',
      'Type',
      3,
      changes.map((c) => c.summary.type ?? NONE),
      TYPE_ORDER,
    ),
    filterSelect(
      'risk',
      'Risk',
      4,
      changes.map((c) => c.summary.risk ?? NONE),
      RISK_ORDER,
    ),
    filterSelect(
      'owner',
      'Owner',
      5,
      changes.map((c) => c.summary.owner || NONE),
    ),
    filterSelect(
      'services',
      'Service',
      6,
      changes.flatMap((c) => (c.summary.services.length ? c.summary.services : [NONE])),
      [],
      true,
    ),
  ].join('');
  return `<section id="changes" aria-labelledby="changes-h">
<h2 id="changes-h">Changes</h2>
<div class="filters" role="search">${filters}<label>Search<input id="search" type="search" placeholder="ID or title" autocomplete="off"></label><button id="reset" type="button">Reset</button><output id="count">${plural(changes.length, 'change')}</output></div>
<table id="changes-table">
<thead><tr>${col('ID', 'text', 'ascending')}${col('Title')}${col('Status', 'number')}${col('Type', 'number')}${col('Risk', 'number')}${col('Owner')}${col('Services')}${col('Window (UTC)')}${col('Problems', 'number')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
${changes.length ? '' : '<p class="empty">No change documents.</p>'}
</section>`;
}

function metricsSection(months: readonly MonthMetrics[], freezes: readonly Freeze[]): string {
  if (months.length === 0) {
    return `<section id="metrics" aria-labelledby="metrics-h"><h2 id="metrics-h">Monthly metrics</h2><p class="empty">No executed change yet: a change counts once its status log has an In Progress entry.</p></section>`;
  }
  const inFreeze = freezeMonths(
    months.map((m) => m.month),
    freezes,
  );
  const executed = months.reduce((n, m) => n + m.executed, 0);
  const figures = METRIC_CHARTS.map(
    (c) =>
      `<figure><figcaption>${esc(c.title)}<span>${esc(c.hint)}</span></figcaption>${barChartSvg(c, months, inFreeze)}</figure>`,
  ).join('\n');
  const rows = [...months]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${esc(m.month)}${inFreeze.has(m.month) ? ' ❄' : ''}</td><td>${m.executed}</td><td>${esc(`${percent(m.changeFailureRate)} (${m.failed})`)}</td><td>${esc(`${percent(m.rollbackRate)} (${m.rolledBack})`)}</td>` +
        `<td>${esc(m.incidents.length ? `${m.incidentsCaused}: ${m.incidents.join(', ')}` : '0')}</td><td>${esc(minutes(m.meanTimeToRollbackMinutes))}</td><td>${esc(counts(m.byType) || '–')}</td><td>${esc(counts(m.byRisk) || '–')}</td></tr>`,
    )
    .join('\n');
  return `<section id="metrics" aria-labelledby="metrics-h">
<h2 id="metrics-h">Monthly metrics</h2>
<p class="meta">${esc(`${plural(executed, 'executed change')} in ${plural(months.length, 'month')} (${months[0]!.month} to ${months[months.length - 1]!.month}, UTC).`)}${inFreeze.size ? ' Shaded months (❄) overlap a change freeze.' : ''}</p>
<div class="charts">
${figures}
</div>
<h3>By month</h3>
<table id="months-table"><thead><tr><th scope="col">Month</th><th scope="col">Executed</th><th scope="col">Failure rate</th><th scope="col">With rollback</th><th scope="col">Incidents caused</th><th scope="col">Mean time to rollback</th><th scope="col">By type</th><th scope="col">By risk</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

function freezesSection(freezes: readonly Freeze[], changes: readonly ReportChange[], now: number): string {
  if (freezes.length === 0)
    return `<section id="freezes" aria-labelledby="freezes-h"><h2 id="freezes-h">Change freezes</h2><p class="empty">No freezes in .itsmote.json.</p></section>`;
  const rows = freezes
    .map((f) => {
      const planned = changes.filter((c) =>
        c.summary.freezes?.some((m) => m.name === f.name && Date.parse(m.start) === f.start),
      ).length;
      const state = now >= f.end ? 'ended' : now >= f.start ? 'in force' : 'upcoming';
      return `<tr><td>${esc(f.name)}</td><td>${esc(formatUtc(f.start))}</td><td>${esc(formatUtc(f.end))}</td><td>${state}</td><td>${esc(f.services.length ? f.services.join(', ') : 'all services')}</td><td>${esc(f.allow.length ? f.allow.join(', ') : 'none')}</td><td>${planned}</td></tr>`;
    })
    .join('\n');
  return `<section id="freezes" aria-labelledby="freezes-h">
<h2 id="freezes-h">Change freezes</h2>
<table id="freezes-table"><thead><tr><th scope="col">Freeze</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Now</th><th scope="col">Services</th><th scope="col">Allowed types</th><th scope="col">Changes planned into it (CM041)</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

/** The whole page. */
export function renderReport(data: ReportData, assets: PageAssets): string {
  // `</script` inside the script would end the element early; `<\/` means the same in JS strings.
  const script = assets.script.replace(/<\/(script)/gi, '<\\/$1');
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${assets.sha256Base64(REPORT_CSS)}'`,
    `script-src 'sha256-${assets.sha256Base64(script)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const totals = data.changes.reduce(
    (t, c) => ({ errors: t.errors + c.summary.problems.errors, warnings: t.warnings + c.summary.problems.warnings }),
    { errors: 0, warnings: 0 },
  );
  const active = data.changes.filter((c) =>
    (ACTIVE_STATUSES as readonly string[]).includes(c.summary.status ?? ''),
  ).length;
  const summary = `${plural(data.changes.length, 'change')} (${active} active), ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}.`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(`itsmote ${data.version}`)}">
<title>${esc(data.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(data.title)}</h1>
<p class="meta">${esc(summary)} Generated ${esc(formatUtc(data.generatedAt))} by itsmote ${esc(data.version)} from ${esc(data.sources.join(', '))}.</p>
<nav aria-label="Sections"><a href="#changes">Changes</a><a href="#metrics">Monthly metrics</a><a href="#freezes">Change freezes</a></nav>
</header>
<main>
${changesSection(data.changes)}
${metricsSection(data.months, data.freezes)}
${freezesSection(data.freezes, data.changes, data.generatedAt)}
</main>
<script>${script}</script>
</body>
</html>
`;
}
