/**
 * `npm run fuzz`: the property suite of test/unit/properties with many cases (100,000 by default,
 * split over the properties by share). Prints the case count, the seed, each failure with its
 * shrunk counterexample, and the time; exits 1 when a property failed.
 *
 *   npm run fuzz -- --runs 20000 --seed 42
 *   npm run fuzz -- --jobs 4      (one process per property; same cases, same seed)
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { DEFAULT_SEED, PROPERTIES, runsOf } from '../test/unit/properties/suite';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    only: { type: 'string' },
    jobs: { type: 'string', default: '1' },
  },
});

const total = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: fuzz [--runs <cases>] [--seed <integer>] [--only <substring of a property name>]\n');
  process.exit(2);
}

const started = Date.now();
const selected = PROPERTIES.filter((p) => !values.only || p.name.includes(values.only));

/** Runs one property here; resolves with its case count and whether it failed. */
function runHere(p: (typeof PROPERTIES)[number]): { cases: number; failed: boolean } {
  const runs = runsOf(p, total);
  const t0 = Date.now();
  const details = fc.check(p.property(), { seed, numRuns: runs });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (details.failed) {
    process.stdout.write(`FAIL ${p.name} (after ${details.numRuns} cases, ${secs} s)\n`);
    process.stdout.write(`  replay: seed ${details.seed}, path "${details.counterexamplePath}"\n`);
    process.stdout.write(`  counterexample: ${fc.stringify(details.counterexample)}\n`);
    const err = details.errorInstance;
    process.stdout.write(`  ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
  } else {
    process.stdout.write(`ok   ${p.name}: ${details.numRuns} cases, ${secs} s\n`);
  }
  return { cases: details.numRuns, failed: details.failed };
}

/** Runs one property in a child process (same loader, same seed and total), for --jobs. */
function runChild(p: (typeof PROPERTIES)[number]): Promise<{ cases: number; failed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        __filename,
        '--runs',
        String(total),
        '--seed',
        String(seed),
        '--only',
        p.name,
        '--jobs',
        '1',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => {
      const lines = out.split('\n').filter((l) => !l.startsWith('fuzz:'));
      process.stdout.write(lines.join('\n').replace(/\n*$/, '\n'));
      const m = /(\d+) cases run/.exec(out);
      resolve({ cases: m ? Number(m[1]) : 0, failed: code !== 0 });
    });
  });
}

async function main(): Promise<void> {
  process.stdout.write(`fuzz: ${total} cases, seed ${seed}${Number(values.jobs) > 1 ? `, ${values.jobs} jobs` : ''}\n`);
  const jobs = Math.max(1, Number(values.jobs) || 1);
  const results: { cases: number; failed: boolean }[] = [];
  if (jobs === 1) {
    for (const p of selected) results.push(runHere(p));
  } else {
    const queue = [...selected];
    await Promise.all(
      Array.from({ length: Math.min(jobs, queue.length) }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) results.push(await runChild(p));
      }),
    );
  }
  const cases = results.reduce((n, r) => n + r.cases, 0);
  const failures = results.filter((r) => r.failed).length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `fuzz: ${cases} cases run, seed ${seed}, ${failures} failing propert${failures === 1 ? 'y' : 'ies'}, ${secs} s\n`,
  );
  process.exit(failures ? 1 : 0);
}

void main();
