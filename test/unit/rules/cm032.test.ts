import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, expectNone, expectOne, lineRange, withLog, LOG_PLANNED, LOG_APPROVED, type Failing } from './support';

/** A document on which CM032 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLog('Approved', [
    LOG_APPROVED,
    LOG_PLANNED.replace('2026-11-26 10:02', '2026-11-27 09:00').replace('Planned', 'Approved'),
  ]),
};

describe('CM032 log-out-of-order', () => {
  it('does not fire when times ascend, or are equal', () => {
    expectNone(VALID_NORMAL, 'CM032');
    expectNone(withLog('Approved', ['2026-11-27 09:15 UTC Planned', '2026-11-27 09:15 UTC Approved']), 'CM032');
  });

  it('fires on the entry that goes back in time, showing both times', () => {
    const text = withLog('Approved', ['2026-11-27 10:00 UTC Planned', '2026-11-27 09:15 UTC Approved']);
    expectOne(text, 'CM032', {
      severity: ERROR,
      range: lineRange(text, '- 2026-11-27 09:15'),
      words: ['2026-11-27 09:15 UTC', 'earlier than', '2026-11-27 10:00 UTC'],
    });
  });

  it('compares instants across zones', () => {
    expectNone(withLog('Approved', ['2026-11-27 10:00 +02:00 Planned', '2026-11-27 08:30 UTC Approved']), 'CM032');
    assert.equal(
      codes(withLog('Approved', ['2026-11-27 10:00 UTC Planned', '2026-11-27 11:00+02:00 Approved']), 'CM032').length,
      1,
    );
  });

  it('compares each entry with the latest time so far (one step back is one finding)', () => {
    const text = withLog('Closed', [
      '2026-11-27 10:00 UTC Planned',
      '2026-11-27 09:00 UTC Approved',
      '2026-11-27 09:30 UTC In Progress',
      '2026-11-27 11:00 UTC Verifying',
    ]);
    assert.deepEqual(
      codes(text, 'CM032').map((d) => d.range.start.line),
      [lineRange(text, '- 2026-11-27 09:00').start.line, lineRange(text, '- 2026-11-27 09:30').start.line],
    );
  });

  it('skips entries whose timestamp cannot be read', () => {
    expectNone(
      withLog('Approved', [
        '2026-11-27 10:00 UTC Planned',
        '2026-11-27 07:00 CET Approved',
        '2026-11-27 11:00 UTC Approved',
      ]),
      'CM032',
    );
  });
});
