import type { DocumentRule, Finding } from './types';
import { formatUtc } from '../time';

/** CM032: status log timestamps do not ascend (equal timestamps are allowed). */
export const logOutOfOrder: DocumentRule = {
  id: 'CM032',
  name: 'log-out-of-order',
  severity: 'error',
  scope: 'document',
  docs: 'The log is oldest first. An entry that goes back in time breaks the recorded start time, stale checks and time to rollback.',
  check({ doc }) {
    const out: Finding[] = [];
    let latest: number | undefined;
    for (const e of doc.statusLog?.entries ?? []) {
      if (e.at === undefined) continue;
      if (latest !== undefined && e.at < latest) {
        out.push({
          range: e.range,
          message: `This entry (${formatUtc(e.at)}) is earlier than the entry before it (${formatUtc(latest)}). Keep the status log oldest first and the times true.`,
        });
        continue;
      }
      latest = e.at;
    }
    return out;
  },
};
