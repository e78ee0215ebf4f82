/** The build writes the `.itsmote.json` schema that package.json contributes, naming every rule. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../scripts/generate/config-schema';
import { RULES } from '../../server/src/core/rules/index';

const ROOT = join(__dirname, '..', '..');

describe('dist/itsmote.schema.json (npm run build)', () => {
  it('is the schema the generator renders, with every rule ID under rules', () => {
    const built = readFileSync(join(ROOT, 'dist', 'itsmote.schema.json'), 'utf8');
    assert.equal(built, configSchema(), 'dist/itsmote.schema.json is stale: run npm run build');
    const rules = (JSON.parse(built) as { properties: { rules: { properties: Record<string, unknown> } } }).properties
      .rules.properties;
    for (const r of RULES) assert.ok(r.id in rules && r.name in rules, r.id);
  });
});
