/**
 * The metrics dashboard page (runs in the webview, bundled with Chart.js into
 * dist/webview/dashboard.js). Colours come from the theme's CSS variables and follow theme
 * changes. Every string from the metrics is written with `textContent` or drawn on a canvas:
 * nothing is parsed as HTML.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import type { MonthMetrics } from '../../server/src/core/metrics';
import { counts, minutes, percent } from '../src/metrics/format';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
const vscode = acquireVsCodeApi();
const charts = new Map<string, Chart<'bar', (number | null)[], string>>();
let current: MonthMetrics[] = [];

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The four series of SPEC 5, one chart each: id, colour variable, value, axis unit. */
const SERIES: { id: string; color: string; value: (m: MonthMetrics) => number | null; unit: string; max?: number }[] = [
  { id: 'cfr', color: '--vscode-charts-red', value: (m) => (m.changeFailureRate === null ? null : round(m.changeFailureRate * 100)), unit: '%', max: 100 },
  { id: 'rollback', color: '--vscode-charts-orange', value: (m) => (m.rollbackRate === null ? null : round(m.rollbackRate * 100)), unit: '%', max: 100 },
  { id: 'incidents', color: '--vscode-charts-purple', value: (m) => m.incidentsCaused, unit: '' },
  { id: 'mttr', color: '--vscode-charts-blue', value: (m) => (m.meanTimeToRollbackMinutes === null ? null : round(m.meanTimeToRollbackMinutes)), unit: ' min' },
];

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function drawChart(series: (typeof SERIES)[number], months: MonthMetrics[]): void {
  const canvas = document.getElementById(series.id);
  if (!(canvas instanceof HTMLCanvasElement)) return;
  const fg = cssVar('--vscode-charts-foreground', cssVar('--vscode-foreground', '#888'));
  const grid = cssVar('--vscode-charts-lines', 'rgba(128,128,128,0.3)');
  const color = cssVar(series.color, '#3794ff');
  Chart.defaults.font.family = cssVar('--vscode-font-family', 'sans-serif');
  const config: ChartConfiguration<'bar', (number | null)[], string> = {
    type: 'bar',
    data: { labels: months.map((m) => m.month), datasets: [{ label: series.id, data: months.map(series.value), backgroundColor: color, borderColor: color, maxBarThickness: 48 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => (ctx.raw === null ? 'nothing to measure' : `${String(ctx.raw)}${series.unit}`) } },
      },
      scales: {
        x: { ticks: { color: fg }, grid: { color: grid } },
        y: { beginAtZero: true, ...(series.max ? { suggestedMax: series.max } : {}), ticks: { color: fg, precision: 0 }, grid: { color: grid } },
      },
    },
  };
  charts.get(series.id)?.destroy();
  charts.set(series.id, new Chart(canvas, config));
}

function cell(row: HTMLTableRowElement, text: string): void {
  row.insertCell().textContent = text;
}

function drawTable(months: MonthMetrics[]): number {
  const body = document.querySelector('#table tbody');
  if (!body) return 0;
  body.replaceChildren();
  for (const m of [...months].reverse()) {
    const row = document.createElement('tr');
    cell(row, m.month);
    cell(row, String(m.executed));
    cell(row, `${percent(m.changeFailureRate)} (${m.failed})`);
    cell(row, `${percent(m.rollbackRate)} (${m.rolledBack})`);
    cell(row, m.incidents.length ? `${m.incidentsCaused}: ${m.incidents.join(', ')}` : '0');
    cell(row, minutes(m.meanTimeToRollbackMinutes));
    cell(row, counts(m.byType) || '–');
    cell(row, counts(m.byRisk) || '–');
    body.appendChild(row);
  }
  return months.length;
}

function render(months: MonthMetrics[]): void {
  current = months;
  const executed = months.reduce((n, m) => n + m.executed, 0);
  const summary = document.getElementById('summary');
  if (summary) {
    summary.textContent = months.length
      ? `${executed} executed change${executed === 1 ? '' : 's'} in ${months.length} month${months.length === 1 ? '' : 's'} (${months[0]!.month} to ${months[months.length - 1]!.month}, UTC).`
      : 'No executed change yet: a change counts once its status log has an In Progress entry.';
  }
  for (const s of SERIES) drawChart(s, months);
  const tableRows = drawTable(months);
  vscode.postMessage({
    type: 'rendered',
    tableRows,
    charts: [...charts.entries()].map(([id, c]) => ({ id, labels: [...(c.data.labels ?? [])], data: [...(c.data.datasets[0]?.data ?? [])] })),
  });
}

/** Messages come from the extension; still, take only what has the expected shape. */
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data as { type?: unknown; months?: unknown };
  if (msg?.type === 'metrics' && Array.isArray(msg.months)) render(msg.months as MonthMetrics[]);
});

// A theme change swaps the body's class: redraw with the new colours.
new MutationObserver(() => render(current)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
vscode.postMessage({ type: 'ready' });
