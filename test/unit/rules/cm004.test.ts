import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { expectNone, expectOne, lineRange, WARNING, withLine, type Failing } from './support';

/** A document on which CM004 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Status', '- Status: Approved\n- Status: Approved') };

describe('CM004 field-duplicate', () => {
  it('does not fire when every field appears once', () => expectNone(VALID_NORMAL, 'CM004'));

  it('fires on the second occurrence, with a removeItem fix', () => {
    const text = withLine('- Risk level', '- Risk level: High\n- Risk level: Low');
    const ranges = text
      .split('\n')
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.startsWith('- Risk level'));
    expectOne(text, 'CM004', {
      severity: WARNING,
      range: { start: { line: ranges[1]![1], character: 0 }, end: { line: ranges[1]![1], character: 17 } },
      words: ['"Risk level"', 'only the first value counts'],
      fix: 'removeItem',
    });
  });

  it('counts aliases as the same field', () => {
    const text = withLine('- Rollback plan', '- Rollback plan: see below\n- Backout plan: redeploy v1');
    expectOne(text, 'CM004', {
      severity: WARNING,
      range: lineRange(text, '- Backout plan'),
      words: ['"Backout plan"', '"Rollback plan"'],
    });
  });

  it('counts names that differ only in case and spacing as the same field', () => {
    const text = withLine('- Status', '- Status: Approved\n- STATUS : Approved');
    assert.equal(codes(text, 'CM004').length, 1);
  });

  it('fires once per extra occurrence', () => {
    const text = withLine('- Status', '- Status: Approved\n- Status: Planned\n- Status: Closed');
    assert.equal(codes(text, 'CM004').length, 2);
  });

  it('uses only the first value for the checks', () => {
    const text = withLine('- Risk level', '- Risk level: Extreme\n- Risk level: High');
    assert.equal(codes(text, 'CM003').length, 1, 'the first, invalid value is judged');
  });

  it('ignores repeated unknown items', () => {
    expectNone(withLine('- Risk level', '- Risk level: High\n- Notes: a\n- Notes: b'), 'CM004');
  });
});
