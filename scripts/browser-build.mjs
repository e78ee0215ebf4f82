// The browser bundles (vscode.dev, github.dev): the extension's `browser` entry and the language
// server in a Web Worker. Built for esbuild's browser platform with no Node polyfill: a Node
// module reachable from an entry fails the build, naming the module and who imports it.
// Two modules have a browser twin put in their place (their Node versions read the OS path
// rules and node:crypto): lsp/paths.ts and node/record-cache.ts.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The browser bundles together stay under this many bytes, minified (docs/extension.md). */
export const BROWSER_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** The browser entry points. */
export const BROWSER_ENTRIES = [
  { in: 'client/src/browser-extension.ts', out: 'dist/browser/extension.js' },
  { in: 'server/src/browser-server.ts', out: 'dist/browser/server.js' },
];

/** Modules replaced by their browser twin (repository-relative, without extension). */
const TWINS = new Map([
  ['server/src/lsp/paths', 'server/src/browser/paths.ts'],
  ['server/src/node/record-cache', 'server/src/browser/record-cache.ts'],
]);

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** An esbuild plugin: the twins in place of their Node modules, and an error for any Node builtin. */
export const browserPlugin = {
  name: 'itsmote-browser',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const rel = relative(ROOT, resolve(args.resolveDir, args.path)).split('\\').join('/').replace(/\.ts$/, '');
      const twin = TWINS.get(rel);
      return twin ? { path: join(ROOT, twin) } : undefined;
    });
    build.onResolve({ filter: /^[a-z_:]/ }, (args) => {
      const top = args.path.startsWith('node:') ? args.path : args.path.split('/')[0];
      if (!NODE_BUILTINS.has(top) && !NODE_BUILTINS.has(args.path)) return undefined;
      const by = args.importer ? relative(ROOT, args.importer) : 'the entry point';
      return {
        errors: [
          {
            text: `Node module "${args.path}" imported by ${by}: the browser bundles may not use Node (add a browser twin or read through the FileSystem interface)`,
          },
        ],
      };
    });
  },
};

/** esbuild options of one browser bundle. */
export function browserOptions(entry, { production = false, write = true } = {}) {
  return {
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    write,
    platform: 'browser',
    // The extension host of a web worker loads a CommonJS module (module.exports, require('vscode')).
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // Both run in a worker (the server in its own, the extension in the web extension host):
    // packages with a DOM build (decode-named-character-reference) give their worker build.
    conditions: ['worker', 'browser'],
    external: ['vscode'],
    sourcemap: !production && write,
    minify: production,
    treeShaking: true,
    legalComments: 'none',
    logLevel: 'silent',
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    plugins: [browserPlugin],
    metafile: true,
  };
}

/** Sizes of the minified browser bundles: one figure each and the total, built in memory. */
export async function measureBrowserBundles(esbuild) {
  const sizes = {};
  for (const e of BROWSER_ENTRIES) {
    const r = await esbuild.build(browserOptions(e, { production: true, write: false }));
    sizes[e.out] = r.outputFiles.reduce((n, f) => n + (f.path.endsWith('.map') ? 0 : f.contents.length), 0);
  }
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  return { sizes, total };
}

/** Whether every browser entry point exists. */
export function missingBrowserEntries() {
  return BROWSER_ENTRIES.map((e) => e.in).filter((p) => !existsSync(join(ROOT, p)));
}
