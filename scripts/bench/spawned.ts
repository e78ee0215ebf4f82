/** Whole-process figures: `itsmote check`/`list` of a corpus against markdownlint on the same files. */
import { spawnSync } from 'node:child_process';
import { CORPUS_NOW } from './corpus';
import { median } from './stats';

/** Median wall ms of a node process (startup included), or an error saying why it failed. */
export function timeProcess(args: readonly string[], runs: number, okCodes: readonly number[] = [0]): { ms: number; stdout: string } | { error: string } {
  const times: number[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ITSMOTE_NOW: new Date(CORPUS_NOW).toISOString() } });
    times.push(performance.now() - t);
    if (r.error || !okCodes.includes(r.status ?? -1)) return { error: `${args.join(' ')}: exit ${r.status} ${r.error?.message ?? r.stderr.slice(0, 300)}` };
    stdout = r.stdout;
  }
  return { ms: median(times), stdout };
}

/** `node dist/cli.js check <dir> --format json` (exit 1 means errors were found: still a run). */
export function timeCheck(cliJs: string, dir: string, runs: number) {
  return timeProcess([cliJs, 'check', dir, '--format', 'json'], runs, [0, 1]);
}

/** `node dist/cli.js list <dir>`: the index's cost seen from the command line. */
export function timeList(cliJs: string, dir: string, runs: number) {
  return timeProcess([cliJs, 'list', dir], runs, [0, 1]);
}

/** markdownlint's default rules over the same files, in a process of its own. */
export function timeMarkdownlint(script: string, dir: string, runs: number) {
  return timeProcess([script, dir], runs);
}
