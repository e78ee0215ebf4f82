import type { DocumentRule } from './types';
import { statusRange } from './util';
import { STATUSES } from '../fields';
import { isAllowed, transitionContext } from '../lifecycle';
import { replaceValueOf } from '../actions/field-fixes';
import { appendLogLines, skeletonLine } from '../actions/log-edit';
import type { Fix } from '../actions/fix';

/** CM031: the Status field differs from the last status log entry. */
export const statusLogMismatch: DocumentRule = {
  id: 'CM031',
  name: 'status-log-mismatch',
  severity: 'error',
  scope: 'document',
  docs: 'The status log is the audit trail; a Status that disagrees with it means one of them is wrong.',
  fixes({ analysis: a, data }) {
    const out: Fix[] = [];
    const last = STATUSES.find((s) => s === data.status);
    const current = a.doc.values.status;
    if (last) {
      const e = replaceValueOf(a, 'status', last);
      if (e)
        out.push({
          title: `Set Status to "${last}" (the last status log entry)`,
          edits: [e],
          isPreferred: true,
          safe: false,
        });
    }
    // The Status was changed at some earlier time by someone: a line to fill in, never "now, by you".
    if (last && current && a.doc.statusLog && isAllowed(last, current, transitionContext(a.doc))) {
      out.push({
        title: `Add a status log line for "${current}" (fill in when and by whom)`,
        edits: [appendLogLines(a, [skeletonLine(current)])],
        isPreferred: false,
        safe: false,
      });
    }
    return out;
  },
  check({ doc }) {
    const status = doc.values.status;
    const entries = doc.statusLog?.entries ?? [];
    const last = entries[entries.length - 1];
    if (!status || !last?.status || last.status === status) return [];
    return [
      {
        range: statusRange(doc),
        message: `Status is ${status} but the last status log entry is ${last.status}. Make them agree: update Status, or add a log entry for ${status}.`,
        data: { fix: 'syncStatus', status: last.status },
      },
    ];
  },
};
