/**
 * Monthly change metrics (SPEC section 5) over a set of change documents.
 */
import type { ChangeDocument, LogEntry } from './schema';
import { CHANGE_TYPES, RISK_LEVELS } from './fields';
import { utcMonth } from './time';

/** The metrics of one UTC month. Rates are fractions (0..1), null when nothing was executed. */
export interface MonthMetrics {
  /** `YYYY-MM`, UTC. */
  month: string;
  /** Executed changes: an In Progress entry (with a readable time) in this month. */
  executed: number;
  /** Executed changes that were rolled back or caused at least one incident. */
  failed: number;
  changeFailureRate: number | null;
  /** Executed changes with a Rolled Back entry. */
  rolledBack: number;
  rollbackRate: number | null;
  /** Distinct incident references in the executed changes' Caused incidents. */
  incidentsCaused: number;
  incidents: string[];
  /** Mean of (Rolled Back time - In Progress time), minutes; null with no timed rollback. */
  meanTimeToRollbackMinutes: number | null;
  byType: Record<string, number>;
  byRisk: Record<string, number>;
  /** IDs of the executed changes, for drill-down. */
  changes: string[];
}

/** What makes a change count: its start, its rollback, its incidents. */
export interface ExecutionFacts {
  /** The first In Progress entry's time. */
  startedAt: number;
  rolledBack: boolean;
  /** The first Rolled Back entry's time after the start, when readable. */
  rolledBackAt?: number;
}

/** The execution facts of a change, or undefined when it was never (readably) executed. */
export function executionFacts(doc: ChangeDocument): ExecutionFacts | undefined {
  const entries: LogEntry[] = doc.statusLog?.entries ?? [];
  const start = entries.find((e) => e.status === 'In Progress' && e.at !== undefined);
  if (!start) return undefined;
  const rb = entries.filter((e) => e.status === 'Rolled Back');
  const timed = rb.find((e) => e.at !== undefined && e.at >= start.at!);
  return { startedAt: start.at!, rolledBack: rb.length > 0, ...(timed ? { rolledBackAt: timed.at } : {}) };
}

/** A month with nothing executed: every count 0, every rate and mean undefined (null). */
export function emptyMonth(month: string): MonthMetrics {
  return {
    month,
    executed: 0,
    failed: 0,
    changeFailureRate: null,
    rolledBack: 0,
    rollbackRate: null,
    incidentsCaused: 0,
    incidents: [],
    meanTimeToRollbackMinutes: null,
    byType: Object.fromEntries([...CHANGE_TYPES, 'Unknown'].map((t) => [t, 0])),
    byRisk: Object.fromEntries([...RISK_LEVELS, 'Unknown'].map((r) => [r, 0])),
    changes: [],
  };
}

/** Computes the metrics by month, oldest month first; months with no executed change are absent. */
export function computeMetrics(docs: Iterable<ChangeDocument>): MonthMetrics[] {
  const months = new Map<string, { m: MonthMetrics; incidents: Set<string>; rollbackMinutes: number[] }>();
  for (const doc of docs) {
    const facts = executionFacts(doc);
    if (!facts) continue;
    const key = utcMonth(facts.startedAt);
    let acc = months.get(key);
    if (!acc) {
      acc = { m: emptyMonth(key), incidents: new Set(), rollbackMinutes: [] };
      months.set(key, acc);
    }
    const m = acc.m;
    m.executed++;
    m.changes.push(doc.id);
    const caused = doc.values.causedIncidents;
    if (facts.rolledBack || caused.length > 0) m.failed++;
    if (facts.rolledBack) m.rolledBack++;
    if (facts.rolledBackAt !== undefined) acc.rollbackMinutes.push((facts.rolledBackAt - facts.startedAt) / 60_000);
    for (const i of caused) acc.incidents.add(i);
    m.byType[doc.values.changeType ?? 'Unknown']!++;
    m.byRisk[doc.values.risk ?? 'Unknown']!++;
  }
  return [...months.values()]
    .map(({ m, incidents, rollbackMinutes }) => ({
      ...m,
      changeFailureRate: m.failed / m.executed,
      rollbackRate: m.rolledBack / m.executed,
      incidents: [...incidents].sort(),
      incidentsCaused: incidents.size,
      meanTimeToRollbackMinutes: rollbackMinutes.length
        ? rollbackMinutes.reduce((a, b) => a + b, 0) / rollbackMinutes.length
        : null,
    }))
    .sort((a, b) => a.month.localeCompare(b.month));
}
