/**
 * `npm run generate`: rewrites the derived files (scripts/generate/outputs.ts) from the
 * catalogues and names those that changed. A file already up to date is not touched.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OUTPUTS } from './outputs';
import { ROOT } from './text';

let changed = 0;
for (const out of OUTPUTS) {
  const file = join(ROOT, out.path);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const next = out.render(current);
  if (next === current) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, next);
  console.log(`generate: wrote ${out.path}`);
  changed++;
}
console.log(
  `generate: ${changed ? `${changed} of ${OUTPUTS.length} files changed` : `all ${OUTPUTS.length} files up to date`}`,
);
