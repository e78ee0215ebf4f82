/**
 * The lifecycle of SPEC section 3 as data, and the approval logic it depends on. Code actions,
 * completion, hover, the CLI and the rules all read allowed transitions from here.
 */
import type { ChangeDocument } from './schema';
import type { Status } from './fields';

/** Where each status may go next; `start` is the first entry of a log. */
export const TRANSITIONS: Readonly<Record<Status | 'start', readonly Status[]>> = {
  start: ['Planned', 'In Progress'],
  Planned: ['Approved', 'Rejected', 'In Progress'],
  Approved: ['In Progress'],
  Rejected: ['Planned'],
  'In Progress': ['Verifying', 'Rolled Back'],
  Verifying: ['Closed', 'Rolled Back'],
  'Rolled Back': ['Closed'],
  Closed: [],
};

/** Statuses in which a change is still open (not Closed, Rejected or Rolled Back). */
export const ACTIVE_STATUSES: readonly Status[] = ['Planned', 'Approved', 'In Progress', 'Verifying'];

/** Statuses at or past In Progress: the change has been executed. */
export const EXECUTED_STATUSES: readonly Status[] = ['In Progress', 'Verifying', 'Rolled Back', 'Closed'];

/** What decides the conditional steps of the table. */
export interface TransitionContext {
  changeType?: ChangeDocument['values']['changeType'];
  /** Whether the change needs an approver (Normal, or touches data integrity/security, not Emergency). */
  approvalRequired: boolean;
  /** Whether an Approval value is written in the header (approval given outside the log). */
  hasApprovalValue: boolean;
}

/** Whether the step `from -> to` is allowed (`from` = 'start' for the first entry). */
export function isAllowed(from: Status | 'start', to: Status, ctx: TransitionContext): boolean {
  if (!TRANSITIONS[from].includes(to)) return false;
  if (from === 'start' && to === 'In Progress') return ctx.changeType === 'Emergency';
  if (from === 'Planned' && to === 'In Progress') return !ctx.approvalRequired || ctx.hasApprovalValue;
  return true;
}

/** Whether the change needs written approval (SPEC section 3 and 7). */
export function approvalRequired(doc: ChangeDocument): boolean {
  const t = doc.values.changeType;
  if (t === 'Emergency') return false;
  return t === 'Normal' || doc.values.touches.length > 0;
}

/** The last Approved log entry, if any. */
export function lastApprovedEntry(doc: ChangeDocument) {
  const entries = doc.statusLog?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.status === 'Approved') return entries[i];
  return undefined;
}

/** Whether there is approval evidence: an Approval value, or an Approved log entry. */
export function hasApprovalEvidence(doc: ChangeDocument): boolean {
  return doc.values.approval !== undefined || lastApprovedEntry(doc) !== undefined;
}

/** The transition context of a document. */
export function transitionContext(doc: ChangeDocument): TransitionContext {
  return {
    changeType: doc.values.changeType,
    approvalRequired: approvalRequired(doc),
    hasApprovalValue: doc.values.approval !== undefined,
  };
}

/**
 * The statuses a change may move to next, in table order. "In Progress" from Planned is offered
 * only when no approval is needed or an Approval value is written. A document with no valid
 * Status may start (Planned; In Progress for Emergency).
 */
export function allowedNext(doc: ChangeDocument): Status[] {
  const ctx = transitionContext(doc);
  const from: Status | 'start' = doc.values.status ?? 'start';
  return TRANSITIONS[from].filter((to) => isAllowed(from, to, ctx));
}
