import type { DocumentRule } from './types';
import { statusRange } from './util';

/** CM031: the Status field differs from the last status log entry. */
export const statusLogMismatch: DocumentRule = {
  id: 'CM031',
  name: 'status-log-mismatch',
  defaultSeverity: 'error',
  scope: 'document',
  rationale: 'The status log is the audit trail; a Status that disagrees with it means one of them is wrong.',
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
