import type { DocumentRule } from './types';
import { approvers } from './approvers';
import { samePerson } from '../people';

/** CM021: the approver is the Change Owner. */
export const selfApproval: DocumentRule = {
  id: 'CM021',
  name: 'self-approval',
  severity: 'warning',
  scope: 'document',
  docs: 'The approver "reviews risk and readiness" with a second pair of eyes; approving your own change reviews nothing.',
  check({ doc }) {
    const owner = doc.values.owner;
    const a = approvers(doc);
    if (!owner || owner.people.length !== 1 || !a) return [];
    const self = a.people.find((p) => samePerson(p, owner.people[0]!));
    if (!self) return [];
    return [
      {
        range: a.range,
        message: `The approver ${self} is also the Change Owner. Ask someone else (tech lead or service owner) to approve.`,
      },
    ];
  },
};
