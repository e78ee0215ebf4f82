import { strict as assert } from 'node:assert';
import { codes } from '../../helpers/doc';
import {
  ERROR,
  expectNone,
  expectOne,
  lineRange,
  withLine,
  withLog,
  LOG_PLANNED,
  LOG_APPROVED,
  LOG_IN_PROGRESS,
  LOG_STARTED,
  type Failing,
} from './support';

const rolled = (entry: string) => withLog('Rolled Back', [...LOG_STARTED, entry]);

/** A document on which CM034 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLine(
    '- Approval',
    '- Approval: @bob\n- Outcome: rolled back',
    withLog('Rolled Back', [LOG_PLANNED, LOG_APPROVED, LOG_IN_PROGRESS, '2026-11-27 10:30 UTC Rolled Back']),
  ),
};

describe('CM034 rollback-reason-missing', () => {
  it('does not fire when the Rolled Back entry has a note, with or without `by`', () => {
    expectNone(rolled('2026-11-28 09:40 UTC Rolled Back by @alice: error rate doubled'), 'CM034');
    expectNone(rolled('2026-11-28 09:40 UTC Rolled Back: error rate doubled'), 'CM034');
  });

  it('fires on the Rolled Back entry without a note, with an addNote fix', () => {
    for (const e of [
      '2026-11-28 09:40 UTC Rolled Back by @alice',
      '2026-11-28 09:40 UTC Rolled Back',
      '2026-11-28 09:40 UTC Rolled Back by @alice:',
      '2026-11-28 09:40 UTC rolled back by @alice: TBD',
    ]) {
      const text = rolled(e);
      expectOne(text, 'CM034', {
        severity: ERROR,
        range: lineRange(text, '- 2026-11-28 09:40'),
        words: ['does not say why', 'after a colon'],
        fix: 'addNote',
      });
    }
  });

  it('wants the note on the entry even when an Outcome explains the rollback', () => {
    const text = withLine(
      '- Approval',
      '- Approval (if required): @bob\n- Outcome: rolled back because p99 doubled',
      rolled('2026-11-28 09:40 UTC Rolled Back by @alice'),
    );
    assert.equal(codes(text, 'CM034').length, 1);
  });

  it('fires once per Rolled Back entry without a note', () => {
    const text = withLog('Closed', [...LOG_STARTED, '2026-11-28 09:40 UTC Rolled Back', '2026-11-28 10:00 UTC Closed']);
    assert.equal(codes(text, 'CM034').length, 1);
  });
});
