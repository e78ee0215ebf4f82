import { missingFieldFixes } from '../actions/field-fixes';
import type { DocumentRule } from './types';
import { emptyItemText, insertFieldData, missingRange, strayNote } from './util';

/** CM012: Change Owner is missing, a team, or several people. */
export const ownerNotAPerson: DocumentRule = {
  id: 'CM012',
  name: 'owner-not-a-person',
  severity: 'error',
  scope: 'document',
  docs: 'The Change Owner is "mandatory, single person", accountable end to end. Never assign "the team": when everyone owns a change, no one does.',
  fixes: missingFieldFixes,
  check(ctx) {
    const { doc } = ctx;
    const state = ctx.field('owner');
    const owner = doc.values.owner;
    if (!state.item || !owner) {
      return [
        {
          range: state.item?.range ?? missingRange(doc),
          message: `${state.item ? `${emptyItemText('Change Owner', state.item.value)}.` : `No Change Owner.${strayNote(doc, 'owner')}`} Name the one person accountable for this change (\`@handle\` or a name); never "the team".`,
          data: state.item ? { fix: 'fillValue', field: 'owner' } : insertFieldData('owner'),
        },
      ];
    }
    if (owner.hasTeam) {
      return [
        {
          range: state.item.valueRange,
          message: `Change Owner "${state.item.value}" is a team. Name one person accountable for this change; never assign "the team".`,
        },
      ];
    }
    if (owner.people.length > 1) {
      return [
        {
          range: state.item.valueRange,
          message: `Change Owner names ${owner.people.length} people (${owner.people.join(', ')}). Name exactly one accountable person.`,
        },
      ];
    }
    return [];
  },
};
