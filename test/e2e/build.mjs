// Bundles the extension-host tests to out/e2e/: index.js (the mocha entry, mocha bundled in, so it
// loads in any extension host whatever its Node's ESM support) and one CommonJS file per
// *.test.ts, with `vscode` left to the extension host. runTests.js is the @vscode/test-electron
// launcher for machines that can download VS Code.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '..', '..', 'out', 'e2e');
rmSync(outdir, { recursive: true, force: true });
const tests = readdirSync(here).filter((f) => f.endsWith('.test.ts'));
await esbuild.build({
  entryPoints: ['index.ts', 'runTests.ts', ...tests].map((f) => join(here, f)),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  // vscode-oniguruma loads its .wasm next to its own file: keep it (and its partner) in node_modules.
  external: ['vscode', '@vscode/test-electron', 'vscode-textmate', 'vscode-oniguruma'],
  logLevel: 'warning',
  // Mocha's parallel mode (never used here) resolves worker files at runtime.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
