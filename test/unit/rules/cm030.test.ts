import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import {
  msg,
  ERROR,
  expectNone,
  expectOne,
  lineRange,
  VALID_EMERGENCY,
  VALID_STANDARD,
  withLine,
  withLog,
  LOG_PLANNED,
  LOG_APPROVED,
  type Failing,
} from './support';

const P = '2026-11-26 10:02 UTC Planned by @alice';
const A = '2026-11-27 09:15 UTC Approved by @bob';
const I = '2026-11-28 09:00 UTC In Progress by @alice';
const V = '2026-11-28 09:30 UTC Verifying by @alice';
const C = '2026-11-28 10:00 UTC Closed by @alice';
const R = '2026-11-28 09:40 UTC Rolled Back by @alice: errors';

/** A document on which CM030 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLog('Closed', [LOG_PLANNED, LOG_APPROVED, '2026-11-27 10:00 UTC Closed']) };

describe('CM030 transition-invalid', () => {
  it('does not fire on allowed paths', () => {
    expectNone(VALID_NORMAL, 'CM030');
    expectNone(withLog('Closed', [P, A, I, V, C]), 'CM030');
    expectNone(withLog('Closed', [P, A, I, R, '2026-11-28 11:00 UTC Closed']), 'CM030');
    expectNone(withLog('Rolled Back', [P, A, I, V, '2026-11-28 09:50 UTC Rolled Back: slow']), 'CM030');
    expectNone(
      withLog('Planned', [
        P,
        '2026-11-27 09:00 UTC Rejected by @bob: no rollback',
        '2026-11-27 12:00 UTC Planned by @alice',
      ]),
      'CM030',
    );
  });

  it('fires on the first entry when it is not Planned, on that entry', () => {
    const text = withLog('Approved', [A]);
    expectOne(text, 'CM030', {
      severity: ERROR,
      range: lineRange(text, '- 2026-11-27'),
      words: ['first entry', '(Approved)', 'must start at Planned'],
    });
  });

  it('lets an Emergency change start at In Progress, but no other type', () => {
    expectNone(VALID_EMERGENCY, 'CM030');
    const std = withLog('In Progress', ['2026-11-28 09:00 UTC In Progress by @carol'], VALID_STANDARD);
    expectOne(std, 'CM030', { severity: ERROR, range: lineRange(std, '- 2026-11-28'), words: ['first entry'] });
  });

  it('fires on a step absent from the table, on the later entry, naming the allowed steps', () => {
    const text = withLog('Closed', [P, A, I, C]);
    expectOne(text, 'CM030', {
      severity: ERROR,
      range: lineRange(text, '- 2026-11-28 10:00'),
      words: ['In Progress -> Closed', 'may go to Verifying, Rolled Back'],
    });
    const fromClosed = withLog('Planned', [P, A, I, V, C, '2026-11-29 10:00 UTC Planned']);
    assert.match(msg(codes(fromClosed, 'CM030')[0]!), /nothing \(it is final\)/);
    assert.equal(
      codes(withLog('In Progress', [P, '2026-11-27 09:00 UTC Rejected by @bob', I]), 'CM030').length,
      1,
      'Rejected -> In Progress',
    );
  });

  it('allows Planned -> In Progress when approval is not required', () => {
    expectNone(
      withLog(
        'In Progress',
        ['2026-11-27 08:00 UTC Planned by @carol', '2026-11-28 09:00 UTC In Progress by @carol'],
        VALID_STANDARD,
      ),
      'CM030',
    );
  });

  it('allows Planned -> In Progress with an Approval value (approval given outside the log)', () => {
    expectNone(withLog('In Progress', [P, I]), 'CM030');
  });

  it('rejects Planned -> In Progress without evidence when approval is required, saying so', () => {
    const text = withLog('In Progress', [P, I], withLine('- Approval', null));
    expectOne(text, 'CM030', {
      severity: ERROR,
      range: lineRange(text, '- 2026-11-28'),
      words: ['Planned -> In Progress', 'needs approval before it starts'],
    });
    const touching = withLog(
      'In Progress',
      ['2026-11-27 08:00 UTC Planned by @carol', '2026-11-28 09:00 UTC In Progress by @carol'],
      withLine('- Risk level', '- Risk level: Low\n- Touches: security', VALID_STANDARD),
    );
    assert.equal(codes(touching, 'CM030').length, 1);
  });

  it('counts entries with unreadable timestamps, and skips entries with unknown statuses', () => {
    const unreadable = withLog('Closed', [P, A, '2026-11-28 25:00 UTC In Progress', C]);
    assert.deepEqual(
      codes(unreadable, 'CM030').map((d) => d.range.start.line),
      [lineRange(unreadable, '- 2026-11-28 10:00').start.line],
    );
    expectNone(withLog('In Progress', [P, A, '2026-11-28 08:00 UTC Deploying', I]), 'CM030');
  });

  it('with an unknown Change type, judges only steps absent from the table', () => {
    const unknown = withLine('- Change type', '- Change type: Emergncy', withLine('- Approval', null));
    expectNone(withLog('In Progress', [I], unknown), 'CM030');
    expectNone(withLog('In Progress', [P, I], unknown), 'CM030');
    assert.equal(codes(withLog('Closed', [P, C], unknown), 'CM030').length, 1);
  });
});
