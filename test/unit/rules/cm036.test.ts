import { strict as assert } from 'node:assert';
import { codes, NOW, VALID_NORMAL } from '../../helpers/doc';
import {
  expectNone,
  expectOne,
  lineRange,
  withLine,
  withLog,
  WARNING,
  LOG_PLANNED,
  LOG_APPROVED,
  LOG_IN_PROGRESS,
  type Failing,
} from './support';

const HOUR = 3_600_000;
const P = '2026-11-26 10:02 UTC Planned by @alice';
const A = '2026-11-27 09:15 UTC Approved by @bob';
const inProgressSince = (ts: string, extra: string[] = []) =>
  withLog(extra.length ? 'Verifying' : 'In Progress', [P, A, `${ts} In Progress by @alice`, ...extra]);

/** A document on which CM036 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLog('In Progress', [LOG_PLANNED, LOG_APPROVED, LOG_IN_PROGRESS]) };

describe('CM036 change-stale', () => {
  it('does not fire on a fresh change', () => expectNone(VALID_NORMAL, 'CM036'));

  it('fires on the Status item when In Progress for longer than 24 h', () => {
    const text = inProgressSince('2026-11-27 11:59 UTC');
    expectOne(text, 'CM036', {
      severity: WARNING,
      range: lineRange(text, '- Status'),
      words: ['In Progress since 2026-11-27 11:59 UTC', '24 h', 'roll it back'],
    });
  });

  it('is strict: exactly 24 h is not stale', () => {
    expectNone(inProgressSince('2026-11-27 12:00 UTC'), 'CM036');
  });

  it('reads staleAfterHours from the config', () => {
    const text = inProgressSince('2026-11-28 09:00 UTC');
    expectNone(text, 'CM036');
    expectOne(
      text,
      'CM036',
      { severity: WARNING, range: lineRange(text, '- Status'), words: ['more than 2 h'] },
      { staleAfterHours: 2 },
    );
  });

  it('counts Verifying from the entry that entered Verifying', () => {
    expectNone(inProgressSince('2026-11-26 12:00 UTC', ['2026-11-28 08:00 UTC Verifying']), 'CM036');
    const text = inProgressSince('2026-11-26 12:00 UTC', ['2026-11-27 08:00 UTC Verifying']);
    expectOne(text, 'CM036', {
      severity: WARNING,
      range: lineRange(text, '- Status'),
      words: ['Verifying since 2026-11-27 08:00 UTC'],
    });
  });

  it('counts from the latest readable entry when the current status has no entry (or an unreadable one)', () => {
    const noOwn = withLog('In Progress', [P, '2026-11-27 09:15 UTC Approved by @bob']);
    expectOne(noOwn, 'CM036', {
      severity: WARNING,
      range: lineRange(noOwn, '- Status'),
      words: ['since 2026-11-27 09:15 UTC'],
    });
    const unreadable = withLog('In Progress', [P, A, '2026-11-28 9h In Progress']);
    assert.match(String(codes(unreadable, 'CM036')[0]?.message), /since 2026-11-27 09:15 UTC/);
  });

  it('does not fire for In Progress without a log', () => {
    expectNone(
      withLine('- Status', '- Status: In Progress', VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log'))),
      'CM036',
    );
  });

  it('fires when Planned or Approved after the window ended (strictly after)', () => {
    const ended = withLine('- Planned execution time', '- Planned execution time: 2026-11-28 10:00 UTC, 90 min');
    expectOne(ended, 'CM036', {
      severity: WARNING,
      range: lineRange(ended, '- Status'),
      words: ['still Approved', 'ended at 2026-11-28 11:30 UTC', 're-plan'],
    });
    const planned = withLog('Planned', [P], withLine('- Approval', null, ended));
    assert.match(String(codes(planned, 'CM036')[0]?.message), /still Planned/);
    const endsNow = withLine('- Planned execution time', '- Planned execution time: 2026-11-28 11:00 UTC');
    expectNone(endsNow, 'CM036');
    assert.equal(codes(endsNow, 'CM036', {}, NOW + 1).length, 1);
  });

  it('never fires for Planned/Approved without a window, or for final statuses', () => {
    expectNone(withLine('- Planned execution time', null), 'CM036', {}, NOW + 1000 * HOUR);
    const closed = withLog(
      'Closed',
      [P, A, '2026-11-20 09:00 UTC In Progress', '2026-11-20 09:30 UTC Verifying', '2026-11-20 10:00 UTC Closed'],
      withLine('- Planned execution time', '- Planned execution time: 2026-11-20 09:00 UTC'),
    );
    expectNone(closed, 'CM036');
  });
});
