// Bundles the entry points with esbuild. Type-checking is `tsc -b`'s job (npm run build runs both).
import * as esbuild from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { BROWSER_BUDGET_BYTES, BROWSER_ENTRIES, browserOptions } from './browser-build.mjs';
import { writeConfigSchema } from './generate/schema-build.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // remark's ESM packages carry "sideEffects": false; keep tree shaking on.
  treeShaking: true,
  // jsonc-parser's "main" is a UMD whose requires esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const entries = [
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node', inlinesReport: true },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // The metrics dashboard's page script, with Chart.js bundled in (a webview loads no remote code).
  {
    in: 'client/webview/dashboard.ts',
    out: 'dist/webview/dashboard.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

const REPORT_SCRIPT = 'client/webview/report.ts';

// A missing entry point is a broken build, not one bundle fewer: say which and stop.
const missing = [REPORT_SCRIPT, ...entries.map((e) => e.in), ...BROWSER_ENTRIES.map((e) => e.in)].filter(
  (path) => !existsSync(path),
);
if (missing.length) {
  console.error(`build: entry point${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}`);
  process.exit(1);
}

// The HTML report's page script (client/webview/report.ts), bundled first: the CLI inlines it into
// every report it writes (one self-contained file, allowed by its CSP hash).
const reportScript = await esbuild.build({
  entryPoints: [REPORT_SCRIPT],
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const reportDefine = { __ITSMOTE_REPORT_SCRIPT__: JSON.stringify(reportScript.outputFiles[0].text) };

await Promise.all(
  entries.map((e) =>
    esbuild.build({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      external: e.external ?? [],
      ...(e.platform ? { platform: e.platform, format: e.format, target: e.target } : {}),
      banner: e.banner ? { js: e.banner } : undefined,
      ...(e.inlinesReport ? { define: reportDefine } : {}),
    }),
  ),
);

// The .itsmote.json schema (contributes.jsonValidation): it names every rule, so it is built, not tracked.
await writeConfigSchema('dist/itsmote.schema.json');

// The web extension (vscode.dev, github.dev): browser platform, no Node (scripts/browser-build.mjs).
try {
  await Promise.all(BROWSER_ENTRIES.map((e) => esbuild.build(browserOptions(e, { production }))));
} catch (e) {
  // esbuild's own messages name the module and the importer; say what the rule is.
  for (const m of e.errors ?? [])
    console.error(`build: browser bundle: ${m.text}${m.location ? ` (${m.location.file}:${m.location.line})` : ''}`);
  if (!e.errors) console.error(e);
  process.exit(1);
}
if (production) {
  const sizes = BROWSER_ENTRIES.map((e) => [e.out, statSync(e.out).size]);
  const total = sizes.reduce((n, [, size]) => n + size, 0);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `browser bundles: ${sizes.map(([f, n]) => `${f} ${kb(n)}`).join(', ')}; total ${kb(total)} (budget ${kb(BROWSER_BUDGET_BYTES)})`,
  );
  if (total > BROWSER_BUDGET_BYTES) {
    console.error(
      `build: the browser bundles weigh ${kb(total)}, over the budget of ${kb(BROWSER_BUDGET_BYTES)} (docs/extension.md)`,
    );
    process.exit(1);
  }
}
