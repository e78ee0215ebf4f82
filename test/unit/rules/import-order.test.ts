/**
 * No rule depends on the order modules are first imported in. A rule that imports the catalogue
 * (rules/index.ts) closes a circle through it, and the first module of the circle to be imported
 * sees the others half-initialised: importing cm007 first used to throw a ReferenceError. Each
 * file of the rules folder is imported here first, in a fresh module graph of its own.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

const RULES_DIR = join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'rules');
const SOURCE = `${sep}server${sep}src${sep}`;

/**
 * Requires `file` with none of server/src in the module cache, then puts the cache back as it was.
 * Returns its exports and the modules its import loaded.
 */
function requireFresh(file: string): { exports: Record<string, unknown>; loaded: string[] } {
  const saved = { ...require.cache };
  for (const k of Object.keys(require.cache)) if (k.includes(SOURCE)) delete require.cache[k];
  try {
    const exports = require(file) as Record<string, unknown>;
    return { exports, loaded: Object.keys(require.cache).filter((k) => k.includes(SOURCE)) };
  } finally {
    for (const k of Object.keys(require.cache)) if (!(k in saved)) delete require.cache[k];
    Object.assign(require.cache, saved);
  }
}

describe('rules: import order', () => {
  const files = readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const index = join(RULES_DIR, 'index.ts');

  it('finds the rule files', () => {
    assert.ok(files.includes('cm007-suppression-invalid.ts'), files.join(', '));
  });

  for (const f of files) {
    it(`${f} can be the first module imported`, () => {
      const { exports, loaded } = requireFresh(join(RULES_DIR, f));
      // A circle shows as a throw above, or as an export still undefined when read.
      for (const [name, value] of Object.entries(exports)) assert.notEqual(value, undefined, `${f}: ${name}`);
      // The engine passes the catalogue in: a rule that loads it (directly or not) closes a circle.
      if (/^cm\d{3}-/.test(f)) assert.ok(!loaded.includes(index), `${f} imports rules/index.ts`);
    });
  }
});
