import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, expectNone, expectOne, lineRange, withLine, withLog, type Failing } from './support';

const P = '2026-11-26 10:02 UTC Planned by @alice';
const A = '2026-11-27 09:15 UTC Approved by @bob';

/** A document on which CM031 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Status', '- Status: Planned') };

describe('CM031 status-log-mismatch', () => {
  it('does not fire when Status equals the last entry (case-insensitively)', () => {
    expectNone(VALID_NORMAL, 'CM031');
    expectNone(withLine('- Status', '- Status: approved'), 'CM031');
    expectNone(withLog('In Progress', [P, A, '2026-11-28 09:00 UTC in progress by @alice']), 'CM031');
  });

  it('fires on the Status item with a syncStatus fix carrying the log status', () => {
    const text = withLine('- Status', '- Status: Planned');
    const d = expectOne(text, 'CM031', {
      severity: ERROR,
      range: lineRange(text, '- Status'),
      words: ['Status is Planned', 'last status log entry is Approved'],
      fix: 'syncStatus',
    });
    assert.equal((d.data as { status: string }).status, 'Approved');
  });

  it('uses the last entry as written, not the latest time', () => {
    assert.equal(codes(withLog('Planned', [A, P]), 'CM031').length, 0);
    assert.equal(codes(withLog('Approved', [A, P]), 'CM031').length, 1);
  });

  it('counts a last entry whose timestamp cannot be read', () => {
    assert.equal(codes(withLog('Planned', [P, '2026-11-27 9h15 Approved by @bob']), 'CM031').length, 1);
  });

  it('is skipped without a log, with an unknown Status, or when the last entry names no status', () => {
    expectNone(VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log')), 'CM031');
    expectNone(withLine('- Status', '- Status: Done'), 'CM031');
    expectNone(withLog('Approved', [P, '2026-11-27 09:15 UTC Aproved by @bob']), 'CM031');
  });
});
