/**
 * The `itsmote` executable (bundled to dist/cli.js with a shebang): loads the command's bundle
 * (dist/cli-main.js, from main.ts) with the V8 code cache the build made for it
 * (dist/cli-main.js.cache), so that a run does not compile the 1.6 MB bundle and the functions it
 * calls again. Node 22's `module.enableCompileCache` does this; node 20 has only `vm.Script`'s
 * `cachedData`.
 *
 * The cache is written by the build only (scripts/build.mjs runs the CLI with
 * ITSMOTE_WRITE_CODE_CACHE set), never at run time: it is as trusted as the bundle beside it. V8
 * checks the cache against its own version and flags (another node rejects it, and the bundle is
 * compiled as usual) but not against the source's content, so the file starts with the SHA-1 of
 * the source it was made from and is used only for that source. Under coverage
 * (NODE_V8_COVERAGE) the bundle is required as usual: cached bytecode has no coverage counters.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const MAIN = join(__dirname, 'cli-main.js');
const CACHE = `${MAIN}.cache`;
/** Bytes of the SHA-1 that starts the cache file. */
const HASH_BYTES = 20;

/** The cache's V8 data when it was made from `source`; undefined otherwise (or when absent). */
function cachedDataFor(source: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const hash = createHash('sha1').update(source).digest();
  return bytes.length > HASH_BYTES && hash.equals(bytes.subarray(0, HASH_BYTES))
    ? bytes.subarray(HASH_BYTES)
    : undefined;
}

/** Runs the bundle from its code cache; false when there is none to use (the caller requires the bundle). */
function runCached(write: boolean): boolean {
  const source = readFileSync(MAIN, 'utf8');
  const cachedData = cachedDataFor(source);
  if (!cachedData && !write) return false;
  const script = new Script(Module.wrap(source), { filename: MAIN, ...(cachedData ? { cachedData } : {}) });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {}, id: MAIN, filename: MAIN, loaded: false, children: [], paths: [] };
  run.call(mod.exports, mod.exports, createRequire(MAIN), mod, MAIN, __dirname);
  if (write)
    // At exit, the functions this run compiled are in the cache too (the build runs a few commands).
    process.on('exit', () => {
      const hash = createHash('sha1').update(source).digest();
      writeFileSync(CACHE, Buffer.concat([hash, script.createCachedData()]));
    });
  return true;
}

if (process.env.NODE_V8_COVERAGE || !runCached(process.env.ITSMOTE_WRITE_CODE_CACHE === '1')) createRequire(MAIN)(MAIN);
