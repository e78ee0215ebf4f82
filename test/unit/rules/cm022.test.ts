import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { expectNone, expectOne, INFORMATION, lineRange, rangeIn, withLine, type Failing } from './support';

/** A document on which CM022 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Approval', '- Approval: @bob, @carol') };

describe('CM022 approvers-many', () => {
  it('does not fire on one approver (a person or a team), with or without a date', () => {
    expectNone(VALID_NORMAL, 'CM022');
    expectNone(withLine('- Approval', '- Approval (if required): @acme/db-owners'), 'CM022');
    expectNone(withLine('- Approval', '- Approval: the DBA team, 2026-11-27'), 'CM022');
  });

  it('fires on the Approval value when several people are named', () => {
    for (const [v, n] of [
      ['@bob, @carol', 2],
      ['@bob and @carol', 2],
      ['@bob / @carol, 2026-11-27', 2],
      ['@bob, @carol, @dave', 3],
    ] as const) {
      const text = withLine('- Approval', `- Approval (if required): ${v}`);
      expectOne(text, 'CM022', {
        severity: INFORMATION,
        range: rangeIn(text, '- Approval', v),
        words: [`${n} approvers`, 'One approver is enough'],
      });
    }
  });

  it('counts a team among several approvers', () => {
    assert.equal(codes(withLine('- Approval', '- Approval (if required): @bob, @acme/dba'), 'CM022').length, 1);
  });

  it('reads the last Approved entry when there is no Approval value', () => {
    const text = withLine('- Approval', null).replace('Approved by @bob', 'Approved by @bob and @carol');
    expectOne(text, 'CM022', { severity: INFORMATION, range: lineRange(text, '- 2026-11-27'), words: ['2 approvers'] });
  });
});
