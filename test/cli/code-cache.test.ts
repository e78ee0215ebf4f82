/**
 * The `itsmote` launcher (server/src/cli/bin.ts, dist/cli.js) runs the command's bundle
 * (dist/cli-main.js) from the V8 code cache the build writes beside it. The cache must be made for
 * that very bundle (its SHA-1 first: V8 itself checks only the source's length), be accepted by
 * the node that built it, and a cache for another source must be ignored: the output never
 * depends on the cache.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, NOW, ROOT } from './run';

const MAIN = join(ROOT, 'dist/cli-main.js');

/** Runs a launcher as a user would (no coverage: under it the launcher skips the cache). */
function run(launcher: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ITSMOTE_NOW: NOW, NO_COLOR: '1' };
  delete env.NODE_V8_COVERAGE;
  delete env.ITSMOTE_WRITE_CODE_CACHE;
  const r = spawnSync(process.execPath, [launcher, ...args], { env, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the launcher and its code cache', () => {
  it('is made for the bundle beside it, and this node accepts it', () => {
    const source = readFileSync(MAIN, 'utf8');
    const cache = readFileSync(`${MAIN}.cache`);
    const hash = createHash('sha1').update(source).digest();
    assert.ok(hash.equals(cache.subarray(0, 20)), 'the cache starts with the SHA-1 of dist/cli-main.js');
    // Coverage (npm test's NODE_V8_COVERAGE) changes how V8 compiles, and the launcher uses no
    // cache then: V8 is asked in a node without it, as a user's node runs.
    const probe = `const { Script } = require('node:vm'); const Module = require('node:module');
      const fs = require('node:fs'); const main = ${JSON.stringify(MAIN)};
      const s = new Script(Module.wrap(fs.readFileSync(main, 'utf8')), { filename: main, cachedData: fs.readFileSync(main + '.cache').subarray(20) });
      process.stdout.write(String(s.cachedDataRejected));`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_V8_COVERAGE;
    const r = spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8' });
    assert.equal(r.stdout, 'false', r.stderr);
  });

  it('prints the same with the cache, with a cache made for another source, and without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsmote-launcher-'));
    try {
      copyFileSync(join(ROOT, 'dist/cli.js'), join(dir, 'cli.js'));
      copyFileSync(MAIN, join(dir, 'cli-main.js'));
      const args = ['check', EXAMPLES, '-f', 'json'];
      const plain = run(MAIN, args);
      assert.ok(plain.stdout.includes('"diagnostics"'), plain.stderr);
      // The bundle alone (no cache file), then with the build's cache.
      const none = run(join(dir, 'cli.js'), args);
      copyFileSync(`${MAIN}.cache`, join(dir, 'cli-main.js.cache'));
      const cached = run(join(dir, 'cli.js'), args);
      // A bundle edited after the build, its length kept (V8's own check would let it through):
      // the JSON output's `severity` key renamed (the bundle of `npm run build`, not minified).
      const source = readFileSync(MAIN, 'utf8');
      const from = 'severity: severityName(d),';
      assert.equal(source.split(from).length, 2, 'one place names the JSON output severity');
      writeFileSync(join(dir, 'cli-main.js'), source.replace(from, 'severitY: severityName(d),'));
      const edited = run(join(dir, 'cli.js'), args);
      for (const r of [none, cached]) assert.deepEqual(r, plain);
      assert.equal(edited.code, plain.code);
      assert.ok(plain.stdout.includes('"severity"'));
      assert.equal(edited.stdout, plain.stdout.replaceAll('"severity"', '"severitY"'), 'the edited bundle ran');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
