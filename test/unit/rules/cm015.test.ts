import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import {
  expectNone,
  expectOne,
  missingAnchor,
  lineRange,
  VALID_EMERGENCY,
  VALID_STANDARD,
  WARNING,
  withLine,
  type Failing,
} from './support';

/** A document on which CM015 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Planned execution time', null) };

describe('CM015 window-missing', () => {
  it('does not fire when a readable window is given (also via the alias)', () => {
    expectNone(VALID_NORMAL, 'CM015');
    expectNone(VALID_STANDARD, 'CM015');
    expectNone(withLine('- Planned execution time', '- Execution window: 2026-12-01 14:00 UTC'), 'CM015');
  });

  it('fires on the header first line for Normal and Standard changes without one', () => {
    for (const [base, type] of [
      [VALID_NORMAL, 'Normal'],
      [VALID_STANDARD, 'Standard'],
    ] as const) {
      const text = withLine('- Planned execution time', null, base);
      expectOne(text, 'CM015', {
        severity: WARNING,
        range: missingAnchor(text),
        words: [`this ${type} change`, 'Planned execution time'],
        fix: 'insertField',
      });
    }
  });

  it('fires on the item for a placeholder window', () => {
    const text = withLine('- Planned execution time', '- Planned execution time: TBD');
    expectOne(text, 'CM015', {
      severity: WARNING,
      range: lineRange(text, '- Planned execution time'),
      fix: 'fillValue',
    });
  });

  it('leaves an unreadable window to CM005', () => {
    const text = withLine('- Planned execution time', '- Planned execution time: tomorrow 2pm');
    expectNone(text, 'CM015');
    assert.equal(codes(text, 'CM005').length, 1);
  });

  it('does not fire for Emergency changes or an unknown type', () => {
    expectNone(VALID_EMERGENCY, 'CM015');
    expectNone(withLine('- Planned execution time', null, withLine('- Change type', '- Change type: Urgent')), 'CM015');
  });
});
