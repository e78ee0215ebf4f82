import type { DocumentRule, Finding } from './types';
import { itemRange } from './util';

/** CM005: a timestamp in Planned execution time or the status log cannot be read. */
export const timeInvalid: DocumentRule = {
  id: 'CM005',
  name: 'time-invalid',
  severity: 'error',
  scope: 'document',
  docs: 'Times that cannot be read cannot be checked: no conflict detection, no stale warnings, no time-to-rollback metric.',
  check({ doc }) {
    const out: Finding[] = [];
    if (doc.values.windowError) {
      const item = doc.header?.items.find((i) => i.key === 'window');
      out.push({
        range: item?.valueRange ?? itemRange(doc, 'window'),
        message: `Planned execution time cannot be read: ${doc.values.windowError}. Example: \`2026-12-01 14:00 UTC, 60 min\`.`,
      });
    }
    for (const e of doc.statusLog?.entries ?? []) {
      if (!e.timestampError) continue;
      const none =
        e.timestampRange.start.line === e.timestampRange.end.line &&
        e.timestampRange.start.character === e.timestampRange.end.character;
      out.push(
        none
          ? {
              // `- Approved by @bob yesterday` (SPEC section 8): the entry counts, its time is unknown.
              range: e.range,
              message: `Status log entry "${e.statusText}" has no timestamp, so its time cannot be checked or counted. Write when it happened before the status, e.g. \`- 2026-11-27 09:15 UTC ${e.statusText} ...\`.`,
            }
          : {
              range: e.timestampRange,
              message: `Status log timestamp cannot be read: ${e.timestampError}. Write \`YYYY-MM-DD HH:MM UTC\`.`,
            },
      );
    }
    return out;
  },
};
