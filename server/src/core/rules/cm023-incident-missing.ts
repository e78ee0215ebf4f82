import { missingFieldFixes } from '../actions/field-fixes';
import type { DocumentRule } from './types';
import { emptyItemText, insertFieldData, missingRange, strayNote } from './util';

/** CM023: an Emergency change links no incident. */
export const incidentMissing: DocumentRule = {
  id: 'CM023',
  name: 'incident-missing',
  severity: 'error',
  scope: 'document',
  docs: 'An Emergency change exists "to mitigate or resolve an active incident" and "must be linked to an incident"; without the link it is an unapproved Normal change.',
  fixes: missingFieldFixes,
  check(ctx) {
    const { doc } = ctx;
    if (doc.values.changeType !== 'Emergency') return [];
    const state = ctx.field('incident');
    if (state.present) return [];
    return [
      {
        range: state.item?.range ?? missingRange(doc),
        message: state.item
          ? `${emptyItemText('Incident', state.item.value)}: an Emergency change must link the incident it mitigates. Write its reference, e.g. \`INC-1234\`.`
          : `An Emergency change must link the incident it mitigates.${strayNote(doc, 'incident')} Add \`- Incident: INC-1234\`.`,
        data: state.item ? { fix: 'fillValue', field: 'incident' } : insertFieldData('incident'),
      },
    ];
  },
};
