import { missingFieldFixes } from '../actions/field-fixes';
import type { DocumentRule } from './types';
import { emptyItemText, insertFieldData, missingRange, strayNote } from './util';

/** CM015: a Standard or Normal change with no Planned execution time. */
export const windowMissing: DocumentRule = {
  id: 'CM015',
  name: 'window-missing',
  severity: 'warning',
  scope: 'document',
  docs: '"Keep execution window clear." A planned time lets others avoid conflicting changes (CM040) and lets a change that never ran be noticed (CM036).',
  fixes: missingFieldFixes,
  check(ctx) {
    const { doc } = ctx;
    const t = doc.values.changeType;
    if (t !== 'Standard' && t !== 'Normal') return [];
    if (doc.values.window || doc.values.windowError) return []; // unreadable: CM005 only
    const state = ctx.field('window');
    return [
      {
        range: state.item?.range ?? missingRange(doc),
        message: `${state.item ? `${emptyItemText('Planned execution time', state.item.value)}: a ${t} change needs one.` : `No Planned execution time for this ${t} change.${strayNote(doc, 'window')}`} Add one, e.g. \`2026-12-01 14:00 UTC, 60 min\`.`,
        data: state.item ? { fix: 'fillValue', field: 'window' } : insertFieldData('window'),
      },
    ];
  },
};
