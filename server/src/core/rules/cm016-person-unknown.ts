import type { DocumentRule, Finding } from './types';
import type { Range } from 'vscode-languageserver-types';
import { approvers } from './approvers';
import { personKey } from '../repo/facts';
import { closest } from '../values';
import { replaceNameFix } from '../actions/field-fixes';

/**
 * CM016: the Change Owner or an approver is neither in CODEOWNERS nor named by another change
 * document. Runs only when the shell passes the CODEOWNERS people (`options.repo.people`).
 */
export const personUnknown: DocumentRule = {
  id: 'CM016',
  name: 'person-unknown',
  severity: 'information',
  scope: 'document',
  reads: 'repository',
  docs: 'The owner and the approver must be people who can be reached when the change goes wrong. A handle that no CODEOWNERS entry and no other change knows is usually a typo (`@alcie`) or someone who has left.',
  // The did-you-mean: the unknown person in the owner or approval value becomes the suggestion.
  fixes: ({ analysis, data }) =>
    replaceNameFix(analysis, data.role === 'owner' ? 'owner' : 'approval', data.person, data.suggestion),
  mayReport: (_facts, { repo }) => repo?.people !== undefined,
  check(ctx) {
    const { doc, options } = ctx;
    const people = options.repo?.people;
    if (!people) return [];
    const known = new Set(people.map(personKey));
    const counts = options.repo?.peopleInDocuments;
    // The count includes this document, so "named elsewhere" means at least two documents.
    const isKnown = (p: string) => known.has(personKey(p)) || (counts?.get(personKey(p)) ?? 0) >= 2;
    const out: Finding[] = [];
    const report = (person: string, role: string, range: Range) => {
      const guess = closest(
        person.startsWith('@') ? person : `@${person}`,
        people.filter((x) => x.startsWith('@')),
      );
      out.push({
        range,
        message: `${role} ${person} is not in CODEOWNERS and no other change document names them.${guess ? ` Did you mean ${guess}?` : ' Check the name, or add the person to CODEOWNERS.'}`,
        data: { person, role: role === 'Change Owner' ? 'owner' : 'approver', ...(guess ? { suggestion: guess } : {}) },
      });
    };
    const owner = doc.values.owner;
    const ownerItem = ctx.field('owner').item;
    // CM012 reports teams and several owners; this rule only checks one named person.
    if (owner && ownerItem && owner.people.length === 1 && !owner.hasTeam && !isKnown(owner.people[0]!))
      report(owner.people[0]!, 'Change Owner', ownerItem.valueRange);
    const a = approvers(doc);
    for (const p of a?.people ?? []) if (!isKnown(p)) report(p, 'Approver', a!.range);
    return out;
  },
};
