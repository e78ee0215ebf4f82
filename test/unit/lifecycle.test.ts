import { strict as assert } from 'node:assert';
import { STATUSES } from '../../server/src/core/fields';
import type { ChangeType, Status } from '../../server/src/core/fields';
import {
  allowedNext,
  approvalRequired,
  hasApprovalEvidence,
  isAllowed,
  transitionContext,
  TRANSITIONS,
} from '../../server/src/core/lifecycle';
import { codes, doc, editLine, VALID_NORMAL } from '../helpers/doc';

type From = Status | 'start';
const FROMS: From[] = ['start', ...STATUSES];
const TYPES: ChangeType[] = ['Standard', 'Normal', 'Emergency'];

/** SPEC section 3, written out independently of lifecycle.ts. */
function expected(from: From, to: Status, type: ChangeType, touches: boolean, approvalValue: boolean): boolean {
  const needsApproval = type !== 'Emergency' && (type === 'Normal' || touches);
  switch (from) {
    case 'start':
      return to === 'Planned' || (to === 'In Progress' && type === 'Emergency');
    case 'Planned':
      return to === 'Approved' || to === 'Rejected' || (to === 'In Progress' && (!needsApproval || approvalValue));
    case 'Approved':
      return to === 'In Progress';
    case 'Rejected':
      return to === 'Planned';
    case 'In Progress':
      return to === 'Verifying' || to === 'Rolled Back';
    case 'Verifying':
      return to === 'Closed' || to === 'Rolled Back';
    case 'Rolled Back':
      return to === 'Closed';
    case 'Closed':
      return false;
  }
}

/** A change of the given kind (no status log), with Risk Low so every type is otherwise valid. */
function kind(type: ChangeType, touches: boolean, approvalValue: boolean, status = 'Planned'): string {
  let text = VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log'));
  text = editLine(text, '- Change type', `- Change type: ${type}${type === 'Emergency' ? '\n- Incident: INC-1' : ''}`);
  text = editLine(text, '- Risk level', `- Risk level: Low${touches ? '\n- Touches: data integrity' : ''}`);
  text = editLine(text, '- Status', `- Status: ${status}`);
  return editLine(text, '- Approval', approvalValue ? '- Approval (if required): @bob' : null);
}

/** Log entries that reach `from` by allowed steps for every kind of change. */
const PATH: Record<From, Status[]> = {
  start: [],
  Planned: ['Planned'],
  Approved: ['Planned', 'Approved'],
  Rejected: ['Planned', 'Rejected'],
  'In Progress': ['Planned', 'Approved', 'In Progress'],
  Verifying: ['Planned', 'Approved', 'In Progress', 'Verifying'],
  'Rolled Back': ['Planned', 'Approved', 'In Progress', 'Rolled Back'],
  Closed: ['Planned', 'Approved', 'In Progress', 'Verifying', 'Closed'],
};

function logOf(statuses: Status[]): string {
  return statuses
    .map((s, i) => `- 2026-11-2${i} 10:00 UTC ${s} by @bob${s === 'Rolled Back' ? ': errors' : ''}`)
    .join('\n');
}

describe('lifecycle', () => {
  describe('the transition table, exhaustively', () => {
    for (const type of TYPES) {
      for (const touches of [false, true]) {
        for (const approvalValue of [false, true]) {
          const label = `${type}${touches ? ' touching data integrity' : ''}${approvalValue ? ' with an Approval value' : ''}`;
          it(`isAllowed and CM030 agree with SPEC section 3 for a ${label}`, () => {
            const text = kind(type, touches, approvalValue);
            const ctx = transitionContext(doc(text).doc);
            let pairs = 0;
            for (const from of FROMS) {
              for (const to of STATUSES) {
                const want = expected(from, to, type, touches, approvalValue);
                assert.equal(isAllowed(from, to, ctx), want, `isAllowed ${from} -> ${to}`);
                const withLog = `${text}## Status log\n\n${logOf([...PATH[from], to])}\n`;
                const cm030 = codes(withLog, 'CM030');
                assert.equal(
                  cm030.length,
                  want ? 0 : 1,
                  `CM030 ${from} -> ${to}: ${cm030.map((d) => d.message).join('; ')}`,
                );
                if (!want)
                  assert.equal(cm030[0]!.range.start.line, withLog.split('\n').length - 2, 'on the offending entry');
                pairs++;
              }
            }
            assert.equal(pairs, 8 * 7);
          });
        }
      }
    }
  });

  it('says when approval is required', () => {
    assert.equal(approvalRequired(doc(kind('Standard', false, false)).doc), false);
    assert.equal(approvalRequired(doc(kind('Standard', true, false)).doc), true);
    assert.equal(approvalRequired(doc(kind('Normal', false, false)).doc), true);
    assert.equal(approvalRequired(doc(kind('Emergency', true, false)).doc), false);
  });

  it('finds approval evidence in the Approval value or an Approved entry (with or without by)', () => {
    assert.equal(hasApprovalEvidence(doc(kind('Normal', false, true)).doc), true);
    assert.equal(hasApprovalEvidence(doc(kind('Normal', false, false)).doc), false);
    assert.equal(
      hasApprovalEvidence(
        doc(
          `${kind('Normal', false, false)}## Status log\n\n- 2026-11-20 10:00 UTC Planned\n- 2026-11-21 10:00 UTC Approved\n`,
        ).doc,
      ),
      true,
    );
  });

  it('has a table whose targets are all statuses and where Closed is final', () => {
    for (const from of FROMS) for (const to of TRANSITIONS[from]) assert.ok(STATUSES.includes(to));
    assert.deepEqual(TRANSITIONS.Closed, []);
  });

  describe('allowedNext', () => {
    for (const type of TYPES) {
      for (const touches of [false, true]) {
        for (const approvalValue of [false, true]) {
          it(`lists the next statuses in table order for every status of a ${type}${touches ? ' touching data integrity' : ''}${approvalValue ? ' with Approval' : ''}`, () => {
            for (const s of STATUSES) {
              const next = allowedNext(doc(kind(type, touches, approvalValue, s)).doc);
              assert.deepEqual(
                next,
                STATUSES.filter((to) => expected(s, to, type, touches, approvalValue)).sort(
                  (a, b) => TRANSITIONS[s].indexOf(a) - TRANSITIONS[s].indexOf(b),
                ),
                s,
              );
            }
          });
        }
      }
    }

    it('offers the start statuses when the Status is missing or unknown', () => {
      assert.deepEqual(allowedNext(doc(kind('Normal', false, false, 'Shipped')).doc), ['Planned']);
      assert.deepEqual(allowedNext(doc(kind('Emergency', false, false, 'TBD')).doc), ['Planned', 'In Progress']);
    });

    it('offers In Progress from Planned only when approval is not needed or an Approval value is written', () => {
      assert.deepEqual(allowedNext(doc(kind('Normal', false, false)).doc), ['Approved', 'Rejected']);
      assert.deepEqual(allowedNext(doc(kind('Normal', false, true)).doc), ['Approved', 'Rejected', 'In Progress']);
      assert.deepEqual(allowedNext(doc(kind('Standard', false, false)).doc), ['Approved', 'Rejected', 'In Progress']);
    });
  });
});
