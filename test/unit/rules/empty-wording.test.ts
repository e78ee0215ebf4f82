/** One wording for an empty or placeholder value across the rules (issue 13, point 7). */
import { strict as assert } from 'node:assert';
import { check, VALID_NORMAL } from '../../helpers/doc';
import { emptyItemText } from '../../../server/src/core/rules/util';
import { withLine, VALID_EMERGENCY } from './support';

/** Per rule: a document whose item `name` is written with `value`. */
const CASES: { code: string; name: string; doc: (value: string) => string }[] = [
  { code: 'CM002', name: 'Risk level', doc: (v) => withLine('- Risk level', `- Risk level: ${v}`) },
  {
    code: 'CM010',
    name: 'Rollback plan',
    doc: (v) =>
      withLine('- Rollback plan', `- Rollback plan: ${v}`).replace(/## Rollback plan[\s\S]*?(?=## Status log)/, ''),
  },
  {
    code: 'CM011',
    name: 'Verification plan',
    doc: (v) => withLine('- Verification plan', `- Verification plan: ${v}`),
  },
  { code: 'CM012', name: 'Change Owner', doc: (v) => withLine('- Change Owner', `- Change Owner: ${v}`) },
  {
    code: 'CM013',
    name: 'Expected user impact',
    doc: (v) => withLine('- Expected user impact', `- Expected user impact: ${v}`),
  },
  {
    code: 'CM015',
    name: 'Planned execution time',
    doc: (v) => withLine('- Planned execution time', `- Planned execution time: ${v}`),
  },
  {
    code: 'CM023',
    name: 'Incident',
    doc: (v) => withLine('- Risk level', `- Risk level: High\n- Incident: ${v}`, VALID_EMERGENCY),
  },
];

describe('empty and placeholder values: one wording in every rule', () => {
  it('words the two cases without quoting "empty" as if it had been typed', () => {
    assert.equal(emptyItemText('Risk level', ''), '"Risk level" has no value');
    assert.equal(emptyItemText('Risk level', '  '), '"Risk level" has no value');
    assert.equal(emptyItemText('Risk level', 'TBD'), '"Risk level" has a placeholder ("TBD") instead of a value');
  });

  for (const c of CASES) {
    it(`${c.code} says "${c.name}" has no value, or has a placeholder instead of a value`, () => {
      for (const [value, words] of [
        ['', `"${c.name}" has no value`],
        ['TBD', `"${c.name}" has a placeholder ("TBD") instead of a value`],
        ['n/a', `"${c.name}" has a placeholder ("n/a") instead of a value`],
      ] as const) {
        const found = check(c.doc(value).trimEnd()).filter((d) => d.code === c.code);
        assert.equal(found.length, 1, `${c.code} for "${value}": ${found.map((d) => d.message).join(' | ')}`);
        const message = String(found[0]!.message);
        assert.ok(message.includes(words), `${c.code}: ${message}`);
        assert.doesNotMatch(message, /"empty"|is empty or a placeholder|No [A-Z]/, `${c.code}: ${message}`);
      }
    });
  }

  it('CM033 says the same of an empty Outcome', () => {
    const closed = withLine('- Status', '- Status: Closed\n- Outcome: TBD', VALID_NORMAL);
    const d = check(closed).find((x) => x.code === 'CM033');
    assert.match(
      String(d?.message),
      /^The change is Closed but "Outcome" has a placeholder \("TBD"\) instead of a value\./,
    );
  });
});
