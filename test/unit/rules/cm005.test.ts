import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, expectNone, expectOne, rangeIn, withLine, withLog, type Failing } from './support';

const window = (v: string) => withLine('- Planned execution time', `- Planned execution time: ${v}`);

/** A document on which CM005 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLine('- Planned execution time', '- Planned execution time: 2026-12-01 14:00 CET'),
};

describe('CM005 time-invalid', () => {
  it('does not fire on readable windows and log timestamps', () => {
    expectNone(VALID_NORMAL, 'CM005');
    for (const v of [
      '2026-12-01 14:00',
      '2026-12-01 14:00 Z',
      '2026-12-01T14:00Z',
      '2026-12-01 14:00+02:00',
      '2026-12-01 14:00 UTC – 15:30',
      '2026-12-01 23:00 UTC to 01:00',
      '2026-12-01 14:00 UTC, 1.5 h',
    ]) {
      expectNone(window(v), 'CM005');
    }
  });

  it('fires on the window value when it cannot be read, saying why', () => {
    const cases: [string, string][] = [
      ['2026-02-30 14:00 UTC', 'day 30 does not exist'],
      ['2026-13-01 14:00 UTC', 'month 13'],
      ['2026-12-01 25:00 UTC', 'does not exist'],
      ['2026-12-01', 'time (HH:MM) is missing'],
      ['2026-12-01 14:00 CET', 'unknown time zone "CET"'],
      ['next tuesday', 'expected YYYY-MM-DD HH:MM'],
      ['2026-12-01 14:00 UTC, soon', 'cannot read "soon"'],
      ['2026-12-01 14:00 UTC - 14:00', 'ends when it starts'],
      ['2026-12-01 14:00 UTC, 0 min', 'no length'],
    ];
    for (const [v, why] of cases) {
      const text = window(v);
      expectOne(text, 'CM005', {
        severity: ERROR,
        range: rangeIn(text, '- Planned', v),
        words: ['Planned execution time cannot be read', why, 'Example'],
      });
    }
  });

  it('is the only window diagnostic for an unreadable window (no CM015)', () => {
    assert.deepEqual(codes(window('2026-12-01 14:00 CET'), 'CM015'), []);
  });

  it('fires on the timestamp of a log entry that cannot be read', () => {
    const text = withLog('Approved', [
      '2026-11-26 10:02 UTC Planned by @alice',
      '2026-11-31 09:15 UTC Approved by @bob',
    ]);
    expectOne(text, 'CM005', {
      severity: ERROR,
      range: rangeIn(text, '- 2026-11-31', '2026-11-31 09:15 UTC'),
      words: ['Status log timestamp', 'day 31'],
    });
  });

  it('fires on an entry that looks like a date but is not ISO (`12/14/2026 2pm`)', () => {
    const text = withLog('Approved', ['2026-11-26 10:02 UTC Planned by @alice', '11/27/2026 9am Approved by @bob']);
    expectOne(text, 'CM005', {
      severity: ERROR,
      range: rangeIn(text, '- 11/27', '11/27/2026 9am'),
      words: ['Status log timestamp'],
    });
    assert.deepEqual(codes(text, 'CM031'), [], 'the entry still counts as Approved for CM031');
  });

  it('fires on a log zone it cannot read, and still reads the status', () => {
    const text = withLog('Approved', [
      '2026-11-26 10:02 UTC Planned by @alice',
      '2026-11-27 09:15 CET Approved by @bob',
    ]);
    expectOne(text, 'CM005', {
      severity: ERROR,
      range: rangeIn(text, '- 2026-11-27', '2026-11-27 09:15 CET'),
      words: ['unknown time zone "CET"'],
    });
    assert.deepEqual(codes(text, 'CM003'), []);
    assert.deepEqual(codes(text, 'CM031'), []);
  });

  it('ignores list items in the log that do not start with a date', () => {
    expectNone(
      withLog('Approved', [
        '2026-11-26 10:02 UTC Planned by @alice',
        '2026-11-27 09:15 UTC Approved by @bob',
        'see the review thread',
      ]),
      'CM005',
    );
  });
});
