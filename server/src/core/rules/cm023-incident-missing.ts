import type { DocumentRule } from './types';
import { fieldState } from '../model';
import { insertFieldData, missingRange, strayNote } from './util';

/** CM023: an Emergency change links no incident. */
export const incidentMissing: DocumentRule = {
  id: 'CM023',
  name: 'incident-missing',
  defaultSeverity: 'error',
  scope: 'document',
  rationale: 'An Emergency change exists to mitigate an active incident and must be linked to it; without the link it is an unapproved Normal change.',
  check({ doc }) {
    if (doc.values.changeType !== 'Emergency') return [];
    const state = fieldState(doc, 'incident');
    if (state.present) return [];
    return [
      {
        range: state.item?.range ?? missingRange(doc),
        message: `An Emergency change must link the incident it mitigates.${state.item ? '' : strayNote(doc, 'incident')} Add \`- Incident: INC-1234\`.`,
        data: state.item ? { fix: 'fillValue', field: 'incident' } : insertFieldData('incident'),
      },
    ];
  },
};
