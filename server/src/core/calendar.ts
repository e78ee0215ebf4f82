/**
 * The change calendar (SPEC section 9): an iCalendar (RFC 5545) feed with one event per active
 * change that has a readable window, and one per freeze. Stable across runs: the same documents
 * give the same UIDs and, at the same `now`, the same bytes (for subscriptions and diffs).
 */
import type { ChangeDocument } from './schema';
import { ACTIVE_STATUSES } from './lifecycle';
import type { Freeze } from './freezes';
import { contentLines, escapeText, stableHash, utcDateTime } from './ical';

/** A change for the calendar: its document and the path its UID is derived from. */
export interface CalendarChange {
  doc: ChangeDocument;
  /** A path that names the file the same way on every run (e.g. relative to the repository root). */
  path: string;
}

/** What the calendar needs besides the changes and freezes. */
export interface CalendarOptions {
  /** DTSTAMP of every event (when the feed was produced). */
  now: number;
  /** The product version, for PRODID. */
  version: string;
  /** The calendar's display name (X-WR-CALNAME); default "ITSMote changes". */
  name?: string;
}

/** The UID of a change: its ID and a stable hash of its path. */
export function changeUid(c: CalendarChange): string {
  return `${c.doc.id}-${stableHash(c.path)}@itsmote`;
}

/** The UID of a freeze: a stable hash of its name and span. */
export function freezeUid(f: Freeze): string {
  return `freeze-${stableHash(`${f.name}\n${f.start}\n${f.end}`)}@itsmote`;
}

/** Whether a change gets an event: an active status and a readable window. */
export function onCalendar(doc: ChangeDocument): boolean {
  const v = doc.values;
  return v.window !== undefined && v.status !== undefined && ACTIVE_STATUSES.includes(v.status);
}

interface Event {
  uid: string;
  start: number;
  end: number;
  lines: string[];
}

function changeEvent(c: CalendarChange, stamp: string): Event {
  const v = c.doc.values;
  const w = v.window!;
  const description = [
    `Change: ${c.doc.id}`,
    `Type: ${v.changeType ?? 'unknown'}`,
    `Risk: ${v.risk ?? 'unknown'}`,
    `Status: ${v.status ?? 'unknown'}`,
    `Owner: ${v.owner?.people.join(', ') || 'unknown'}`,
    `Services: ${v.services.join(', ') || 'none'}`,
    `File: ${c.path}`,
  ].join('\n');
  const uid = changeUid(c);
  return {
    uid,
    start: w.start,
    end: w.end,
    lines: [
      'BEGIN:VEVENT',
      `UID:${escapeText(uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(w.start)}`,
      `DTEND:${utcDateTime(w.end)}`,
      `SUMMARY:${escapeText(c.doc.title?.trim() || c.doc.id)}`,
      `DESCRIPTION:${escapeText(description)}`,
      // Planned is not yet agreed; Approved and later are.
      `STATUS:${v.status === 'Planned' ? 'TENTATIVE' : 'CONFIRMED'}`,
      `CATEGORIES:${['Change', v.changeType, v.risk ? `${v.risk} risk` : undefined]
        .filter((x): x is string => !!x)
        .map(escapeText)
        .join(',')}`,
      'END:VEVENT',
    ],
  };
}

function freezeEvent(f: Freeze, stamp: string): Event {
  const description = [
    `Services: ${f.services.length ? f.services.join(', ') : 'all services'}`,
    `Allowed change types: ${f.allow.length ? f.allow.join(', ') : 'none'}`,
  ].join('\n');
  const uid = freezeUid(f);
  return {
    uid,
    start: f.start,
    end: f.end,
    lines: [
      'BEGIN:VEVENT',
      `UID:${escapeText(uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(f.start)}`,
      `DTEND:${utcDateTime(f.end)}`,
      `SUMMARY:${escapeText(`Change freeze: ${f.name}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'STATUS:CONFIRMED',
      'CATEGORIES:Change freeze',
      // A freeze does not make anyone busy: subscribers' free/busy stays free.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ],
  };
}

/** The iCalendar text (CRLF line ends, folded lines) of the changes on the calendar and the freezes. */
export function renderCalendar(
  changes: readonly CalendarChange[],
  freezes: readonly Freeze[],
  opts: CalendarOptions,
): string {
  const stamp = utcDateTime(opts.now);
  const events = [
    ...changes.filter((c) => onCalendar(c.doc)).map((c) => changeEvent(c, stamp)),
    ...freezes.map((f) => freezeEvent(f, stamp)),
  ];
  events.sort((a, b) => a.start - b.start || a.end - b.end || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  const name = opts.name ?? 'ITSMote changes';
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//ITSMote//itsmote-changes ${escapeText(opts.version)}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `NAME:${escapeText(name)}`,
    // Subscribers refresh hourly (RFC 7986, and the common X- property).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...events.flatMap((e) => e.lines),
    'END:VCALENDAR',
  ]);
}
