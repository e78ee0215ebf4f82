/** `itsmote metrics`: SPEC section 5 by UTC month, as a table, JSON or CSV. */
import { computeMetrics } from '../core/metrics';
import type { MonthMetrics } from '../core/metrics';
import { metricsCsv } from '../core/metrics-csv';
import type { CommandContext } from './context';
import { loadDocuments } from './load-documents';
import { CACHE_OPTIONS, openCache, saveCache } from './cache-option';
import { renderTable } from './table';
import { flagExample, MAX_FILES_OPTION, parseCommandArgs, parseFormat, parseMaxFiles, UsageError } from './usage';
import { formatDora } from './format-dora';

const FORMATS = ['table', 'json', 'csv', 'dora'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const minutes = (x: number | null) => (x === null ? '-' : String(Math.round(x * 10) / 10));

/** The table of the metrics, one row per month. */
export function metricsTable(months: readonly MonthMetrics[]): string {
  const header = [
    'MONTH',
    'EXECUTED',
    'FAILURE RATE',
    'ROLLBACK %',
    'INCIDENTS',
    'MTTR (MIN)',
    'STANDARD',
    'NORMAL',
    'EMERGENCY',
    'LOW',
    'MEDIUM',
    'HIGH',
  ];
  const rows = months.map((m) => [
    m.month,
    String(m.executed),
    percent(m.changeFailureRate),
    percent(m.rollbackRate),
    String(m.incidentsCaused),
    minutes(m.meanTimeToRollbackMinutes),
    String(m.byType.Standard ?? 0),
    String(m.byType.Normal ?? 0),
    String(m.byType.Emergency ?? 0),
    String(m.byRisk.Low ?? 0),
    String(m.byRisk.Medium ?? 0),
    String(m.byRisk.High ?? 0),
  ]);
  return renderTable(header, rows, ['left', ...Array<'right'>(header.length - 1).fill('right')]);
}

/** Runs `metrics`; returns the exit code. */
export async function metricsCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('metrics', args, {
    format: { type: 'string', short: 'f' },
    month: { type: 'string', short: 'm', multiple: true },
    ...CACHE_OPTIONS,
    ...MAX_FILES_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('metrics');
  const format = parseFormat(values.format, FORMATS, 'table');
  const months = new Set(values.month ?? []);
  for (const m of months)
    if (!MONTH.test(m))
      throw new UsageError(`--month must be a month written YYYY-MM, not "${m}"${flagExample('--month')}`);

  const cache = await openCache(values, ctx);
  const { documents, fatal } = await loadDocuments(positionals.length ? positionals : ['.'], ctx.loadCallbacks, {
    cache,
    records: true,
    maxFiles: parseMaxFiles(values['max-files']),
  });
  await saveCache(cache, ctx);
  const metrics = computeMetrics(documents.map((d) => d.analysis.doc)).filter(
    (m) => months.size === 0 || months.has(m.month),
  );
  if (format === 'dora')
    ctx.out(
      formatDora(
        documents.map((d) => d.analysis.doc),
        months,
      ),
    );
  else if (format === 'json') ctx.out(`${JSON.stringify(metrics, null, 2)}\n`);
  else if (format === 'csv') ctx.out(metricsCsv(metrics));
  else ctx.out(metrics.length ? metricsTable(metrics) : 'No executed changes.\n');
  return fatal ? 2 : 0;
}
