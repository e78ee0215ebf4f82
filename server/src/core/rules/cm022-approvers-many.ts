import type { DocumentRule } from './types';
import { approvers } from './approvers';

/** CM022: more than one approver is named. */
export const approversMany: DocumentRule = {
  id: 'CM022',
  name: 'approvers-many',
  severity: 'information',
  scope: 'document',
  docs: '"One approver is enough." More approvers add waiting, not safety ("not a CAB theater").',
  check({ doc }) {
    const a = approvers(doc);
    if (!a || a.people.length < 2) return [];
    return [
      {
        range: a.range,
        message: `${a.people.length} approvers are named (${a.people.join(', ')}). One approver is enough; name the one who approved.`,
      },
    ];
  },
};
