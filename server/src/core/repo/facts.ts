/**
 * Repository facts the shells (CLI, language server) read from files and hand to the core: the
 * people of CODEOWNERS, how many change documents name each person, and the service names of a
 * Backstage catalog. The core never reads files; a fact that is absent turns its rule off.
 */
import type { ChangeDocument } from '../schema';
import { parsePeople } from '../people';

/** What a repository tells the rules (CM016 person-unknown, CM017 service-unknown). */
export interface RepoFacts {
  /**
   * Owners named in CODEOWNERS (`@handle`, `@org/team`, e-mail). Absent when the repository has
   * no CODEOWNERS file: CM016 then does not run.
   */
  people?: readonly string[];
  /**
   * How many change documents (this one included) name each person, keyed by `personKey`;
   * build it with `countDocumentPeople` over every change document the shell knows.
   */
  peopleInDocuments?: ReadonlyMap<string, number>;
  /**
   * Names of the catalog's Component, System and Resource entities. Absent when the repository
   * has no catalog-info.yaml: CM017 then does not run.
   */
  services?: readonly string[];
}

/** The comparison key of a person: trimmed, lower case, without a leading `@`. */
export function personKey(name: string): string {
  return name.trim().replace(/^@/, '').toLowerCase();
}

/** The people a change document names: its Change Owner, its Approval value and every `by` in its status log. */
export function peopleOfDocument(doc: ChangeDocument): Set<string> {
  const out = new Set<string>();
  for (const p of doc.values.owner?.people ?? []) out.add(personKey(p));
  for (const p of doc.values.approval?.people ?? []) out.add(personKey(p));
  for (const e of doc.statusLog?.entries ?? [])
    if (e.by) for (const p of parsePeople(e.by).people) out.add(personKey(p));
  out.delete('');
  return out;
}

/** For `RepoFacts.peopleInDocuments`: in how many of the documents each person is named. */
export function countDocumentPeople(docs: Iterable<ChangeDocument>): Map<string, number> {
  const out = new Map<string, number>();
  for (const doc of docs) for (const p of peopleOfDocument(doc)) out.set(p, (out.get(p) ?? 0) + 1);
  return out;
}
