import { missingFieldFixes } from '../actions/field-fixes';
import type { DocumentRule, Finding } from './types';
import type { FieldKey } from '../fields';
import { fieldInfo } from '../fields';
import { approvalRequired, hasApprovalEvidence } from '../lifecycle';
import { emptyItemText, insertFieldData, missingRange, strayNote } from './util';

/** Required fields that no more specific rule covers (CM010-CM033 cover the rest). */
const ALWAYS: FieldKey[] = ['changeType', 'services', 'risk', 'status'];

/** CM002: a required field is absent and no other rule covers it. */
export const fieldMissing: DocumentRule = {
  id: 'CM002',
  name: 'field-missing',
  severity: 'error',
  scope: 'document',
  docs: '"Minimum required: what will change, which services are affected, expected user impact, risk level, rollback plan, verification method." Type, services, risk and status are what make the change reviewable and its metrics countable.',
  fixes: missingFieldFixes,
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    const missing = (key: FieldKey, why = '') => {
      const name = fieldInfo(key).name;
      // A placeholder item (`- Risk level: TBD`) is reported on the item, with a fill-in fix.
      const item = doc.header?.items.find((i) => i.key === key);
      out.push(
        item
          ? {
              range: item.range,
              message: `Required field ${emptyItemText(name, item.value)}${why}. Fill it in.`,
              data: { fix: 'fillValue', field: key },
            }
          : {
              range: missingRange(doc),
              message: `Required field "${name}" is missing${why}.${strayNote(doc, key) || ` Add \`- ${name}: ...\` to the header.`}`,
              data: insertFieldData(key),
            },
      );
    };
    if (doc.title === undefined) missing('title', ' (a `# Title` heading before the header also counts)');
    for (const key of ALWAYS) if (!ctx.field(key).present) missing(key);
    // Approval at Approved with no evidence; at In Progress or later CM020 reports it instead.
    // An unknown Change type skips it (SPEC section 7): whether approval is needed is unknown.
    if (
      doc.values.status === 'Approved' &&
      doc.values.changeType &&
      approvalRequired(doc) &&
      !hasApprovalEvidence(doc)
    ) {
      missing('approval', ' for an Approved change that needs approval; name the one approver');
    }
    return out;
  },
};
