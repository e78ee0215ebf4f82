/**
 * `itsmote metrics --format dora`: the two DORA stability keys per UTC month, in the field names
 * of Google's Four Keys project (github.com/dora-team/fourkeys, METRICS.md and queries/):
 * `deployments`, `change_fail_rate` and `med_time_to_resolve` (median hours from the failed
 * deployment to its restoration). Here a deployment is an executed change (an In Progress entry),
 * a failure is a change rolled back or with a Caused incident (SPEC section 5), and the
 * restoration is the Rolled Back entry.
 */
import type { ChangeDocument } from '../core/schema';
import { computeMetrics, executionFacts } from '../core/metrics';
import { utcMonth } from '../core/time';

/** One month of the export. Rates are fractions 0..1; times are hours; null when undefined. */
export interface DoraMonth {
  /** `YYYY-MM`, UTC. */
  month: string;
  deployments: number;
  failed_deployments: number;
  change_fail_rate: number | null;
  /** Failed deployments with a readable restore (Rolled Back) time. */
  restored_deployments: number;
  /** Median hours from start (In Progress) to restore (Rolled Back): Four Keys' time to restore. */
  med_time_to_resolve: number | null;
  /** The same durations' mean, in hours. */
  mean_time_to_resolve: number | null;
  /** Distinct incidents the month's changes caused. */
  incidents: string[];
  /** IDs of the failed changes, for drill-down. */
  failed_changes: string[];
}

/** The whole export: a versioned envelope, so consumers can check what they read. */
export interface DoraExport {
  schema: 'itsmote-dora/1';
  source: 'itsmote';
  months: DoraMonth[];
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number | null, places: number) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

/** Builds the export from change documents; `months` (YYYY-MM) keeps only those months when not empty. */
export function toDora(docs: readonly ChangeDocument[], months: ReadonlySet<string> = new Set()): DoraExport {
  const restore = new Map<string, number[]>();
  const failed = new Map<string, string[]>();
  for (const doc of docs) {
    const f = executionFacts(doc);
    if (!f) continue;
    const month = utcMonth(f.startedAt);
    if (f.rolledBack || doc.values.causedIncidents.length > 0)
      failed.set(month, [...(failed.get(month) ?? []), doc.id]);
    if (f.rolledBackAt !== undefined)
      restore.set(month, [...(restore.get(month) ?? []), (f.rolledBackAt - f.startedAt) / 3_600_000]);
  }
  const out: DoraMonth[] = computeMetrics(docs)
    .filter((m) => months.size === 0 || months.has(m.month))
    .map((m) => {
      const hours = restore.get(m.month) ?? [];
      return {
        month: m.month,
        deployments: m.executed,
        failed_deployments: m.failed,
        change_fail_rate: round(m.changeFailureRate, 4),
        restored_deployments: hours.length,
        med_time_to_resolve: round(median(hours), 3),
        mean_time_to_resolve: round(hours.length ? hours.reduce((a, b) => a + b, 0) / hours.length : null, 3),
        incidents: m.incidents,
        failed_changes: (failed.get(m.month) ?? []).sort(),
      };
    });
  return { schema: 'itsmote-dora/1', source: 'itsmote', months: out };
}

/** The export as JSON text. */
export function formatDora(docs: readonly ChangeDocument[], months?: ReadonlySet<string>): string {
  return `${JSON.stringify(toDora(docs, months), null, 2)}\n`;
}
