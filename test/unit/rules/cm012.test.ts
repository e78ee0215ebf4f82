import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, expectNone, expectOne, missingAnchor, lineRange, rangeIn, withLine, type Failing } from './support';

const owner = (v: string) => withLine('- Change Owner', `- Change Owner: ${v}`);

/** A document on which CM012 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Change Owner', '- Change Owner: the team') };

describe('CM012 owner-not-a-person', () => {
  it('does not fire on one person: a handle or a name, via the alias too', () => {
    expectNone(VALID_NORMAL, 'CM012');
    for (const v of ['@alice', 'Alice Anderson', '**@alice**', 'alice.smith', '@alice-b'])
      expectNone(owner(v), 'CM012');
    expectNone(withLine('- Change Owner', '- Owner: @alice'), 'CM012');
  });

  it('fires on the header first line when there is no owner, with insertField', () => {
    const text = withLine('- Change Owner', null);
    expectOne(text, 'CM012', {
      severity: ERROR,
      range: missingAnchor(text),
      words: ['No Change Owner', 'never "the team"'],
      fix: 'insertField',
    });
  });

  it('fires on the item for a placeholder owner, with fillValue', () => {
    for (const v of ['', 'TBD', 'none', '?']) {
      const text = owner(v).trimEnd();
      const words =
        v === '' ? ['"Change Owner" has no value.'] : [`"Change Owner" has a placeholder ("${v}") instead of a value.`];
      expectOne(text, 'CM012', { severity: ERROR, range: lineRange(text, '- Change Owner'), words, fix: 'fillValue' });
    }
  });

  it('fires on the value when the owner is a team', () => {
    for (const v of ['the team', 'team', 'Payments Team', 'platform-team', '@acme/payments', 'SRE teams']) {
      const text = owner(v);
      expectOne(text, 'CM012', {
        severity: ERROR,
        range: rangeIn(text, '- Change Owner', v),
        words: ['is a team', 'one person'],
      });
    }
  });

  it('does not mistake words that merely contain "team" for a team', () => {
    expectNone(owner('Steam Engineer'), 'CM012');
  });

  it('fires on the value when several people are named', () => {
    for (const [v, n] of [
      ['@a, @b', 2],
      ['@a and @b', 2],
      ['@a / @b', 2],
      ['@a & @b', 2],
      ['@a, @b, @c', 3],
    ] as const) {
      const text = owner(v);
      const d = expectOne(text, 'CM012', {
        severity: ERROR,
        range: rangeIn(text, '- Change Owner', v),
        words: [`names ${n} people`, 'exactly one'],
      });
      assert.ok(d);
    }
  });

  it('is never downgraded for Emergency changes (ownership is not documented after)', () => {
    const text = withLine(
      '- Change Owner',
      '- Change Owner: the team',
      withLine('- Change type', '- Change type: Emergency\n- Incident: INC-1'),
    );
    assert.equal(codes(text, 'CM012')[0]?.severity, ERROR);
  });
});
