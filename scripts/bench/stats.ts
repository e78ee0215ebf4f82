/** Timing and reporting helpers of the benchmark: medians, the machine, the result table. */
import * as os from 'node:os';

/** The median of some numbers (NaN for none). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Milliseconds taken by a synchronous function. */
export function timeSync(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Milliseconds taken by an async function. */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** The machine the run happened on, with the load average as a noise note. */
export interface Machine {
  cpus: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  loadBefore: number[];
  loadAfter?: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** One line of the result: a figure, its baseline, their ratio and the target. */
export interface Row {
  group: string;
  name: string;
  /** The measured figure (ms unless `unit` says otherwise); undefined when not measured. */
  value?: number;
  unit?: string;
  baselineName?: string;
  baseline?: number;
  /** value / baseline (or baseline / value when `higherIsBetter`). */
  ratio?: number;
  target?: string;
  pass?: boolean;
  note?: string;
}

function fmt(v: number | undefined, unit = 'ms'): string {
  if (v === undefined || Number.isNaN(v)) return 'n/a';
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  if (unit === 'us') return `${v.toFixed(0)} µs`;
  if (unit === '%') return `${v.toFixed(v === 100 ? 0 : 1)}%`;
  if (unit === 'docs') return `${v.toFixed(0)}`;
  return v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`;
}

/** The rows as a markdown table (printed, and pasted into docs/performance.md). */
export function table(rows: readonly Row[]): string {
  const head =
    '| group | figure | value | baseline | baseline value | ratio | target | result |\n| --- | --- | --- | --- | --- | --- | --- | --- |';
  const lines = rows.map((r) =>
    [
      r.group,
      r.name,
      fmt(r.value, r.unit),
      r.baselineName ?? '',
      r.baselineName ? fmt(r.baseline, r.unit) : '',
      r.ratio === undefined || Number.isNaN(r.ratio) ? '' : `${r.ratio.toFixed(2)}x`,
      r.target ?? '',
      r.pass === undefined ? (r.note ?? '') : `${r.pass ? 'PASS' : 'FAIL'}${r.note ? ` (${r.note})` : ''}`,
    ].join(' | '),
  );
  return [head, ...lines.map((l) => `| ${l} |`)].join('\n');
}
