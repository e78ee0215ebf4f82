// Bundles the entry points with esbuild. Type-checking is `tsc -b`'s job (npm run build runs both).
import * as esbuild from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { BROWSER_BUDGET_BYTES, BROWSER_ENTRIES, browserOptions } from './browser-build.mjs';
import { writeConfigSchema } from './generate/schema-build.mjs';
import { nodeBuildOptions, SERVER_ENTRY } from './node-build-options.mjs';

const production = process.argv.includes('--production');
const common = nodeBuildOptions(production);

const entries = [
  { in: SERVER_ENTRY, out: 'dist/server.js' },
  // The CLI: a small launcher (the `itsmote` bin) that runs the command's bundle from the code
  // cache written below (server/src/cli/bin.ts).
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  // Without whitespace nor comments (the source map keeps stack traces readable): a quarter less
  // to read at every start, and ASCII (non-ASCII is in comments only; esbuild escapes the rest), so
  // that the launcher reads it as latin1 rather than decoding UTF-8.
  { in: 'server/src/cli/main.ts', out: 'dist/cli-main.js', inlinesReport: true, minifyWhitespace: true },
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
      ...(e.minifyWhitespace ? { minifyWhitespace: true } : {}),
    }),
  ),
);

await writeCliCodeCache();

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

/**
 * The CLI's V8 code cache (dist/cli-main.js.cache, read by server/src/cli/bin.ts): the launcher
 * writes it at the exit of each of these runs over the examples, each starting from the cache of
 * the one before, so that it holds the functions of a cold and a warm `check` and `list`. Made
 * by the node that builds; another node rejects it and compiles as usual.
 */
async function writeCliCodeCache() {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'itsmote-code-cache-'));
  const cache = ['--cache', '--cache-location', join(dir, 'cache')];
  // Not under coverage (the launcher would not use the cache, and its bytecode would carry counters).
  const env = { ...process.env, ITSMOTE_WRITE_CODE_CACHE: '1' };
  delete env.NODE_V8_COVERAGE;
  try {
    rmSync('dist/cli-main.js.cache', { force: true });
    for (const args of [
      ['check', 'examples', '--format', 'json', ...cache],
      ['check', 'examples', '--format', 'json', ...cache],
      ['list', 'examples', ...cache],
      ['check', 'examples'],
    ]) {
      const r = spawnSync(process.execPath, ['dist/cli.js', ...args], {
        env,
        encoding: 'utf8',
      });
      if (r.status !== 0 && r.status !== 1) {
        console.error(`build: the CLI's code cache: itsmote ${args.join(' ')} failed: ${r.stderr || r.error}`);
        process.exit(1);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
