import type { DocumentRule, Finding } from './types';
import type { Status } from '../fields';
import { isAllowed, transitionContext, TRANSITIONS } from '../lifecycle';

/** CM030: a status log step, or the first entry, is not allowed by the lifecycle. */
export const transitionInvalid: DocumentRule = {
  id: 'CM030',
  name: 'transition-invalid',
  defaultSeverity: 'error',
  scope: 'document',
  rationale: 'The lifecycle (Plan, Approve, Execute, Verify, Rollback, Close) is what makes a change predictable and reversible; skipped steps are where incidents come from.',
  check({ doc }) {
    const out: Finding[] = [];
    const ctx = transitionContext(doc);
    let from: Status | 'start' = 'start';
    for (const e of doc.statusLog?.entries ?? []) {
      if (!e.status) continue; // unknown status: CM003 reports it
      if (!isAllowed(from, e.status, ctx)) {
        const allowed = TRANSITIONS[from].filter((t) => isAllowed(from, t, ctx));
        const where = from === 'start' ? `A status log must start at ${allowed.join(' or ')}` : `From ${from} a change may go to ${allowed.length ? allowed.join(', ') : 'nothing (it is final)'}`;
        const needsApproval = from === 'Planned' && e.status === 'In Progress' && ctx.approvalRequired;
        out.push({
          range: e.range,
          message:
            `${from === 'start' ? 'The first entry is' : `${from} -> ${e.status} is`} not an allowed step${from === 'start' ? ` (${e.status})` : ''}. ${where}.` +
            (needsApproval ? ' This change needs approval before it starts: add an Approved entry (or an Approval value).' : ''),
        });
      }
      from = e.status;
    }
    return out;
  },
};
