/**
 * Writes the `.itsmote.json` JSON schema (scripts/generate/config-schema.ts) into dist/ at build
 * time. It names every rule, so it is built rather than tracked: adding a rule edits no schema.
 * package.json `contributes.jsonValidation` points at the built file. The generator is TypeScript
 * over the core's catalogues, so esbuild bundles it in memory and it runs here.
 */
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds the schema and writes it to `outFile`. */
export async function writeConfigSchema(outFile) {
  const bundle = await esbuild.build({
    entryPoints: ['scripts/generate/config-schema.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The dependencies (zod, jsonc-parser) load from node_modules as they are: only our sources are bundled.
    packages: 'external',
    logLevel: 'warning',
  });
  const module = { exports: {} };
  const file = fileURLToPath(new URL('config-schema.ts', import.meta.url));
  new Function('module', 'exports', 'require', '__filename', '__dirname', bundle.outputFiles[0].text)(
    module,
    module.exports,
    createRequire(file),
    file,
    dirname(file),
  );
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, module.exports.configSchema());
}
