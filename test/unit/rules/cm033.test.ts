import { strict as assert } from 'node:assert';
import { VALID_NORMAL } from '../../helpers/doc';
import {
  ERROR,
  expectNone,
  expectOne,
  missingAnchor,
  lineRange,
  withLine,
  withLog,
  LOG_PLANNED,
  LOG_APPROVED,
  LOG_IN_PROGRESS,
  LOG_STARTED,
  type Failing,
} from './support';

const LOG = [...LOG_STARTED, '2026-11-28 09:30 UTC Verifying'];
const closed = withLog('Closed', [...LOG, '2026-11-28 10:00 UTC Closed']);
const rolledBack = withLog('Rolled Back', [...LOG, '2026-11-28 09:40 UTC Rolled Back: latency']);

/** A document on which CM033 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLine(
    '- Approval',
    '- Approval: @bob\n- Outcome: TBD',
    withLog('Closed', [
      LOG_PLANNED,
      LOG_APPROVED,
      LOG_IN_PROGRESS,
      '2026-11-27 11:00 UTC Verifying',
      '2026-11-27 12:00 UTC Closed',
    ]),
  ),
};

describe('CM033 outcome-missing', () => {
  it('does not fire before Closed/Rolled Back, or with an Outcome value or section', () => {
    expectNone(VALID_NORMAL, 'CM033');
    expectNone(
      withLine('- Approval', '- Approval (if required): @bob\n- Outcome: verified, p99 fine', closed),
      'CM033',
    );
    expectNone(closed.replace('## Status log', '## Outcome\n\nVerified.\n\n## Status log'), 'CM033');
    expectNone(
      withLine('- Approval', '- Approval (if required): @bob\n- Outcome: see below', rolledBack).replace(
        '## Status log',
        '## outcome\n\nRolled back.\n\n## Status log',
      ),
      'CM033',
    );
  });

  it('fires on the header first line with insertField when Closed or Rolled Back has no Outcome', () => {
    for (const [text, s] of [
      [closed, 'Closed'],
      [rolledBack, 'Rolled Back'],
    ] as const) {
      const d = expectOne(text, 'CM033', {
        severity: ERROR,
        range: missingAnchor(text),
        words: [`is ${s}`, 'no Outcome'],
        fix: 'insertField',
      });
      assert.equal((d.data as { field: string }).field, 'outcome');
    }
  });

  it('fires on an empty or placeholder Outcome item with fillValue', () => {
    for (const v of ['', 'TBD', 'see below']) {
      const text = withLine('- Approval', `- Approval (if required): @bob\n- Outcome: ${v}`.trimEnd(), closed);
      expectOne(text, 'CM033', { severity: ERROR, range: lineRange(text, '- Outcome'), fix: 'fillValue' });
    }
  });

  it('is not downgraded for Emergency changes (they are Closed or Rolled Back by then)', () => {
    const text = withLine('- Change type', '- Change type: Emergency\n- Incident: INC-5', closed);
    assert.equal(expectOne(text, 'CM033', { severity: ERROR, range: missingAnchor(text) }).severity, ERROR);
  });
});
