import { missingFieldFixes } from '../actions/field-fixes';
import type { DocumentRule } from './types';
import { emptyItemText, insertFieldData, missingRange, strayNote } from './util';

/** CM033: Closed or Rolled Back with no Outcome. */
export const outcomeMissing: DocumentRule = {
  id: 'CM033',
  name: 'outcome-missing',
  severity: 'error',
  scope: 'document',
  docs: '"Close only when: change is verified as successful, or rollback is completed and stability confirmed. Do: record outcome, link incidents (if any), create follow-ups."',
  fixes: missingFieldFixes,
  check(ctx) {
    const { doc } = ctx;
    const s = doc.values.status;
    if (s !== 'Closed' && s !== 'Rolled Back') return [];
    const state = ctx.field('outcome');
    if (state.present) return [];
    return [
      {
        range: state.item?.range ?? missingRange(doc),
        message: `${state.item ? `The change is ${s} but ${emptyItemText('Outcome', state.item.value)}.` : `The change is ${s} but has no Outcome.${strayNote(doc, 'outcome')}`} Record what happened (verified, or why it was rolled back), linked incidents and follow-ups.`,
        data: state.item ? { fix: 'fillValue', field: 'outcome' } : insertFieldData('outcome'),
      },
    ];
  },
};
