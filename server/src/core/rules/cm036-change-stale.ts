import type { DocumentRule } from './types';
import { formatUtc } from '../time';
import { statusRange } from './util';

const HOUR = 3_600_000;

/** CM036: In Progress/Verifying too long, or still Planned/Approved after the window ended. */
export const changeStale: DocumentRule = {
  id: 'CM036',
  name: 'change-stale',
  severity: 'warning',
  scope: 'document',
  reads: 'clock',
  docs: 'A change left In Progress or Verifying, or still Planned after its window, is an open risk nobody is watching. "Close only when verified, or rollback completed": verify, roll back, or re-plan it.',
  // Open and executing, or planned with a window that has ended (the check below, without the log).
  mayReport: ({ status: s, window }, { now }) =>
    s === 'In Progress' || s === 'Verifying' || ((s === 'Planned' || s === 'Approved') && !!window && now > window.end),
  check({ doc, options: { now, staleAfterHours } }) {
    const s = doc.values.status;
    if (s === 'In Progress' || s === 'Verifying') {
      const entries = doc.statusLog?.entries ?? [];
      const own = [...entries].reverse().find((e) => e.status === s && e.at !== undefined);
      const since = own?.at ?? [...entries].reverse().find((e) => e.at !== undefined)?.at;
      if (since === undefined || now - since <= staleAfterHours * HOUR) return [];
      const hours = Math.floor((now - since) / HOUR);
      return [
        {
          range: statusRange(doc),
          message: `This change has been ${s} since ${formatUtc(since)} (${hours} h, more than ${staleAfterHours} h). Verify and close it, or roll it back.`,
        },
      ];
    }
    if ((s === 'Planned' || s === 'Approved') && doc.values.window && now > doc.values.window.end) {
      return [
        {
          range: statusRange(doc),
          message: `This change is still ${s} but its execution window ended at ${formatUtc(doc.values.window.end)}. Execute it, re-plan the window, or reject it.`,
        },
      ];
    }
    return [];
  },
};
