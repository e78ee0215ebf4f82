import { strict as assert } from 'node:assert';
import { codes } from '../../helpers/doc';
import { expectNone, expectOne, lineRange, VALID_STANDARD, WARNING, withLine, type Failing } from './support';

const risk = (v: string) => withLine('- Risk level', `- Risk level: ${v}`, VALID_STANDARD);

/** A document on which CM014 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Risk level', '- Risk level: High', VALID_STANDARD) };

describe('CM014 standard-not-low-risk', () => {
  it('does not fire on a Low-risk Standard change, in any case', () => {
    expectNone(VALID_STANDARD, 'CM014');
    expectNone(risk('low'), 'CM014');
    expectNone(withLine('- Risk level', '- Risk: LOW', VALID_STANDARD), 'CM014');
  });

  it('fires on the Risk level item for Medium and High, suggesting a Normal change', () => {
    for (const v of ['Medium', 'High', 'high']) {
      const text = risk(v);
      const d = expectOne(text, 'CM014', {
        severity: WARNING,
        range: lineRange(text, '- Risk level'),
        words: ['Standard change must be low risk', 'Normal change'],
        fix: 'replaceValue',
      });
      const data = d.data as { field: string; suggestion: string };
      assert.equal(data.field, 'changeType');
      assert.equal(data.suggestion, 'Normal');
    }
  });

  it('does not fire for Normal or Emergency changes', () => {
    expectNone(withLine('- Change type', '- Change type: Normal', risk('High')), 'CM014');
    expectNone(withLine('- Change type', '- Change type: Emergency', risk('High')), 'CM014');
  });

  it('is skipped when the risk or the type is unknown or missing', () => {
    expectNone(risk('Extreme'), 'CM014');
    expectNone(risk('TBD'), 'CM014');
    expectNone(withLine('- Change type', '- Change type: Standrd', risk('High')), 'CM014');
    assert.equal(codes(risk('Extreme'), 'CM003').length, 1);
  });
});
