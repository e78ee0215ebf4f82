/**
 * The monthly metrics as CSV: one format for `itsmote metrics --format csv` and the extension's
 * "Export Metrics…" (they differed in column names, rounding and line ends). Pure.
 */
import type { MonthMetrics } from './metrics';
import { renderCsv } from './csv';

/** The header row, documented in docs/cli.md ("metrics"). */
export const METRICS_CSV_COLUMNS = [
  'month',
  'executed',
  'failed',
  'change_failure_rate',
  'rolled_back',
  'rollback_rate',
  'incidents_caused',
  'incidents',
  'mean_time_to_rollback_minutes',
  'standard',
  'normal',
  'emergency',
  'unknown_type',
  'low',
  'medium',
  'high',
  'unknown_risk',
] as const;

const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

/** The CSV of the metrics: rates as fractions and minutes rounded to 4 places, empty when undefined. */
export function metricsCsv(months: readonly MonthMetrics[]): string {
  const rows = months.map((m) => [
    m.month,
    m.executed,
    m.failed,
    round4(m.changeFailureRate),
    m.rolledBack,
    round4(m.rollbackRate),
    m.incidentsCaused,
    m.incidents.join(' '),
    round4(m.meanTimeToRollbackMinutes),
    m.byType.Standard ?? 0,
    m.byType.Normal ?? 0,
    m.byType.Emergency ?? 0,
    m.byType.Unknown ?? 0,
    m.byRisk.Low ?? 0,
    m.byRisk.Medium ?? 0,
    m.byRisk.High ?? 0,
    m.byRisk.Unknown ?? 0,
  ]);
  return renderCsv(METRICS_CSV_COLUMNS, rows);
}
