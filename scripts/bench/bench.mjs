// `npm run bench`: bundles the benchmark with esbuild, as scripts/build.mjs bundles the server
// and the CLI, and runs it with plain node. Running the TypeScript through tsx instead would
// measure tsx's keepNames helper (a defineProperty per closure) in our code but not in remark's.
// The language server is measured as the .vsix ships it (`npm run package`: minified, no source
// map), built here into .bench/server.js; `BENCH_SERVER=dist/server.js` measures another build.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { nodeBuildOptions, SERVER_ENTRY } from '../node-build-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = join(root, '.bench/run.cjs');
const server = process.env.BENCH_SERVER ? join(root, process.env.BENCH_SERVER) : join(root, '.bench/server.js');
if (!process.env.BENCH_SERVER)
  await esbuild.build({ ...nodeBuildOptions(true), entryPoints: [join(root, SERVER_ENTRY)], outfile: server });
await esbuild.build({
  entryPoints: [join(root, 'scripts/bench/run.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  logLevel: 'warning',
  define: { BENCH_ROOT: JSON.stringify(root), BENCH_SERVER: JSON.stringify(server) },
  // As scripts/build.mjs: jsonc-parser's UMD "main" does not bundle, its ESM build does.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
});
const r = spawnSync(process.execPath, [...process.execArgv, outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
