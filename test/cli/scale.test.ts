/** `check` on 1,000 generated documents: linear work, well inside the time a CI step allows. */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, tempTree, validChange } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';

describe('itsmote check at scale', function () {
  this.timeout(120_000);
  const N = 1000;
  const files: Record<string, string> = {};
  for (let i = 0; i < N; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(i % 24).padStart(2, '0');
    // 40 services, windows spread over a month: some overlap (CM040), most do not.
    files[`changes/2026-12-${day}-change-${i}.md`] = validChange({
      services: `svc-${i % 40}`,
      window: `2026-12-${day} ${hour}:00 UTC, 90 min`,
    });
  }
  const t = tempTree(files);
  after(() => t.cleanup());

  it(`checks ${N} documents quickly`, () => {
    const dir = t.dir; // writes the files, outside the measured time
    const started = process.hrtime.bigint();
    const r = itsmote(['check', '-f', 'json', '--now', NOW, dir]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const results = json<JsonFileResult[]>(r);
    assert.equal(results.length, N);
    assert.equal(r.code, 0, r.stderr);
    // Every finding is a window conflict, and conflicts come in pairs.
    const codes = results.flatMap((f) => f.diagnostics.map((d) => d.code));
    assert.ok(codes.every((c) => c === 'CM040'));
    console.log(`      check of ${N} documents: ${seconds.toFixed(2)} s, ${codes.length} CM040 findings`);
    // About 3-5 s on 2 cores; a quadratic step would take minutes.
    assert.ok(seconds < 30, `took ${seconds} s`);
  });
});
