import type { DocumentRule, Finding } from './types';
import type { FieldKey } from '../fields';
import { fieldInfo } from '../fields';
import { fieldState } from '../model';
import { approvalRequired, hasApprovalEvidence } from '../lifecycle';
import { insertFieldData, missingRange } from './util';

/** Required fields that no more specific rule covers (CM010-CM033 cover the rest). */
const ALWAYS: FieldKey[] = ['changeType', 'services', 'risk', 'status'];

/** CM002: a required field is absent and no other rule covers it. */
export const fieldMissing: DocumentRule = {
  id: 'CM002',
  name: 'field-missing',
  defaultSeverity: 'error',
  scope: 'document',
  rationale: 'The minimum change record (what, which services, risk, status) is what makes a change reviewable and its metrics countable.',
  check({ doc }) {
    const out: Finding[] = [];
    const missing = (key: FieldKey, why = '') =>
      out.push({
        range: missingRange(doc),
        message: `Required field "${fieldInfo(key).name}" is missing${why}. Add \`- ${fieldInfo(key).name}: ...\` to the header.`,
        data: insertFieldData(key),
      });
    if (doc.title === undefined) missing('title', ' (a `# Title` heading before the header also counts)');
    for (const key of ALWAYS) if (!fieldState(doc, key).present) missing(key);
    // Approval at Approved with no evidence; at In Progress or later CM020 reports it instead.
    if (doc.values.status === 'Approved' && approvalRequired(doc) && !hasApprovalEvidence(doc)) {
      missing('approval', ' for an Approved change that needs approval; name the one approver');
    }
    return out;
  },
};
