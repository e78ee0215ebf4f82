/**
 * The metrics dashboard page (runs in the webview, bundled with Chart.js into
 * dist/webview/dashboard.js). Colours come from the theme's CSS variables and follow theme
 * changes. Every string from the metrics is written with `textContent` or drawn on a canvas:
 * nothing is parsed as HTML.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { MonthMetrics } from '../../server/src/core/metrics';
import { freezeMonths, METRIC_CHARTS } from '../../server/src/core/metric-charts';
import type { FreezeOnAxis, MetricChart } from '../../server/src/core/metric-charts';
import { counts, minutes, percent } from '../src/metrics/format';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
const vscode = acquireVsCodeApi();
const charts = new Map<string, Chart<'bar', (number | null)[], string>>();
let current: MonthMetrics[] = [];
let currentFreezes: FreezeOnAxis[] = [];

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/**
 * Shades the months of the axis that fall in a freeze (behind the bars) and marks their tick
 * labels with ❄; the month labels themselves stay `YYYY-MM`.
 */
function freezeBands(inFreeze: Map<string, string[]>, color: string): Plugin<'bar'> {
  return {
    id: 'itsmoteFreezes',
    beforeDatasetsDraw(chart) {
      const x = chart.scales.x;
      const area = chart.chartArea;
      if (!x || !area || inFreeze.size === 0) return;
      const labels = (chart.data.labels ?? []) as string[];
      const step = labels.length > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : area.right - area.left;
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = color;
      labels.forEach((label, i) => {
        if (!inFreeze.has(label)) return;
        const mid = x.getPixelForValue(i);
        ctx.fillRect(mid - step / 2, area.top, step, area.bottom - area.top);
      });
      ctx.restore();
    },
  };
}

function drawChart(series: MetricChart, months: MonthMetrics[], inFreeze: Map<string, string[]>): void {
  const canvas = document.getElementById(series.id);
  if (!(canvas instanceof HTMLCanvasElement)) return;
  const fg = cssVar('--vscode-charts-foreground', cssVar('--vscode-foreground', '#888'));
  const grid = cssVar('--vscode-charts-lines', 'rgba(128,128,128,0.3)');
  const color = cssVar(series.color.cssVar, series.color.fallback);
  // A neutral translucent band reads on light and dark themes alike.
  const band = 'rgba(128, 128, 128, 0.18)';
  Chart.defaults.font.family = cssVar('--vscode-font-family', 'sans-serif');
  const config: ChartConfiguration<'bar', (number | null)[], string> = {
    type: 'bar',
    data: {
      labels: months.map((m) => m.month),
      datasets: [
        {
          label: series.id,
          data: months.map((m) => series.value(m)),
          backgroundColor: color,
          borderColor: color,
          maxBarThickness: 48,
        },
      ],
    },
    plugins: [freezeBands(inFreeze, band)],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => (ctx.raw === null ? 'nothing to measure' : `${String(ctx.raw)}${series.unit}`),
            afterLabel: (ctx) => {
              const names = inFreeze.get(String(ctx.label));
              return names ? `freeze: ${names.join(', ')}` : '';
            },
          },
        },
      },
      scales: {
        x: {
          ticks: {
            color: fg,
            callback: (_v, i) => `${months[i]?.month ?? ''}${inFreeze.has(months[i]?.month ?? '') ? ' ❄' : ''}`,
          },
          grid: { color: grid },
        },
        y: {
          beginAtZero: true,
          ...(series.max ? { suggestedMax: series.max } : {}),
          ticks: { color: fg, precision: 0 },
          grid: { color: grid },
        },
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

/** The freezes, one line each, under the charts (also those outside the months shown). */
function drawFreezes(freezes: FreezeOnAxis[]): void {
  const list = document.getElementById('freezes');
  if (!list) return;
  list.replaceChildren();
  const utc = (t: string | number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  for (const f of freezes) {
    const li = document.createElement('li');
    li.textContent = `❄ ${f.name}: ${utc(f.start)} until ${utc(f.end)}`;
    list.appendChild(li);
  }
  list.hidden = freezes.length === 0;
}

function render(months: MonthMetrics[], freezes: FreezeOnAxis[] = currentFreezes): void {
  current = months;
  currentFreezes = freezes;
  const inFreeze = freezeMonths(
    months.map((m) => m.month),
    freezes,
  );
  const executed = months.reduce((n, m) => n + m.executed, 0);
  const summary = document.getElementById('summary');
  if (summary) {
    summary.textContent = months.length
      ? `${executed} executed change${executed === 1 ? '' : 's'} in ${months.length} month${months.length === 1 ? '' : 's'} (${months[0]!.month} to ${months[months.length - 1]!.month}, UTC).`
      : 'No executed change yet: a change counts once its status log has an In Progress entry.';
  }
  for (const s of METRIC_CHARTS) drawChart(s, months, inFreeze);
  drawFreezes(freezes);
  const tableRows = drawTable(months);
  vscode.postMessage({
    type: 'rendered',
    tableRows,
    charts: [...charts.entries()].map(([id, c]) => ({
      id,
      labels: [...(c.data.labels ?? [])],
      data: [...(c.data.datasets[0]?.data ?? [])],
    })),
    freezeMonths: [...inFreeze].map(([month, names]) => ({ month, names })),
  });
}

/** Messages come from the extension; still, take only what has the expected shape. */
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data as { type?: unknown; months?: unknown; freezes?: unknown };
  if (msg?.type === 'metrics' && Array.isArray(msg.months))
    render(msg.months as MonthMetrics[], Array.isArray(msg.freezes) ? (msg.freezes as FreezeOnAxis[]) : []);
});

// A theme change swaps the body's class: redraw with the new colours.
new MutationObserver(() => render(current)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
vscode.postMessage({ type: 'ready' });
