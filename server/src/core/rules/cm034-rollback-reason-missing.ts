import type { DocumentRule, Finding } from './types';
import { isPlaceholder } from '../values';

/** CM034: a Rolled Back log entry with no `: note` saying why. */
export const rollbackReasonMissing: DocumentRule = {
  id: 'CM034',
  name: 'rollback-reason-missing',
  severity: 'error',
  scope: 'document',
  docs: '"Rollback is a success, not a failure. Document why it was needed." The reason is what the next plan learns from.',
  check({ doc }) {
    const out: Finding[] = [];
    for (const e of doc.statusLog?.entries ?? []) {
      if (e.status !== 'Rolled Back' || (e.note !== undefined && !isPlaceholder(e.note))) continue;
      out.push({
        range: e.range,
        message:
          'This Rolled Back entry does not say why. Add the reason after a colon: `... Rolled Back by @you: error rate doubled`.',
        data: { fix: 'addNote' },
      });
    }
    return out;
  },
};
