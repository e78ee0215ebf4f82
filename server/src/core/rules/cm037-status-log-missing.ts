import type { DocumentRule } from './types';
import { statusRange } from './util';

/** CM037: Status is past Planned but there is no status log. */
export const statusLogMissing: DocumentRule = {
  id: 'CM037',
  name: 'status-log-missing',
  defaultSeverity: 'warning',
  scope: 'document',
  rationale: '"Execute ... Do: record start time." Without a status log there is no audit trail, no start time and no time to rollback.',
  check({ doc }) {
    const s = doc.values.status;
    if (!s || s === 'Planned' || (doc.statusLog?.entries.length ?? 0) > 0) return [];
    return [{ range: statusRange(doc), message: `Status is ${s} but there is no status log, so no start time was recorded. Add a \`## Status log\` with one line per transition.`, data: { fix: 'addStatusLog' } }];
  },
};
