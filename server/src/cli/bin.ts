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
 * compiled as usual) but not against the source's content, so the cache is used only for the
 * source it was made from. Its first line is the stamp of the bundle it was made beside (inode,
 * size, modification and change times in nanoseconds: any write, copy or move of the bundle
 * changes the change time, which no tool sets back); then the SHA-1 of that source (20 bytes),
 * then V8's data. When the stamp matches, the bundle is the very file the build wrote; otherwise
 * (an installed or copied package) the source's SHA-1 decides. Under coverage (NODE_V8_COVERAGE)
 * the bundle is required as usual: cached bytecode has no coverage counters.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const MAIN = join(__dirname, 'cli-main.js');
const CACHE = `${MAIN}.cache`;
/** Bytes of the SHA-1 after the stamp. */
const HASH_BYTES = 20;

/** The bundle's stamp: inode, size, modification and change times (ns). */
function stamp(): string {
  const s = statSync(MAIN, { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** SHA-1 of the bundle's bytes (node:crypto is loaded only when the stamp does not decide). */
function sha1(source: Buffer): Buffer {
  return (createRequire(MAIN)('node:crypto') as typeof import('node:crypto'))
    .createHash('sha1')
    .update(source)
    .digest();
}

/** The cache's V8 data when it was made from `source`; undefined otherwise (or when absent). */
function cachedDataFor(source: Buffer): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const nl = cache.indexOf(10);
  if (nl < 0 || cache.length <= nl + 1 + HASH_BYTES) return undefined;
  const hash = cache.subarray(nl + 1, nl + 1 + HASH_BYTES);
  const by = cache.toString('latin1', 0, nl) === stamp() ? 'stamp' : sha1(source).equals(hash) ? 'hash' : undefined;
  // What decided, for the tests (test/cli/code-cache.test.ts): V8 runs a stale cache without a word.
  if (process.env.ITSMOTE_DEBUG_CODE_CACHE)
    process.stderr.write(`itsmote: code cache: ${by ? `used (${by})` : 'not used'}\n`);
  return by ? cache.subarray(nl + 1 + HASH_BYTES) : undefined;
}

/** Runs the bundle from its code cache; false when there is none to use (the caller requires the bundle). */
function runCached(write: boolean): boolean {
  const bytes = readFileSync(MAIN);
  const cachedData = cachedDataFor(bytes);
  if (!cachedData && !write) return false;
  // The build keeps the bundle ASCII (test/cli/code-cache.test.ts): then latin1 is its exact
  // decoding, a plain copy into a one-byte string, where UTF-8 decoding took ~3 ms.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new Script(Module.wrap(source), { filename: MAIN, ...(cachedData ? { cachedData } : {}) });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {}, id: MAIN, filename: MAIN, loaded: false, children: [], paths: [] };
  run.call(mod.exports, mod.exports, createRequire(MAIN), mod, MAIN, __dirname);
  if (write)
    // At exit, the functions this run compiled are in the cache too (the build runs a few commands).
    process.on('exit', () => {
      writeFileSync(CACHE, Buffer.concat([Buffer.from(`${stamp()}\n`), sha1(bytes), script.createCachedData()]));
    });
  return true;
}

if (process.env.NODE_V8_COVERAGE || !runCached(process.env.ITSMOTE_WRITE_CODE_CACHE === '1')) createRequire(MAIN)(MAIN);
