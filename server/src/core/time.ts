/**
 * Timestamps and execution windows (SPEC section 2 and 7). Times are read into UTC instants;
 * anything unreadable is a `{ ok: false, error }`, never an exception.
 */
import { withoutMarkerEnds } from './values';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** An execution window as UTC instants (ms since epoch). */
export interface Window {
  start: number;
  end: number;
  /** Whether the end was written (otherwise it is the 60-minute default). */
  explicitEnd: boolean;
}

const DEFAULT_WINDOW_MINUTES = 60;
const MINUTE = 60_000;

/** A timestamp at the start of a string: the instant, how many characters it used, its zone offset. */
export interface TimestampMatch {
  instant: number;
  length: number;
  /** Zone offset in minutes east of UTC (0 for UTC/Z/none). */
  offsetMinutes: number;
}

// date, time, optional seconds, optional zone (with or without a space before it)
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})(?!\w|:\S))?/i;
const LOOSE_DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{1,2}))?/;

/**
 * The value of a run of ASCII digits, as `Number` gives it for the `\d` groups of a match. By
 * hand: `Number` of a fresh substring is a call into the runtime, and a log has many timestamps.
 */
function digits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function zoneOffset(zone: string | undefined): number {
  // `UTC` as logs write it, without the regex.
  if (!zone || zone === 'UTC' || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

// January to December; February's is isLeapYear's.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether February of `y` has 29 days, as `Date.UTC(y, 2, 0)` says (without making a Date): the
 * Gregorian rule, and years 0 to 99 read as 1900 to 1999 (so `0000` is not a leap year).
 */
function isLeapYear(y: number): boolean {
  const year = y >= 0 && y <= 99 ? 1900 + y : y;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function instantOf(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number): Parsed<number> {
  if (mo < 1 || mo > 12) return { ok: false, error: `month ${mo} does not exist` };
  const daysInMonth = mo === 2 ? (isLeapYear(y) ? 29 : 28) : DAYS_IN_MONTH[mo - 1]!;
  if (d < 1 || d > daysInMonth)
    return { ok: false, error: `day ${d} does not exist in ${y}-${String(mo).padStart(2, '0')}` };
  if (h > 23 || mi > 59 || s > 59)
    return { ok: false, error: `time ${h}:${String(mi).padStart(2, '0')} does not exist` };
  return { ok: true, value: Date.UTC(y, mo - 1, d, h, mi, s) - offset * MINUTE };
}

/**
 * Reads a `YYYY-MM-DD HH:MM[:SS] [zone]` timestamp at the start of `text`. No zone means UTC.
 * Returns an error that says what is wrong when the text starts like a date but cannot be read.
 */
export function readTimestamp(text: string): Parsed<TimestampMatch> {
  const m = TIMESTAMP.exec(text);
  if (!m) {
    const loose = LOOSE_DATE_TIME.exec(text);
    if (loose && loose[4] === undefined) return { ok: false, error: 'a time (HH:MM) is missing after the date' };
    const zone = /^\d{4}-\d{2}-\d{2}[ T]+\d{1,2}:\d{2}\s*([A-Za-z]{2,5})\b/.exec(text);
    if (zone) return { ok: false, error: `unknown time zone "${zone[1]}"; write UTC, Z or an offset such as +02:00` };
    return { ok: false, error: 'expected YYYY-MM-DD HH:MM with an optional zone (UTC, Z, +02:00)' };
  }
  const offset = zoneOffset(m[7]);
  // Real offsets run from -12:00 to +14:00 with minutes under 60; `+25:00` is a typo, not a zone.
  // The minutes of a numeric offset (`+02:75`); a zone word has none.
  const sign = m[7]?.charCodeAt(0);
  const zoneMinutes = sign === 0x2b || sign === 0x2d ? digits(m[7]!.slice(-2)) : 0;
  if (offset < -12 * 60 || offset > 14 * 60 || zoneMinutes > 59) {
    const asEnd = m[7]!.startsWith('-') ? `; for an end, write " - ${m[7]!.slice(1)}" with spaces` : '';
    return {
      ok: false,
      error: `time zone offset "${m[7]}" does not exist (offsets run from -12:00 to +14:00)${asEnd}`,
    };
  }
  const instant = instantOf(
    digits(m[1]!),
    digits(m[2]!),
    digits(m[3]!),
    digits(m[4]!),
    digits(m[5]!),
    m[6] === undefined ? 0 : digits(m[6]),
    offset,
  );
  if (!instant.ok) return instant;
  return { ok: true, value: { instant: instant.value, length: m[0].length, offsetMinutes: offset } };
}

const DURATION = /^,?\s*(?:for\s+)?(\d+(?:\.\d+)?)\s*(m|min|mins|minute|minutes|h|hr|hrs|hour|hours)\.?$/i;
const END =
  /^(?:,\s*)?(?:\u2013|\u2014|-|to|until)\s*(?:(\d{4}-\d{2}-\d{2})[ T]+)?(\d{1,2}):(\d{2})(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$/i;

// `14:00-15:00 UTC`: a `-HH:MM` glued to the time reads as an ISO offset, unless a zone word
// follows it, which makes it an end (an offset and a zone together mean nothing).
const GLUED_END = /^(\d{4}-\d{2}-\d{2}[ T]+\d{1,2}:\d{2})-(\d{1,2}:\d{2})\s*(Z|UTC|GMT)$/i;

/**
 * `value` without a note in parentheses at its end (SPEC section 8: `..., 60 min (CAB slot, Tue)`).
 * Parentheses inside the note nest; a value that is only parentheses keeps them.
 */
export function withoutTrailingNote(value: string): string {
  const t = value.trimEnd();
  if (!t.endsWith(')')) return value;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === ')') depth++;
    else if (t[i] === '(' && --depth === 0)
      return i > 0 && t.slice(0, i).trim() !== '' ? t.slice(0, i).trimEnd() : value;
  }
  return value;
}

/** Reads a Planned execution time value (SPEC sections 7 and 8, "Windows"). */
export function parseWindow(value: string): Parsed<Window> {
  const bare = withoutMarkerEnds(withoutTrailingNote(withoutMarkerEnds(value.trim())));
  // A test before the replace: replace builds a new string even when nothing matches.
  const text = GLUED_END.test(bare) ? bare.replace(GLUED_END, '$1 $3 - $2') : bare;
  const ts = readTimestamp(text);
  if (!ts.ok) return ts;
  const start = ts.value.instant;
  const rest = text.slice(ts.value.length).trim();
  if (rest === '')
    return { ok: true, value: { start, end: start + DEFAULT_WINDOW_MINUTES * MINUTE, explicitEnd: false } };
  const dur = DURATION.exec(rest);
  if (dur) {
    const n = Number(dur[1]);
    const minutes = (dur[2]!.charCodeAt(0) | 0x20) === 0x68 ? n * 60 : n;
    if (!(minutes > 0)) return { ok: false, error: 'the window has no length; give a positive duration' };
    return { ok: true, value: { start, end: start + Math.round(minutes * MINUTE), explicitEnd: true } };
  }
  const end = END.exec(rest);
  if (end) {
    const offset = end[5] !== undefined ? zoneOffset(end[5]) : ts.value.offsetMinutes;
    // The end's date: written, or the start's local date in the start's zone.
    const startLocal = new Date(start + ts.value.offsetMinutes * MINUTE);
    const [y, mo, d] = end[1]
      ? end[1].split('-').map(Number)
      : [startLocal.getUTCFullYear(), startLocal.getUTCMonth() + 1, startLocal.getUTCDate()];
    const endInstant = instantOf(y!, mo!, d!, Number(end[2]), Number(end[3]), 0, offset);
    if (!endInstant.ok) return endInstant;
    let e = endInstant.value;
    if (!end[1] && e < start) e += 24 * 60 * MINUTE; // crosses midnight
    if (e === start) return { ok: false, error: 'the window ends when it starts; give an end after the start' };
    if (e < start) return { ok: false, error: 'the window ends before it starts' };
    return { ok: true, value: { start, end: e, explicitEnd: true } };
  }
  const zone = /^([A-Za-z]{2,5})\b/.exec(rest);
  if (zone && !/^(to|until)$/i.test(zone[1]!)) {
    return { ok: false, error: `unknown time zone "${zone[1]}"; write UTC, Z or an offset such as +02:00` };
  }
  return {
    ok: false,
    error: `cannot read "${rest.replace(/^,\s*/, '')}" after the start time; write ", 90 min", ", 2 h" or "– HH:MM"`,
  };
}

/** Formats an instant as the log writes it: `YYYY-MM-DD HH:MM UTC`. */
export function formatUtc(instant: number): string {
  const d = new Date(instant);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

/** The UTC month of an instant, `YYYY-MM`. */
export function utcMonth(instant: number): string {
  return formatUtc(instant).slice(0, 7);
}
