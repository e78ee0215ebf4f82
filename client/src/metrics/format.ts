/** Wording of the metrics in the Metrics view, the dashboard table and exports. Pure. */
import type { MonthMetrics } from '../../../server/src/core/metrics';

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

/** A month with nothing executed (the server leaves such months out). */
export function emptyMonth(month: string): MonthMetrics {
  return {
    month, executed: 0, failed: 0, changeFailureRate: null, rolledBack: 0, rollbackRate: null,
    incidentsCaused: 0, incidents: [], meanTimeToRollbackMinutes: null, byType: {}, byRisk: {}, changes: [],
  };
}

/** `Standard 1, Normal 2` (zero counts left out). */
export function counts(record: Record<string, number>): string {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/**
 * The month's headline for the Metrics view's title and description: what a person glancing at
 * the sidebar wants first, the change failure rate, e.g. `2026-11: 50 % failed (2 of 4)`.
 */
export function headline(m: MonthMetrics): string {
  if (!m.executed) return `${m.month}: nothing executed yet`;
  return `${m.month}: ${percent(m.changeFailureRate)} failed (${m.failed} of ${m.executed})`;
}
