import type { DocumentRule, Finding } from './types';
import type { Status } from '../fields';
import { isAllowed, transitionContext, TRANSITIONS } from '../lifecycle';

/** CM030: a status log step, or the first entry, is not allowed by the lifecycle. */
export const transitionInvalid: DocumentRule = {
  id: 'CM030',
  name: 'transition-invalid',
  severity: 'error',
  scope: 'document',
  docs: 'The lifecycle "Plan, Approve (if needed), Execute, Verify, Rollback (if needed), Close" is what makes changes "predictable and reversible"; skipped steps are where incidents come from.',
  check({ doc }) {
    const out: Finding[] = [];
    const ctx = transitionContext(doc);
    // With no valid Change type the conditional steps (Emergency start, Planned -> In Progress)
    // cannot be judged: only steps absent from the table are reported (SPEC section 7).
    const allowed = (f: Status | 'start', t: Status) =>
      ctx.changeType ? isAllowed(f, t, ctx) : TRANSITIONS[f].includes(t);
    let from: Status | 'start' = 'start';
    for (const e of doc.statusLog?.entries ?? []) {
      if (!e.status) continue; // unknown status: CM003 reports it
      if (!allowed(from, e.status)) {
        const next = TRANSITIONS[from].filter((t) => allowed(from, t));
        const where =
          from === 'start'
            ? `A status log must start at ${next.join(' or ')}`
            : `From ${from} a change may go to ${next.length ? next.join(', ') : 'nothing (it is final)'}`;
        const needsApproval = from === 'Planned' && e.status === 'In Progress' && ctx.approvalRequired;
        out.push({
          range: e.range,
          message:
            `${from === 'start' ? 'The first entry is' : `${from} -> ${e.status} is`} not an allowed step${from === 'start' ? ` (${e.status})` : ''}. ${where}.` +
            (needsApproval
              ? ' This change needs approval before it starts: add an Approved entry (or an Approval value).'
              : ''),
        });
      }
      from = e.status;
    }
    return out;
  },
};
