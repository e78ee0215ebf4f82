/**
 * The `itsmote` launcher (server/src/cli/bin.ts, dist/cli.js) runs the command's bundle
 * (dist/cli-main.js) from the V8 code cache the build writes beside it. The cache must be made for
 * that very bundle (the stamp of the file the build wrote, then its SHA-1: V8 itself checks only
 * the source's length), be accepted by the node that built it, and a cache for another source
 * must be ignored, whether the stamp or the hash tells: the output never depends on the cache.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, NOW, ROOT } from './run';

const MAIN = join(ROOT, 'dist/cli-main.js');

/** The stamp the launcher compares with the cache's first line: inode, size, modification and change times (ns). */
function stamp(file: string): string {
  const s = statSync(file, { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** The cache file's parts: the stamp line, the SHA-1, V8's data. */
function parts(cache: Buffer): { stamp: string; hash: Buffer; data: Buffer } {
  const nl = cache.indexOf(10);
  return {
    stamp: cache.toString('latin1', 0, nl),
    hash: cache.subarray(nl + 1, nl + 21),
    data: cache.subarray(nl + 21),
  };
}

/** Runs a launcher as a user would (no coverage: under it the launcher skips the cache). */
function run(
  launcher: string,
  args: string[],
  more: NodeJS.ProcessEnv = {},
): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ITSMOTE_NOW: NOW, NO_COLOR: '1' };
  // Empty, not deleted: node's spawn copies NODE_V8_COVERAGE into an env that lacks the key, and
  // under coverage the launcher does not use the cache.
  env.NODE_V8_COVERAGE = '';
  delete env.ITSMOTE_WRITE_CODE_CACHE;
  Object.assign(env, more);
  const r = spawnSync(process.execPath, [launcher, ...args], { env, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the launcher and its code cache', () => {
  it('is made for the bundle beside it, and this node accepts it', () => {
    const source = readFileSync(MAIN, 'utf8');
    const cache = parts(readFileSync(`${MAIN}.cache`));
    assert.equal(cache.stamp, stamp(MAIN), 'the cache starts with the stamp of dist/cli-main.js');
    const hash = createHash('sha1').update(source).digest();
    assert.ok(hash.equals(cache.hash), 'then the SHA-1 of dist/cli-main.js');
    // Coverage (npm test's NODE_V8_COVERAGE) changes how V8 compiles, and the launcher uses no
    // cache then: V8 is asked in a node without it, as a user's node runs.
    const probe = `const { Script } = require('node:vm'); const Module = require('node:module');
      const fs = require('node:fs'); const main = ${JSON.stringify(MAIN)};
      const s = new Script(Module.wrap(fs.readFileSync(main, 'utf8')), { filename: main, cachedData: (c => c.subarray(c.indexOf(10) + 21))(fs.readFileSync(main + '.cache')) });
      process.stdout.write(String(s.cachedDataRejected));`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    env.NODE_V8_COVERAGE = '';
    const r = spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8' });
    assert.equal(r.stdout, 'false', r.stderr);
  });

  it('is ASCII, so that the launcher reads it as latin1', () => {
    const bytes = readFileSync(MAIN);
    const at = bytes.findIndex((b) => b > 0x7f);
    assert.equal(at, -1, `a non-ASCII byte at ${at}: ${bytes.toString('utf8', Math.max(0, at - 60), at + 20)}`);
  });

  it('runs a non-ASCII bundle from its cache with its characters intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsmote-launcher-'));
    try {
      const main = join(dir, 'cli-main.js');
      const launcher = join(dir, 'cli.js');
      copyFileSync(join(ROOT, 'dist/cli.js'), launcher);
      const from = 'severity:severityName(d),';
      writeFileSync(main, readFileSync(MAIN, 'utf8').replace(from, 'severit\u00e9:severityName(d),'));
      const args = ['check', EXAMPLES, '-f', 'json'];
      // A cache made for the edited bundle, as the build makes one (ITSMOTE_WRITE_CODE_CACHE).
      const written = run(launcher, args, { ITSMOTE_WRITE_CODE_CACHE: '1' });
      const cached = run(launcher, args, { ITSMOTE_DEBUG_CODE_CACHE: '1' });
      assert.match(cached.stderr, /code cache: used \(stamp\)/);
      assert.ok(cached.stdout.includes('"severit\u00e9"'), cached.stdout.slice(0, 400));
      assert.equal(cached.stdout, written.stdout);
      assert.equal(cached.stdout, run(MAIN, args).stdout.replaceAll('"severity"', '"severit\u00e9"'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      // the JSON output's `severity` key renamed (the bundle's whitespace is minified, not its names).
      const source = readFileSync(MAIN, 'utf8');
      const from = 'severity:severityName(d),';
      assert.equal(source.split(from).length, 2, 'one place names the JSON output severity');
      writeFileSync(join(dir, 'cli-main.js'), source.replace(from, 'severitY:severityName(d),'));
      const edited = run(join(dir, 'cli.js'), args);
      for (const r of [none, cached]) assert.deepEqual(r, plain);
      assert.equal(edited.code, plain.code);
      assert.ok(plain.stdout.includes('"severity"'));
      assert.equal(edited.stdout, plain.stdout.replaceAll('"severity"', '"severitY"'), 'the edited bundle ran');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the cache on its stamp in place, on its hash elsewhere, and neither after an edit', () => {
    const decision = (launcher: string) =>
      run(launcher, ['--version'], { ITSMOTE_DEBUG_CODE_CACHE: '1' }).stderr.match(/code cache: (.*)/)?.[1];
    assert.equal(decision(join(ROOT, 'dist/cli.js')), 'used (stamp)', 'the bundle the build wrote');
    const dir = mkdtempSync(join(tmpdir(), 'itsmote-launcher-'));
    try {
      const main = join(dir, 'cli-main.js');
      const launcher = join(dir, 'cli.js');
      copyFileSync(join(ROOT, 'dist/cli.js'), launcher);
      copyFileSync(MAIN, main);
      copyFileSync(`${MAIN}.cache`, `${main}.cache`);
      assert.equal(decision(launcher), 'used (hash)', 'a copy: another stamp, the same content');
      // Stamped for the copy, then edited in place, same length, its modification time put back:
      // only the change time moved, and the hash differs.
      const built = parts(readFileSync(`${MAIN}.cache`));
      writeFileSync(`${main}.cache`, Buffer.concat([Buffer.from(`${stamp(main)}\n`), built.hash, built.data]));
      assert.equal(decision(launcher), 'used (stamp)');
      const before = statSync(main);
      const from = 'severity:severityName(d),';
      writeFileSync(main, readFileSync(main, 'utf8').replace(from, 'severitY:severityName(d),'));
      utimesSync(main, before.atime, before.mtime);
      assert.equal(decision(launcher), 'not used');
      const args = ['check', EXAMPLES, '-f', 'json'];
      const edited = run(launcher, args);
      assert.equal(
        edited.stdout,
        run(MAIN, args).stdout.replaceAll('"severity"', '"severitY"'),
        'the edited bundle ran',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
