/**
 * The charts of the monthly metrics (SPEC section 5), one per series: what the editor's dashboard
 * (client/webview) draws with Chart.js and what the HTML report (`itsmote report`) draws as SVG.
 * One definition, so both show the same charts; and which months of the axis fall in a freeze.
 */
import type { MonthMetrics } from './metrics';

/** One chart: its id, titles, unit, value per month, and colour (theme variable, else fallback). */
export interface MetricChart {
  id: string;
  title: string;
  /** What the value means, shown under the title. */
  hint: string;
  /** Appended to values (`%`, ` min`), empty for counts. */
  unit: string;
  /** Suggested top of the axis (100 for percentages). */
  max?: number;
  /** VS Code theme colour variable, and the colour used outside the editor. */
  color: { cssVar: string; fallback: string };
  value(m: MonthMetrics): number | null;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The four series of SPEC 5, in the dashboard's order. */
export const METRIC_CHARTS: readonly MetricChart[] = [
  {
    id: 'cfr',
    title: 'Change failure rate',
    hint: '% of executed changes rolled back or causing an incident',
    unit: '%',
    max: 100,
    color: { cssVar: '--vscode-charts-red', fallback: '#e5534b' },
    value: (m) => (m.changeFailureRate === null ? null : round(m.changeFailureRate * 100)),
  },
  {
    id: 'rollback',
    title: 'Changes with rollback',
    hint: '% of executed changes with a Rolled Back entry',
    unit: '%',
    max: 100,
    color: { cssVar: '--vscode-charts-orange', fallback: '#d18616' },
    value: (m) => (m.rollbackRate === null ? null : round(m.rollbackRate * 100)),
  },
  {
    id: 'incidents',
    title: 'Incidents caused',
    hint: "distinct incidents caused by the month's changes",
    unit: '',
    color: { cssVar: '--vscode-charts-purple', fallback: '#8957e5' },
    value: (m) => m.incidentsCaused,
  },
  {
    id: 'mttr',
    title: 'Mean time to rollback',
    hint: 'minutes from In Progress to Rolled Back',
    unit: ' min',
    color: { cssVar: '--vscode-charts-blue', fallback: '#2f81f7' },
    value: (m) => (m.meanTimeToRollbackMinutes === null ? null : round(m.meanTimeToRollbackMinutes)),
  },
];

/** A freeze as the charts need it: a name and a span (ISO 8601 or ms). */
export interface FreezeOnAxis {
  name: string;
  start: string | number;
  end: string | number;
}

/** For each `YYYY-MM` of the axis, the names of the freezes that overlap that UTC month (months in none are absent). */
export function freezeMonths(months: readonly string[], freezes: readonly FreezeOnAxis[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const at = (t: string | number) => (typeof t === 'number' ? t : Date.parse(t));
  for (const month of months) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const from = Date.UTC(y, m - 1, 1);
    const to = Date.UTC(y, m, 1);
    const names = freezes.filter((f) => at(f.start) < to && from < at(f.end)).map((f) => f.name);
    if (names.length) out.set(month, [...new Set(names)]);
  }
  return out;
}

/** `50 %`, `33.3 %`, or an en dash when nothing was executed. */
export function percent(rate: number | null): string {
  if (rate === null) return '–';
  const p = Math.round(rate * 1000) / 10;
  return `${p} %`;
}

/** `34.5 min`, or an en dash when there was no timed rollback. */
export function minutes(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 10) / 10} min`;
}

/** `Standard 1, Normal 2` (zero counts left out). */
export function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}
