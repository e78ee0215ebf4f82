/**
 * The property suite in `npm test`: a fixed seed and a bounded count, so a run is repeatable and
 * short. `npm run fuzz` runs the same properties with 100,000 cases (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { DEFAULT_SEED, PROPERTIES, runsOf } from './suite';

/** Cases per `npm test` run, over all properties (a few seconds on a loaded 2-core machine). */
const TOTAL = Number(process.env.ITSMOTE_PROPERTY_RUNS ?? 600);

describe('properties (fast-check, fixed seed)', function () {
  this.timeout(120_000);
  for (const p of PROPERTIES) {
    it(p.name, () => {
      fc.assert(p.property(), { seed: DEFAULT_SEED, numRuns: runsOf(p, TOTAL), endOnFailure: false });
    });
  }
});
