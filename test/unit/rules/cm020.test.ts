import { strict as assert } from 'node:assert';
import { codes } from '../../helpers/doc';
import {
  ERROR,
  expectNone,
  expectOne,
  lineRange,
  VALID_STANDARD,
  withLine,
  withLog,
  LOG_PLANNED,
  LOG_IN_PROGRESS,
  type Failing,
} from './support';

const PLANNED = '2026-11-26 10:02 UTC Planned by @alice';
const APPROVED = '2026-11-27 09:15 UTC Approved by @bob';
const STARTED = '2026-11-28 09:00 UTC In Progress by @alice';
const noApprovalValue = withLine('- Approval', null);

/** A document on which CM020 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLog('In Progress', [LOG_PLANNED, LOG_IN_PROGRESS], withLine('- Approval', null)),
};

describe('CM020 approval-missing', () => {
  it('does not fire when an executed Normal change has an Approved entry (with or without `by`) or an Approval value', () => {
    expectNone(withLog('In Progress', [PLANNED, APPROVED, STARTED], noApprovalValue), 'CM020');
    expectNone(withLog('In Progress', [PLANNED, '2026-11-27 09:15 UTC Approved', STARTED], noApprovalValue), 'CM020');
    expectNone(withLog('In Progress', [PLANNED, STARTED]), 'CM020');
    expectNone(
      withLog('In Progress', [PLANNED, STARTED], withLine('- Approval', '- Approver: Bob Smith, 2026-11-27')),
      'CM020',
    );
  });

  it('fires on the Status item at In Progress and later without evidence, with an insertField fix for Approval', () => {
    const steps: [string, string[]][] = [
      ['In Progress', [PLANNED, STARTED]],
      ['Verifying', [PLANNED, STARTED, '2026-11-28 09:30 UTC Verifying']],
      ['Rolled Back', [PLANNED, STARTED, '2026-11-28 09:30 UTC Rolled Back: errors']],
      ['Closed', [PLANNED, STARTED, '2026-11-28 09:30 UTC Verifying', '2026-11-28 10:00 UTC Closed']],
    ];
    for (const [status, log] of steps) {
      const text = withLog(status, log, noApprovalValue);
      const d = expectOne(text, 'CM020', {
        severity: ERROR,
        range: lineRange(text, '- Status'),
        words: ['a Normal change', `reached ${status} without approval`],
        fix: 'insertField',
      });
      assert.equal((d.data as { field: string }).field, 'approval');
    }
  });

  it('counts a placeholder Approval value as no evidence', () => {
    const text = withLog('In Progress', [PLANNED, STARTED], withLine('- Approval', '- Approval (if required): TBD'));
    assert.equal(codes(text, 'CM020').length, 1);
  });

  it('does not fire before In Progress (CM002 covers Approved) or for Rejected', () => {
    expectNone(withLog('Approved', [PLANNED], noApprovalValue), 'CM020');
    expectNone(
      withLog('Rejected', [PLANNED, '2026-11-27 09:15 UTC Rejected by @bob: no rollback'], noApprovalValue),
      'CM020',
    );
  });

  it('is required for Standard changes touching data integrity or security, naming what they touch', () => {
    const std = withLog(
      'In Progress',
      ['2026-11-27 08:00 UTC Planned by @carol', '2026-11-28 09:00 UTC In Progress by @carol'],
      VALID_STANDARD,
    );
    expectNone(std, 'CM020');
    const touching = withLine('- Risk level', '- Risk level: Low\n- Touches: Data Integrity', std);
    expectOne(touching, 'CM020', {
      severity: ERROR,
      range: lineRange(touching, '- Status'),
      words: ['touching data integrity'],
    });
  });

  it('never applies to Emergency changes, whatever they touch', () => {
    const text = withLog(
      'In Progress',
      [STARTED],
      withLine('- Change type', '- Change type: Emergency\n- Incident: INC-9\n- Touches: security', noApprovalValue),
    );
    expectNone(text, 'CM020');
  });

  it('comes with CM030 when Planned -> In Progress has no evidence', () => {
    const text = withLog('In Progress', [PLANNED, STARTED], noApprovalValue);
    assert.equal(codes(text, 'CM030').length, 1);
    assert.equal(codes(text, 'CM002').length, 0, 'CM020, not CM002, past Approved');
  });

  it('is skipped when the Change type is unknown', () => {
    expectNone(
      withLog('In Progress', [PLANNED, STARTED], withLine('- Change type', '- Change type: Norm', noApprovalValue)),
      'CM020',
    );
  });
});
