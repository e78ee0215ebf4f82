import { missingFieldFixes } from '../actions/field-fixes';
import type { DocumentRule } from './types';
import { approvalRequired, hasApprovalEvidence, EXECUTED_STATUSES } from '../lifecycle';
import { statusRange, strayNote } from './util';

/** CM020: approval required, the change reached In Progress or later, and no approval evidence. */
export const approvalMissing: DocumentRule = {
  id: 'CM020',
  name: 'approval-missing',
  severity: 'error',
  scope: 'document',
  docs: '"Approve (if needed). Required only for: Normal changes; any change touching data integrity or security." Approval checks readiness (plan, rollback, blast radius) before execution.',
  fixes: missingFieldFixes,
  check({ doc }) {
    const s = doc.values.status;
    if (
      !s ||
      !doc.values.changeType ||
      !EXECUTED_STATUSES.includes(s) ||
      !approvalRequired(doc) ||
      hasApprovalEvidence(doc)
    )
      return [];
    const why =
      doc.values.changeType === 'Normal' ? 'a Normal change' : `a change touching ${doc.values.touches.join(' and ')}`;
    return [
      {
        range: statusRange(doc),
        message: `This is ${why} and has reached ${s} without approval: there is no Approval value and no Approved status log entry.${strayNote(doc, 'approval')} Record who approved it.`,
        data: { fix: 'insertField', field: 'approval', name: 'Approval (if required)' },
      },
    ];
  },
};
