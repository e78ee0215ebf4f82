/**
 * People values (Change Owner, Approval, `by` in the log): SPEC section 2 says who is "one person".
 */
import { withoutMarkerEnds } from './values';

/** The result of reading a people value. */
export interface PeopleValue {
  /** The people named, trimmed, in order (a team counts as one entry). */
  people: string[];
  /** Whether any entry is a team (`the team`, anything with the word team, `@org/name`). */
  hasTeam: boolean;
  /** A trailing `, YYYY-MM-DD` (approvals), when present. */
  date?: string;
}

/** Whether a single name denotes a team rather than a person. */
export function isTeam(name: string): boolean {
  return /\bteams?\b/i.test(name) || /^@[\w.-]+\/[\w.-]+$/.test(name.trim());
}

/** Reads a people value: `@alice`, `Alice Smith`, `@a, @b`, `@a and @b`, `@a / @b`, `@bob, 2026-11-27`. */
export function parsePeople(value: string): PeopleValue {
  let v = withoutMarkerEnds(value.trim());
  let date: string | undefined;
  // `@bob, 2026-11-27`, `@bob 2026-11-27.`, `@bob on 2026-11-27`, `@bob (2026-11-27)`. Read
  // from the end with string operations: a regex like `[,;\s]\s*...$` is quadratic on long
  // runs of spaces.
  const d = /\(?(\d{4}-\d{2}-\d{2})\)?\s*\.?$/.exec(v);
  if (d) {
    let before = v.slice(0, d.index);
    const separated = before === '' || /[\s,;]$/.test(before);
    before = before.trimEnd();
    if (/(?:^|\s)on$/i.test(before)) before = before.slice(0, -2).trimEnd();
    if (separated && before !== '') {
      date = d[1];
      v = before.replace(/[,;]$/, '').trim();
    }
  }
  // Without a separator character or word, the split below would give the value alone.
  if (!/[,;&+/]|and|or/i.test(v)) {
    const one = v.trim();
    const out: PeopleValue = { people: one === '' ? [] : [one], hasTeam: one !== '' && isTeam(one) };
    if (date) out.date = date;
    return out;
  }
  // A GitHub team `@org/name` is one (team) entry: protect its slash from the splitter.
  const people = v
    .split(/,|;|&|\+|\band\b|\bor\b|(?<!@[\w.-]*)\/|\/(?=\s*@)/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // Assigned, not spread: a spread into a literal costs a runtime call for every value read.
  const out: PeopleValue = { people, hasTeam: people.some(isTeam) };
  if (date) out.date = date;
  return out;
}

/** Normalises a person for comparison: case-insensitive, without a leading `@`. */
export function samePerson(a: string, b: string): boolean {
  const n = (s: string) => s.trim().replace(/^@/, '').toLowerCase();
  return n(a) === n(b);
}
