/**
 * `npm run fuzz`: the property suite of test/unit/properties with many cases (100,000 by default,
 * split over the properties by share). Prints the case count, the seed, each failure with its
 * shrunk counterexample, and the time; exits 1 when a property failed.
 *
 *   npm run fuzz -- --runs 20000 --seed 42
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { DEFAULT_SEED, PROPERTIES, runsOf } from '../test/unit/properties/suite';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    only: { type: 'string' },
  },
});

const total = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: fuzz [--runs <cases>] [--seed <integer>] [--only <substring of a property name>]\n');
  process.exit(2);
}

const started = Date.now();
let cases = 0;
let failures = 0;
process.stdout.write(`fuzz: ${total} cases, seed ${seed}\n`);
for (const p of PROPERTIES) {
  if (values.only && !p.name.includes(values.only)) continue;
  const runs = runsOf(p, total);
  const t0 = Date.now();
  const details = fc.check(p.property(), { seed, numRuns: runs });
  cases += details.numRuns;
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (details.failed) {
    failures++;
    process.stdout.write(`FAIL ${p.name} (after ${details.numRuns} cases, ${secs} s)\n`);
    process.stdout.write(`  replay: seed ${details.seed}, path "${details.counterexamplePath}"\n`);
    process.stdout.write(`  counterexample: ${fc.stringify(details.counterexample)}\n`);
    const err = details.errorInstance;
    process.stdout.write(`  ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
  } else {
    process.stdout.write(`ok   ${p.name}: ${details.numRuns} cases, ${secs} s\n`);
  }
}
const secs = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(`fuzz: ${cases} cases run, seed ${seed}, ${failures} failing propert${failures === 1 ? 'y' : 'ies'}, ${secs} s\n`);
process.exit(failures ? 1 : 0);
