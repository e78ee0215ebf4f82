/** Wording of the metrics in the Metrics view, the dashboard table and exports. Pure. */
import type { MonthMetrics } from '../../../server/src/core/metrics';

// The same wording in the HTML report (`itsmote report`): one definition in the core.
import { percent } from '../../../server/src/core/metric-charts';
export { counts, minutes, percent } from '../../../server/src/core/metric-charts';
// A month with nothing executed (the server leaves such months out): the core's, every count 0.
export { emptyMonth } from '../../../server/src/core/metrics';

/** `YYYY-MM` of an instant, in UTC (the metrics' month, SPEC 5). */
export function monthOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 7);
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * The month's headline for the Metrics view's title and description: what a person glancing at
 * the sidebar wants first, the change failure rate, e.g. `2026-11: 50 % failed (2 of 4)`.
 */
export function headline(m: MonthMetrics): string {
  if (!m.executed) return `${m.month}: nothing executed yet`;
  return `${m.month}: ${percent(m.changeFailureRate)} failed (${m.failed} of ${m.executed})`;
}
