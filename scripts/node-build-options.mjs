// The esbuild options of the Node bundles (the server, the CLI, the desktop extension), shared by
// scripts/build.mjs and the bench, which measures the server as the .vsix ships it.

/** Options common to the Node bundles; `production` (npm run package): minified, no source maps. */
export function nodeBuildOptions(production) {
  return {
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
}

/** The language server's entry point. */
export const SERVER_ENTRY = 'server/src/server.ts';
