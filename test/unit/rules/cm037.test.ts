import { strict as assert } from 'node:assert';
import { VALID_NORMAL } from '../../helpers/doc';
import { expectNone, expectOne, lineRange, withLine, WARNING, type Failing } from './support';

const noLog = VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log'));

/** A document on which CM037 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLine('- Status', '- Status: In Progress', VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log'))),
};

describe('CM037 status-log-missing', () => {
  it('does not fire with log entries, or at Planned without a log', () => {
    expectNone(VALID_NORMAL, 'CM037');
    expectNone(withLine('- Status', '- Status: Planned', noLog), 'CM037');
  });

  it('fires on the Status item for every other status without a log, with an addStatusLog fix', () => {
    for (const s of ['Approved', 'Rejected', 'In Progress', 'Verifying', 'Rolled Back', 'Closed']) {
      const text = withLine('- Status', `- Status: ${s}`, noLog);
      expectOne(text, 'CM037', {
        severity: WARNING,
        range: lineRange(text, '- Status'),
        words: [`Status is ${s}`, 'no start time was recorded', '## Status log'],
        fix: 'addStatusLog',
      });
    }
  });

  it('fires when the Status log section holds no entries', () => {
    const text = noLog + '## Status log\n\nNothing yet, see the ticket.\n\n- to do: fill in\n';
    assert.ok(expectOne(text, 'CM037', { severity: WARNING, range: lineRange(text, '- Status') }));
  });

  it('is skipped for a missing or unknown Status', () => {
    expectNone(withLine('- Status', '- Status: Shipped', noLog), 'CM037');
    expectNone(withLine('- Status', null, noLog), 'CM037');
  });
});
