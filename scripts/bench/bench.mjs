// `npm run bench`: bundles the benchmark with esbuild, as scripts/build.mjs bundles the server
// and the CLI, and runs it with plain node. Running the TypeScript through tsx instead would
// measure tsx's keepNames helper (a defineProperty per closure) in our code but not in remark's.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(root, '.bench/run.cjs');
await esbuild.build({
  entryPoints: [join(root, 'scripts/bench/run.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  logLevel: 'warning',
  define: { BENCH_ROOT: JSON.stringify(root) },
  // As scripts/build.mjs: jsonc-parser's UMD "main" does not bundle, its ESM build does.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
});
const r = spawnSync(process.execPath, [...process.execArgv, outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
