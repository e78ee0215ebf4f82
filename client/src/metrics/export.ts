/**
 * "Export metrics": the monthly metrics as CSV (one row per month) or JSON (the server's result
 * as is). Pure. CSV cells that a spreadsheet would run as a formula get a leading `'` (OWASP's
 * advice against CSV injection), since incident references come from documents.
 */
import type { MonthMetrics } from '../../../server/src/core/metrics';
import { CHANGE_TYPES, RISK_LEVELS } from '../../../server/src/core/fields';

export type ExportFormat = 'csv' | 'json';

const COLUMNS = [
  'month',
  'executed',
  'failed',
  'change_failure_rate',
  'rolled_back',
  'rollback_rate',
  'incidents_caused',
  'incidents',
  'mean_time_to_rollback_min',
  ...CHANGE_TYPES.map((t) => `type_${t.toLowerCase()}`),
  ...RISK_LEVELS.map((r) => `risk_${r.toLowerCase()}`),
] as const;

/** One CSV cell: quoted when it holds a comma, quote or newline; formula starters neutralised. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const rate = (r: number | null): number | null => (r === null ? null : Math.round(r * 10000) / 10000);

export function metricsToCsv(months: readonly MonthMetrics[]): string {
  const rows = months.map((m) => [
    m.month,
    m.executed,
    m.failed,
    rate(m.changeFailureRate),
    m.rolledBack,
    rate(m.rollbackRate),
    m.incidentsCaused,
    m.incidents.join(' '),
    m.meanTimeToRollbackMinutes === null ? null : Math.round(m.meanTimeToRollbackMinutes * 10) / 10,
    ...CHANGE_TYPES.map((t) => m.byType[t] ?? 0),
    ...RISK_LEVELS.map((r) => m.byRisk[r] ?? 0),
  ]);
  return [COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

export function metricsToJson(months: readonly MonthMetrics[]): string {
  return `${JSON.stringify({ months }, null, 2)}\n`;
}

/** The format a file name asks for (`.json`, else CSV). */
export function formatOfPath(path: string): ExportFormat {
  return path.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}
