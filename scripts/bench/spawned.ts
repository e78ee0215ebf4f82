/** Whole-process figures: `itsmote check`/`list` of a corpus against markdownlint and the read + scan floor on the same files. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CORPUS_NOW } from './corpus';
import { median } from './stats';

/** GNU time, to read a child's peak RSS (absent: no RSS figures). */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** A process figure: median wall ms (startup included), peak RSS of the last run, stdout. */
export type ProcessFigure = { ms: number; rssMb?: number; stdout: string } | { error: string };

/** Median wall ms of a node process (startup included), or an error saying why it failed. */
export function timeProcess(args: readonly string[], runs: number, okCodes: readonly number[] = [0]): ProcessFigure {
  const times: number[] = [];
  let stdout = '';
  let rssMb: number | undefined;
  for (let i = 0; i < runs; i++) {
    const cmd = TIME ? [TIME, '-f', '__RSS_KB__%M', process.execPath, ...args] : [process.execPath, ...args];
    const t = performance.now();
    const r = spawnSync(cmd[0]!, cmd.slice(1), {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, ITSMOTE_NOW: new Date(CORPUS_NOW).toISOString() },
    });
    times.push(performance.now() - t);
    if (r.error || !okCodes.includes(r.status ?? -1))
      return { error: `${args.join(' ')}: exit ${r.status} ${r.error?.message ?? r.stderr.slice(0, 300)}` };
    const m = /__RSS_KB__(\d+)/.exec(r.stderr);
    if (m) rssMb = Number(m[1]) / 1024;
    stdout = r.stdout;
  }
  return { ms: median(times), stdout, ...(rssMb !== undefined ? { rssMb } : {}) };
}

/** `node dist/cli.js check <dir> --format json [--cache ...]` (exit 1 means errors were found: still a run). */
export function timeCheck(cliJs: string, dir: string, runs: number, cacheFile?: string) {
  return timeProcess(
    [cliJs, 'check', dir, '--format', 'json', ...(cacheFile ? ['--cache', '--cache-location', cacheFile] : [])],
    runs,
    [0, 1],
  );
}

/** `node dist/cli.js list <dir> [--cache ...]`: the index's cost seen from the command line. */
export function timeList(cliJs: string, dir: string, runs: number, cacheFile?: string) {
  return timeProcess(
    [cliJs, 'list', dir, ...(cacheFile ? ['--cache', '--cache-location', cacheFile] : [])],
    runs,
    [0, 1],
  );
}

/** markdownlint's default rules over the same files, in a process of its own. */
export function timeMarkdownlint(script: string, dir: string, runs: number) {
  return timeProcess([script, dir], runs);
}

/** The read + scan floor as a process (scripts/bench/floor-run.mjs). */
export function timeFloor(script: string, dir: string, runs: number) {
  return timeProcess([script, dir], runs);
}
