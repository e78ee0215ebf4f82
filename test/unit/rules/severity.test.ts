/**
 * Every rule goes through the engine the same way: it fires at its default severity, follows the
 * configured one, and is silent when off. The failing input of each rule comes from its own test
 * file (`export const FAILING` in test/unit/rules/cmNNN.test.ts), so adding a rule adds no line
 * here.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkDocument, checkRepoRules, checkSetRules } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import type { Config } from '../../../server/src/core/config';
import { RULES } from '../../../server/src/core/rules/index';
import { codes, doc, NOW } from '../../helpers/doc';
import { VALID_EMERGENCY, withLine, type Failing } from './support';

/** Each rule test file's FAILING, by rule ID (from the file name): requiring them is loading them once. */
const FAILING = new Map<string, Failing>();
for (const f of readdirSync(__dirname).filter((x) => /^cm\d{3}\.test\.ts$/.test(x))) {
  const failing = (require(join(__dirname, f)) as { FAILING?: Failing }).FAILING;
  if (failing) FAILING.set(f.slice(0, 5).toUpperCase(), failing);
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** The diagnostics of a rule's failing input under `config` (severities and what the input adds). */
function run(id: string, config: Partial<Config>): Diagnostic[] {
  const failing = FAILING.get(id)!;
  if ('set' in failing) {
    const entries = failing.set.map((text, i) => ({ key: `changes/${i}.md`, analysis: doc(text, `changes/${i}.md`) }));
    return [...checkSetRules(entries, { config: { ...defaultConfig(), ...config }, now: NOW }).values()].flat();
  }
  if ('changes' in failing) {
    const input = { ...failing.changes, documents: failing.changes.documents.map((t) => doc(t).doc) };
    return [...checkRepoRules(input, { config: { ...defaultConfig(), ...config }, now: NOW }).values()].flat();
  }
  const { repo } = failing;
  return checkDocument(doc(failing.text), {
    config: { ...defaultConfig(), ...failing.config, ...config },
    now: NOW,
    ...(repo ? { repo } : {}),
  });
}

describe('every rule: default severity, configured severity, off', () => {
  it('has a failing input for every rule, exported by its test file', () => {
    assert.deepEqual([...FAILING.keys()].sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id} ${rule.name}: fires at its default severity, follows the config, and is silent when off`, () => {
      const found = (config: Partial<Config>) => run(rule.id, config).filter((d) => d.code === rule.id);
      const byDefault = found({});
      assert.ok(byDefault.length > 0, `${rule.id} does not fire on its failing document`);
      assert.ok(byDefault.every((d) => d.severity === SEVERITY[rule.severity]));
      for (const s of ['error', 'warning', 'information', 'hint'] as const) {
        const ds = found({ severities: { ...defaultConfig().severities, [rule.id]: s } });
        assert.ok(ds.length > 0 && ds.every((d) => d.severity === SEVERITY[s]), `${rule.id} as ${s}`);
      }
      assert.deepEqual(found({ severities: { ...defaultConfig().severities, [rule.id]: 'off' } }), []);
      if (rule.scope === 'document' && rule.id !== 'CM001') {
        // Turning one rule off leaves the others alone.
        const others = run(rule.id, { severities: { ...defaultConfig().severities, [rule.id]: 'off' } }).map(
          (d) => d.code,
        );
        assert.deepEqual(
          others,
          run(rule.id, {})
            .map((d) => d.code)
            .filter((c) => c !== rule.id),
        );
      }
    });
  }

  it("caps an Emergency change's plan rules at warning, but leaves a lower configured severity alone", () => {
    const text = withLine('- Rollback plan', null, VALID_EMERGENCY);
    assert.equal(codes(text, 'CM010')[0]!.severity, 2);
    assert.equal(
      codes(text, 'CM010', { severities: { ...defaultConfig().severities, CM010: 'hint' } })[0]!.severity,
      4,
    );
  });
});
