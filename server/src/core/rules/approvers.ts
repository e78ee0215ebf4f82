/** Who approved a change (SPEC section 7): the Approval value's people, else the last Approved entry's `by`. */
import type { ChangeDocument } from '../schema';
import { lastApprovedEntry } from '../lifecycle';
import { parsePeople } from '../people';
import type { Range } from 'vscode-languageserver-types';

/** The approvers and where they are written. */
export function approvers(doc: ChangeDocument): { people: string[]; range: Range } | undefined {
  const item = doc.header?.items.find((i) => i.key === 'approval');
  if (doc.values.approval && item) return { people: doc.values.approval.people, range: item.valueRange };
  const entry = lastApprovedEntry(doc);
  if (entry?.by) return { people: parsePeople(entry.by).people, range: entry.range };
  return undefined;
}
