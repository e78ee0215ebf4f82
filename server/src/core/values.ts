/**
 * Value semantics shared by the model and the rules: placeholders, enum matching, lists and
 * did-you-mean. Pure functions over strings.
 */
import { isNormalSpaced, isSpaceAt } from './white-space';

const PLACEHOLDERS = ['tbd', 'todo', 'n/a', 'na', 'none', '-', '?', '...', '…'];

/**
 * Whether a header value counts as missing (SPEC section 2 and 7): empty, a placeholder alone or
 * followed by punctuation only, or anything that starts with TBD/TODO.
 */
export function isPlaceholder(value: string): boolean {
  // A value that starts with a letter or digit other than t or n (TBD, TODO, N/A, none) starts
  // the same after stripping, so it is neither empty, nor TBD/TODO, nor a placeholder word.
  if (startsPlainly(value, 0x74, 0x6e)) return false;
  const v = stripInlineMarkup(value).trim().toLowerCase();
  if (v === '') return true;
  if (/^(tbd|todo)\b/.test(v)) return true;
  const core = trimTrailing(v, TRAILING_PUNCTUATION);
  if (core === '') return true; // only punctuation: `-`, `?`, `...`
  return PLACEHOLDERS.includes(core) || PLACEHOLDERS.includes(v);
}

const TRAILING_PUNCTUATION = new Set([...' \t\n\r.,;:!?…-']);

/**
 * `value` without the trailing characters in `chars`. A loop, not `/[...]+$/`: that regex is
 * quadratic on long runs of those characters followed by something else.
 */
function trimTrailing(value: string, chars: ReadonlySet<string>): string {
  let end = value.length;
  while (end > 0 && chars.has(value[end - 1]!)) end--;
  return value.slice(0, end);
}

/**
 * Whether a header value is a value (SPEC section 2): neither a placeholder nor "see below". Both
 * tests answer most values (`High`, `@alice`, `2026-...`) from their first character.
 */
export function hasValue(value: string): boolean {
  return !isPlaceholder(value) && !isSeeBelow(value);
}

/** Whether a value says "see below" (case-insensitive, trailing punctuation ignored). */
export function isSeeBelow(value: string): boolean {
  // Only a value starting with `s` (or white space or markup) can say "see below".
  if (startsPlainly(value, 0x73)) return false;
  return /^see below[\s.:;,!]*$/i.test(stripInlineMarkup(value).trim());
}

/**
 * Whether `value` starts with an ASCII letter, digit or `@`, other than the lower-case letters
 * `a` and `b` (either case): its first character then survives `stripInlineMarkup` and `trim`.
 * Two parameters, not a rest array: this runs for every header value.
 */
function startsPlainly(value: string, a: number, b = a): boolean {
  const c = value.charCodeAt(0);
  const lower = c | 0x20;
  const plain = (c >= 0x30 && c <= 0x39) || c === 0x40 || (lower >= 0x61 && lower <= 0x7a);
  return plain && lower !== a && lower !== b;
}

/** Whether a character is white space or one of the markers `stripInlineMarkup` removes. */
function isMarkupOrSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 42 || c === 95 || c === 96 || c === 126 || isSpaceAt(text, i);
}

/** Removes emphasis/code markers around a short value: `**High**` -> `High`. */
export function stripInlineMarkup(value: string): string {
  // Nothing to remove when neither end is white space or a marker.
  if (value.length > 0 && !isMarkupOrSpace(value, 0) && !isMarkupOrSpace(value, value.length - 1)) return value;
  return value
    .trim()
    .replace(/^[*_`~]+|[*_`~]+$/g, '')
    .trim();
}

/**
 * `value.replace(/^[*_`]+|[*_`]+$/g, '')`: emphasis and code markers off both ends, white space
 * kept. The regex only when an end is a marker.
 */
export function withoutMarkerEnds(value: string): string {
  const mark = (c: number) => c === 42 || c === 95 || c === 96;
  if (!mark(value.charCodeAt(0)) && !mark(value.charCodeAt(value.length - 1))) return value;
  return value.replace(/^[*_`]+|[*_`]+$/g, '');
}

/** Case-insensitive match of a value against an enum; returns the canonical spelling. */
export function matchEnum<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const stripped = stripInlineMarkup(value).trim();
  // Single spaces already: the replace would give it back unchanged.
  const v = (isNormalSpaced(stripped) ? stripped : stripped.replace(/\s+/g, ' ')).toLowerCase();
  let byLower = enumsByLower.get(allowed);
  if (!byLower) {
    // The first of equal spellings wins, as `find` would.
    byLower = new Map();
    for (const a of allowed) if (!byLower.has(a.toLowerCase())) byLower.set(a.toLowerCase(), a);
    enumsByLower.set(allowed, byLower);
  }
  return byLower.get(v) as T | undefined;
}

/** Each enum's values by their lower-case spelling, built on first use (once per list). */
const enumsByLower = new WeakMap<readonly string[], Map<string, string>>();

/** Splits a comma-separated list (also `;`), trimming and dropping empty items. */
export function splitList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((s) => stripInlineMarkup(s.trim()))
    .filter((s) => s !== '');
}

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The closest candidate to `value`, or undefined when none is close enough. "Close" allows about
 * one edit per three characters, or a prefix of at least three characters (`Rollb` -> `Rollback plan`).
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const limit = Math.max(1, Math.floor(Math.max(v.length, c.length) / 3));
    const prefix = v.length >= 3 && c.toLowerCase().startsWith(v);
    // The distance is at least the length difference: skip the O(n·m) table when it cannot be close.
    if (!prefix && Math.abs(v.length - c.length) > limit) continue;
    const d = editDistance(v, c);
    const score = prefix ? Math.min(d, 0.5) : d;
    if ((d <= limit || prefix) && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Incident references in a value: `INC-1234`, `SEC-12`, `#123` or a URL. */
export function incidentRefs(value: string): string[] {
  const refs = value.match(/\b[A-Z][A-Z0-9]*-\d+\b|#\d+\b|https?:\/\/\S+/gi) ?? [];
  return [...new Set(refs.map((r) => (/^https?:/i.test(r) ? r : r.toUpperCase())))];
}
