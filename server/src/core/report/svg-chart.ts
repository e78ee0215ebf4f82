/**
 * The dashboard's bar charts (core/metric-charts.ts) as static SVG for the HTML report: same
 * series, titles, units and colours, months in a freeze shaded and marked ❄. No script needed;
 * every text goes through `esc`, and colours are attributes (the page's CSP allows no inline style).
 */
import type { MetricChart } from '../metric-charts';
import type { MonthMetrics } from '../metrics';
import { esc } from './escape';

const W = 360;
const H = 200;
const LEFT = 40;
const RIGHT = 8;
const TOP = 14;
const BOTTOM = 40;

/** A round axis top at or above `max`: 1, 2, 2.5 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** One chart as an `<svg>` element; `inFreeze` maps months to the freezes that overlap them. */
export function barChartSvg(
  chart: MetricChart,
  months: readonly MonthMetrics[],
  inFreeze: ReadonlyMap<string, string[]>,
): string {
  const values = months.map((m) => chart.value(m));
  const top = niceMax(Math.max(chart.max ?? 0, ...values.map((v) => v ?? 0)));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const band = months.length ? plotW / months.length : plotW;
  const barW = Math.min(48, band * 0.7);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const parts: string[] = [];
  // Freeze bands first, behind the bars.
  months.forEach((m, i) => {
    const names = inFreeze.get(m.month);
    if (names)
      parts.push(
        `<rect class="freeze" x="${num(LEFT + i * band)}" y="${TOP}" width="${num(band)}" height="${plotH}"><title>${esc(`${m.month}: freeze ${names.join(', ')}`)}</title></rect>`,
      );
  });
  for (const t of [0, top / 2, top]) {
    parts.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${num(y(t))}" y2="${num(y(t))}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 4}" y="${num(y(t) + 3)}" text-anchor="end">${esc(num(t))}</text>`);
  }
  const slanted = months.length > 6;
  const every = Math.ceil(months.length / 24);
  months.forEach((m, i) => {
    const v = values[i];
    const cx = LEFT + i * band + band / 2;
    const label = `${m.month}${inFreeze.has(m.month) ? ' ❄' : ''}`;
    if (v !== null && v !== undefined) {
      parts.push(
        `<rect x="${num(cx - barW / 2)}" y="${num(y(v))}" width="${num(barW)}" height="${num(TOP + plotH - y(v))}" fill="${chart.color.fallback}"><title>${esc(`${label}: ${num(v)}${chart.unit}`)}</title></rect>`,
      );
      if (months.length <= 12)
        parts.push(
          `<text class="value" x="${num(cx)}" y="${num(y(v) - 3)}" text-anchor="middle">${esc(`${num(v)}${chart.unit}`)}</text>`,
        );
    } else {
      parts.push(
        `<text class="value" x="${num(cx)}" y="${num(TOP + plotH - 3)}" text-anchor="middle"><title>nothing to measure</title>–</text>`,
      );
    }
    if (i % every !== 0) return;
    const ly = TOP + plotH + 12;
    parts.push(
      slanted
        ? `<text class="tick" x="${num(cx)}" y="${ly}" text-anchor="end" transform="rotate(-40 ${num(cx)} ${ly})">${esc(label)}</text>`
        : `<text class="tick" x="${num(cx)}" y="${ly}" text-anchor="middle">${esc(label)}</text>`,
    );
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${TOP + plotH}" y2="${TOP + plotH}"/>`);
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`${chart.title} by month`)}" data-chart="${esc(chart.id)}">${parts.join('')}</svg>`;
}
