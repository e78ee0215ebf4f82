import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { expectNone, expectOne, lineRange, rangeIn, WARNING, withLine, type Failing } from './support';

/** A document on which CM021 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Approval', '- Approval: @alice') };

describe('CM021 self-approval', () => {
  it('does not fire when someone else approves', () => expectNone(VALID_NORMAL, 'CM021'));

  it('fires on the Approval value when the owner approves, ignoring @ and case', () => {
    for (const v of ['@alice', '@Alice, 2026-11-27', 'alice']) {
      const text = withLine('- Approval', `- Approval (if required): ${v}`);
      expectOne(text, 'CM021', {
        severity: WARNING,
        range: rangeIn(text, '- Approval', v),
        words: ['also the Change Owner', 'someone else'],
      });
    }
  });

  it("falls back to the last Approved entry's `by` when there is no Approval value", () => {
    const text = withLine('- Approval', null).replace('Approved by @bob', 'Approved by @alice');
    expectOne(text, 'CM021', { severity: WARNING, range: lineRange(text, '- 2026-11-27') });
  });

  it('prefers the Approval value over the log', () => {
    expectNone(VALID_NORMAL.replace('Approved by @bob', 'Approved by @alice'), 'CM021');
  });

  it('fires when the owner is one of several approvers', () => {
    const text = withLine('- Approval', '- Approval (if required): @bob, @alice');
    assert.equal(codes(text, 'CM021').length, 1);
  });

  it('is skipped when the owner is not a single person (CM012 reports that)', () => {
    expectNone(
      withLine(
        '- Approval',
        '- Approval (if required): @alice',
        withLine('- Change Owner', '- Change Owner: @alice and @bob'),
      ),
      'CM021',
    );
  });

  it('ignores an Approved entry without `by` (approver unknown)', () => {
    expectNone(withLine('- Approval', null).replace('Approved by @bob', 'Approved'), 'CM021');
  });
});
