import { strict as assert } from 'node:assert';
import { defaultConfig, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, parseConfig } from '../../server/src/core/config';
import { RULES, ruleByKey } from '../../server/src/core/rules/index';
import { codes, editLine, VALID_NORMAL } from '../helpers/doc';

const noImpact = editLine(VALID_NORMAL, '- Expected user impact', null);
const paths = (text: string) => parseConfig(text).errors.map((e) => e.path);

describe('configuration (.itsmote.json)', () => {
  it('defaults: every rule at its default severity, default globs, 24 h', () => {
    const c = defaultConfig();
    for (const r of RULES) assert.equal(c.severities[r.id], r.severity);
    assert.equal(Object.keys(c.severities).length, RULES.length);
    assert.deepEqual(c.include, DEFAULT_INCLUDE);
    assert.deepEqual(c.exclude, DEFAULT_EXCLUDE);
    assert.equal(c.staleAfterHours, 24);
    assert.deepEqual(parseConfig('{}'), { config: c, errors: [] });
  });

  it('reads rule severities by ID (any case) or by name, in both written forms', () => {
    const { config, errors } = parseConfig(
      JSON.stringify({
        rules: { CM013: 'error', cm010: 'warning', 'self-approval': 'off', 'approvers-many': { severity: 'hint' } },
      }),
    );
    assert.deepEqual(errors, []);
    assert.equal(config.severities.CM013, 'error');
    assert.equal(config.severities.CM010, 'warning');
    assert.equal(config.severities.CM021, 'off');
    assert.equal(config.severities.CM022, 'hint');
    assert.equal(config.severities.CM011, 'error', 'others keep their default');
  });

  it('applies severities and `off` to the diagnostics', () => {
    assert.equal(codes(noImpact, 'CM013')[0]!.severity, 2);
    assert.equal(codes(noImpact, 'CM013', parseConfig('{"rules":{"impact-missing":"error"}}').config)[0]!.severity, 1);
    assert.equal(codes(noImpact, 'CM013', parseConfig('{"rules":{"CM013":"information"}}').config)[0]!.severity, 3);
    assert.deepEqual(codes(noImpact, 'CM013', parseConfig('{"rules":{"CM013":"off"}}').config), []);
  });

  it('reads include, exclude and staleAfterHours, and a BOM', () => {
    const { config, errors } = parseConfig(
      '\uFEFF' +
        JSON.stringify({ $schema: './schema.json', include: ['docs/changes/*.md'], exclude: [], staleAfterHours: 8 }),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(config.include, ['docs/changes/*.md']);
    assert.deepEqual(config.exclude, []);
    assert.equal(config.staleAfterHours, 8);
  });

  it('gives one root error for text that is not JSON, or not an object, and keeps the defaults', () => {
    for (const text of ['{ "rules": ', '// comment\n{}', '[]', '42', 'null']) {
      const { config, errors } = parseConfig(text);
      assert.equal(errors.length, 1, text);
      assert.equal(errors[0]!.path, '(root)');
      assert.deepEqual(config, defaultConfig());
    }
    assert.match(parseConfig('{ "rules": ').errors[0]!.message, /not valid JSON/);
  });

  it('names an unknown key and still applies the valid ones', () => {
    const { config, errors } = parseConfig(JSON.stringify({ rule: { CM013: 'off' }, staleAfterHours: 6 }));
    assert.deepEqual(
      errors.map((e) => e.path),
      ['rule'],
    );
    assert.match(errors[0]!.message, /unknown key "rule"/);
    assert.equal(config.staleAfterHours, 6);
  });

  it('names an unknown rule and still applies the other rules', () => {
    const { config, errors } = parseConfig(
      JSON.stringify({ rules: { CM999: 'off', 'rollback-mising': 'off', CM013: 'error' } }),
    );
    assert.deepEqual(
      errors.map((e) => e.path),
      ['rules.CM999', 'rules.rollback-mising'],
    );
    assert.match(errors[0]!.message, /unknown rule "CM999"/);
    assert.equal(config.severities.CM013, 'error');
    assert.equal(config.severities.CM010, 'error');
  });

  it('names a rule with a bad severity and still applies the other rules', () => {
    const { config, errors } = parseConfig(
      JSON.stringify({ rules: { CM010: 'loud', CM011: { severity: 'warning', extra: 1 }, CM013: 'off' } }),
    );
    assert.deepEqual(
      errors.map((e) => e.path),
      ['rules.CM010', 'rules.CM011'],
    );
    assert.match(errors[0]!.message, /"loud"/);
    assert.equal(config.severities.CM010, 'error');
    assert.equal(config.severities.CM011, 'error');
    assert.equal(config.severities.CM013, 'off');
  });

  it('names keys of the wrong type and keeps their defaults', () => {
    assert.deepEqual(paths(JSON.stringify({ staleAfterHours: '12' })), ['staleAfterHours']);
    assert.deepEqual(paths(JSON.stringify({ staleAfterHours: -1 })), ['staleAfterHours']);
    assert.deepEqual(paths(JSON.stringify({ include: 'changes/*.md' })), ['include']);
    assert.deepEqual(paths(JSON.stringify({ exclude: ['ok', 3] })), ['exclude.1']);
    assert.deepEqual(paths(JSON.stringify({ rules: ['CM013'] })), ['rules']);
    const { config } = parseConfig(JSON.stringify({ staleAfterHours: '12', include: 'x', rules: { CM013: 'off' } }));
    assert.equal(config.staleAfterHours, 24);
    assert.deepEqual(config.include, DEFAULT_INCLUDE);
    assert.equal(config.severities.CM013, 'off');
  });

  it('reports keys named like Object.prototype members as unknown instead of crashing', () => {
    for (const key of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const { config, errors } = parseConfig(`{"${key}": 1, "staleAfterHours": 3, "rules": {"${key}": "off"}}`);
      assert.deepEqual(
        errors.map((e) => e.path),
        [key, `rules.${key}`],
      );
      assert.equal(config.staleAfterHours, 3);
    }
  });

  it('finds every rule by ID and by name', () => {
    for (const r of RULES) {
      assert.equal(ruleByKey(r.id), r);
      assert.equal(ruleByKey(r.id.toLowerCase()), r);
      assert.equal(ruleByKey(r.name), r);
      assert.equal(ruleByKey(` ${r.name.toUpperCase()} `), r);
    }
    assert.equal(ruleByKey('nope'), undefined);
  });
});
