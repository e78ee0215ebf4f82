import { strict as assert } from 'node:assert';
import { checkDocument, checkRepoRules, checkSetRules } from '../../../server/src/core/check';
import type { RepoFacts } from '../../../server/src/core/repo/facts';
import { defaultConfig } from '../../../server/src/core/config';
import type { Config } from '../../../server/src/core/config';
import { RULES } from '../../../server/src/core/rules/index';
import { check, codes, doc, NOW, VALID_NORMAL } from '../../helpers/doc';
import { VALID_EMERGENCY, VALID_STANDARD, withLine, withLog } from './support';

const P = '2026-11-26 10:02 UTC Planned by @alice';
const A = '2026-11-27 09:15 UTC Approved by @bob';
const I = '2026-11-27 10:00 UTC In Progress by @alice';

/** One document per document rule that makes exactly that rule fire (at least once). */
const FAILING: Record<string, string> = {
  CM001: '# Nothing here\n',
  CM002: withLine('- Affected services', null),
  CM003: withLine('- Risk level', '- Risk level: Severe'),
  CM004: withLine('- Status', '- Status: Approved\n- Status: Approved'),
  CM005: withLine('- Planned execution time', '- Planned execution time: 2026-12-01 14:00 CET'),
  CM006: withLine('- Status', '- Status: Approved\n- Rollbak plan: x'),
  CM007: withLine('- Change type', '<!-- itsmote-disable-next-line CM013 -->\n- Change type: Normal'),
  CM010: withLine('- Rollback plan', '- Rollback plan: TBD').replace(/## Rollback plan[\s\S]*?(?=## Status log)/, ''),
  CM011: withLine('- Verification plan', null),
  CM012: withLine('- Change Owner', '- Change Owner: the team'),
  CM013: withLine('- Expected user impact', null),
  CM014: withLine('- Risk level', '- Risk level: High', VALID_STANDARD),
  CM015: withLine('- Planned execution time', null),
  CM016: VALID_NORMAL,
  CM017: VALID_NORMAL,
  CM020: withLog('In Progress', [P, I], withLine('- Approval', null)),
  CM021: withLine('- Approval', '- Approval: @alice'),
  CM022: withLine('- Approval', '- Approval: @bob, @carol'),
  CM023: withLine('- Incident', null, VALID_EMERGENCY),
  CM030: withLog('Closed', [P, A, '2026-11-27 10:00 UTC Closed']),
  CM031: withLine('- Status', '- Status: Planned'),
  CM032: withLog('Approved', [A, P.replace('2026-11-26 10:02', '2026-11-27 09:00').replace('Planned', 'Approved')]),
  CM033: withLine('- Approval', '- Approval: @bob\n- Outcome: TBD', withLog('Closed', [P, A, I, '2026-11-27 11:00 UTC Verifying', '2026-11-27 12:00 UTC Closed'])),
  CM034: withLine('- Approval', '- Approval: @bob\n- Outcome: rolled back', withLog('Rolled Back', [P, A, I, '2026-11-27 10:30 UTC Rolled Back'])),
  CM036: withLog('In Progress', [P, A, I]),
  CM037: withLine('- Status', '- Status: In Progress', VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log'))),
  CM041: VALID_NORMAL,
};

/** Repository facts for the rules that need them (the others run without, as with no CODEOWNERS/catalog). */
const REPO: Record<string, RepoFacts> = { CM016: { people: ['@bob'] }, CM017: { services: ['payments-api'] } };

/** Config the rules need besides severities (CM041: a freeze over VALID_NORMAL's window). */
const CONFIG: Record<string, Partial<Config>> = {
  CM041: { freezes: [{ name: 'December', start: Date.UTC(2026, 11, 1), end: Date.UTC(2026, 11, 2), services: [], allow: ['Emergency'] }] },
};

/** The diagnostics of a rule's failing document, with the repository facts that rule needs. */
function run(id: string, config: Partial<Config>) {
  const repo = REPO[id];
  return checkDocument(doc(FAILING[id]!), { config: { ...defaultConfig(), ...CONFIG[id], ...config }, now: NOW, ...(repo ? { repo } : {}) });
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

function set(config: Partial<Config>) {
  const change = (key: string) => ({ key, analysis: doc(VALID_NORMAL, key) });
  return checkSetRules([change('changes/a.md'), change('changes/b.md')], { config: { ...defaultConfig(), ...config }, now: NOW });
}

/** A pull request that changes a component's code with no change document: CM050 (repository rules). */
function repo(config: Partial<Config>) {
  const input = { changedFiles: [{ path: 'svc/api/x.ts', exempt: false }], components: [{ name: 'api', dir: 'svc/api' }], documents: [doc(VALID_NORMAL).doc] };
  return checkRepoRules(input, { config: { ...defaultConfig(), ...config }, now: NOW });
}

describe('every rule: default severity, configured severity, off', () => {
  it('has a failing document for every document rule', () => {
    assert.deepEqual(Object.keys(FAILING).sort(), RULES.filter((r) => r.scope === 'document').map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id} ${rule.name}: fires at its default severity, follows the config, and is silent when off`, () => {
      const found = (config: Partial<Config>) => {
        if (rule.scope === 'set') return [...set(config).values()].flat().filter((d) => d.code === rule.id);
        if (rule.scope === 'repo') return [...repo(config).values()].flat().filter((d) => d.code === rule.id);
        return run(rule.id, config).filter((d) => d.code === rule.id);
      };
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
        const others = run(rule.id, { severities: { ...defaultConfig().severities, [rule.id]: 'off' } }).map((d) => d.code);
        assert.deepEqual(others, run(rule.id, {}).map((d) => d.code).filter((c) => c !== rule.id));
      }
    });
  }

  it('caps an Emergency change\'s plan rules at warning, but leaves a lower configured severity alone', () => {
    const text = withLine('- Rollback plan', null, VALID_EMERGENCY);
    assert.equal(codes(text, 'CM010')[0]!.severity, 2);
    assert.equal(codes(text, 'CM010', { severities: { ...defaultConfig().severities, CM010: 'hint' } })[0]!.severity, 4);
  });
});
