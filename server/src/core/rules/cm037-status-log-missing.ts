import type { DocumentRule } from './types';
import { statusRange } from './util';
import type { Analysis } from '../model';
import type { Status } from '../fields';
import { isAllowed, transitionContext, TRANSITIONS } from '../lifecycle';
import { appendLogLines, skeletonLine } from '../actions/log-edit';
import { pseudoHeadingFix } from '../actions/pseudo-heading-fix';
import { pseudoHeadingNote } from '../pseudo-headings';

/**
 * The steps of the lifecycle from the start to `to` for this document (the shortest path in
 * table order, e.g. Planned, Approved, In Progress, Verifying, Closed for a Normal change).
 */
function usualPath(a: Analysis, to: Status): Status[] {
  // A change that needs approval usually went through Approved, even when the Approval value
  // would allow Planned -> In Progress.
  const ctx = { ...transitionContext(a.doc), hasApprovalValue: false };
  const from = new Map<Status, Status | 'start'>();
  let frontier: (Status | 'start')[] = ['start'];
  while (frontier.length && !from.has(to)) {
    const next: Status[] = [];
    for (const f of frontier) {
      for (const t of TRANSITIONS[f]) {
        if (from.has(t) || !isAllowed(f, t, ctx)) continue;
        from.set(t, f);
        next.push(t);
      }
    }
    frontier = next;
  }
  const path: Status[] = [];
  for (let s: Status | 'start' | undefined = to; s && s !== 'start'; s = from.get(s)) path.unshift(s);
  return from.has(to) ? path : [to];
}

/** CM037: Status is past Planned but there is no status log. */
export const statusLogMissing: DocumentRule = {
  id: 'CM037',
  name: 'status-log-missing',
  severity: 'warning',
  scope: 'document',
  docs: '"Execute ... Do: record start time." Without a status log there is no audit trail, no start time and no time to rollback.',
  /**
   * A status log skeleton, one line per step of the usual path to the current Status, with
   * placeholder times and authors. The steps happened in the past: only the user knows when and
   * by whom, so nothing is dated (CM005 points at each line until it is filled in).
   */
  fixes(ctx) {
    // The log is there under a bold line: the fix is the heading, never a second (invented) log.
    if (ctx.data.pseudoHeading) return pseudoHeadingFix(ctx);
    const a = ctx.analysis;
    const status = a.doc.values.status;
    if (!status || a.doc.statusLog || !a.doc.header) return [];
    const steps = usualPath(a, status);
    return [
      {
        title: `Add a status log skeleton (${steps.join(', ')}: fill in when and by whom)`,
        edits: [appendLogLines(a, steps.map(skeletonLine))],
        isPreferred: false,
        safe: false,
      },
    ];
  },
  check({ doc }) {
    const s = doc.values.status;
    if (!s || s === 'Planned' || (doc.statusLog?.entries.length ?? 0) > 0) return [];
    const bold = doc.statusLog ? undefined : doc.pseudoHeadings?.find((p) => p.key === 'statusLog');
    return [
      {
        range: statusRange(doc),
        message: `Status is ${s} but there is no status log, so no start time was recorded.${bold ? pseudoHeadingNote(bold) : ' Add a `## Status log` with one line per transition.'}`,
        data: bold ? { fix: 'addStatusLog', pseudoHeading: 'statusLog' } : { fix: 'addStatusLog' },
      },
    ];
  },
};
