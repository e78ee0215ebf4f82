/**
 * "Export metrics": the monthly metrics as CSV (one row per month, the same file as `itsmote
 * metrics --format csv`: core/metrics-csv.ts) or JSON (the server's result as is). Pure.
 */
import type { MonthMetrics } from '../../../server/src/core/metrics';

export { metricsCsv as metricsToCsv } from '../../../server/src/core/metrics-csv';

export type ExportFormat = 'csv' | 'json';

export function metricsToJson(months: readonly MonthMetrics[]): string {
  return `${JSON.stringify({ months }, null, 2)}\n`;
}

/** The format a file name asks for (`.json`, else CSV). */
export function formatOfPath(path: string): ExportFormat {
  return path.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}
