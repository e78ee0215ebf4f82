/**
 * The status log (SPEC sections 3 and 8): its entries, read from the lists of its section, and
 * where a new entry goes so that an edit appends exactly one line to the log as it is written.
 *
 * An entry is `<timestamp> [sep] <Status>[ by <person>][: <note>]`: a task-list marker before it
 * (`[x] `) and emphasis around the status are ignored, `sep` may be `:` or a dash. An item that
 * starts with a status but has no timestamp is an entry whose time cannot be read (CM005), and
 * so is an item whose time is still the placeholder `YYYY-MM-DD HH:MM UTC` of a log skeleton.
 */
import type { List, ListItem } from 'mdast';
import type { ParsedMarkdown } from './parse';
import type { LogEntry, StatusLog } from './schema';
import type { RawSection } from './sections';
import type { Status } from './fields';
import { foldName, STATUSES } from './fields';
import { readTimestamp } from './time';
import { isPlaceholder } from './values';
import { isSpaceAt } from './white-space';

/** The time a log skeleton writes for a step whose time the user must fill in. */
export const PLACEHOLDER_TIME = 'YYYY-MM-DD HH:MM UTC';
/** The author a log skeleton writes for a step whose author the user must fill in. */
export const PLACEHOLDER_AUTHOR = '...';

// Longest first, so that "In Progress" is not read as something shorter.
const STATUS_ALTERNATION = [...STATUSES]
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(' ', '\\s+'))
  .join('|');
// Emphasis around the status (`**Approved**`) is allowed.
const STATUS_AT_START = new RegExp(`^[*_]*(${STATUS_ALTERNATION})[*_]*(?![\\w-])`, 'i');
const ZONE_THEN_STATUS = new RegExp(`^([A-Za-z]{2,5})\\s+(${STATUS_ALTERNATION})(?![\\w-])`, 'i');
const STATUS_ANYWHERE = new RegExp(`(?<![\\w-])(${STATUS_ALTERNATION})(?![\\w-])`, 'i');
const TASK_MARKER = /^\[[ xX]\][ \t]+/;
const PLACEHOLDER_STAMP = /^Y{4}-M{2}-D{2}(?:[ T]+H{2}:M{2})?(?:[ \t]*(?:UTC|GMT|Z)\b)?/i;
const SEPARATOR = /^[-\u2013\u2014:|][ \t]*/;

const STATUS_BY_FOLDED = new Map(STATUSES.map((s) => [s.toLowerCase(), s]));
const STATUS_AS_WRITTEN = new Map(STATUSES.map((s) => [s, s]));

function canonicalStatus(text: string) {
  // Most logs spell the status as the catalogue does, which needs no folding.
  return STATUS_AS_WRITTEN.get(text as Status) ?? STATUS_BY_FOLDED.get(foldName(text));
}

/** `text` without a leading separator (`SEPARATOR`); the regex only when the first character is one. */
function withoutSeparator(text: string): string {
  const c = text.charCodeAt(0);
  const separator = c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x3a || c === 0x7c;
  return separator ? text.replace(SEPARATOR, '') : text;
}

/** What follows the timestamp (its first `length` characters) and the separator after it. */
function after(text: string, length: number): string {
  return withoutSeparator(text.slice(length).trim());
}

/** Whether a log line that does not start with an ISO date still looks like a timestamp. */
function looksLikeDate(line: string): boolean {
  return /^\d/.test(line) || /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.test(line);
}

/**
 * Where the person starts after a leading `by` (`/^\s*by\s+/i`: white space, `by` in any case,
 * then white space), or -1 when `head` does not start so. By hand: the regex's match array is
 * one more object per entry.
 */
function afterBy(head: string): number {
  let i = 0;
  while (isSpaceAt(head, i)) i++;
  if ((head.charCodeAt(i) | 0x20) !== 0x62 || (head.charCodeAt(i + 1) | 0x20) !== 0x79) return -1;
  i += 2;
  if (!isSpaceAt(head, i)) return -1;
  while (isSpaceAt(head, i)) i++;
  return i;
}

/** An entry being read: its properties are added in the order the model has always written them. */
type Draft = Omit<LogEntry, 'statusText'> & { statusText?: string };

/**
 * Adds `by <person>` and `: <note>` after the status to an entry; a placeholder person (`...`,
 * `TBD`) is no person. Assigned, not spread: a spread into a literal costs a runtime call.
 */
function addTail(entry: Draft, rest: string): LogEntry {
  const colon = rest.indexOf(':');
  const head = colon >= 0 ? rest.slice(0, colon) : rest;
  const note = colon >= 0 ? rest.slice(colon + 1).trim() : undefined;
  const byEnd = afterBy(head);
  const by = byEnd >= 0 ? head.slice(byEnd).trim() || undefined : undefined;
  if (by && !isPlaceholder(by)) entry.by = by;
  if (note) entry.note = note;
  return entry as LogEntry;
}

/**
 * Adds the status at the start of `rest` (after the timestamp and its separator) and what
 * follows it. `m` is `STATUS_AT_START.exec(rest)` when the caller has it already.
 */
function addStatusAndTail(
  entry: Draft,
  rest: string,
  m: RegExpExecArray | null = STATUS_AT_START.exec(rest),
): LogEntry {
  if (m) {
    entry.status = canonicalStatus(m[1]!);
    entry.statusText = m[1]!;
    return addTail(entry, rest.slice(m[0].length));
  }
  const statusText = rest.split(/\sby\s|:/i)[0]!.trim();
  entry.statusText = statusText;
  return addTail(entry, rest.slice(statusText.length));
}

/** Reads one status log list item; undefined when it is not an entry (a note). */
export function readLogEntry(md: ParsedMarkdown, item: ListItem): LogEntry | undefined {
  const first = item.children[0];
  if (!first?.position || !item.position) return undefined;
  let lineStart = (first.position.start.offset ?? 0) + md.base;
  // The rest of the line from the item's content (empty when that offset is on the line break).
  let text = md.text.slice(lineStart, md.lines.lineEnd(md.lines.positionAt(lineStart).line)).trimEnd();
  const task = TASK_MARKER.exec(text);
  if (task) {
    lineStart += task[0].length;
    text = text.slice(task[0].length);
  }
  const itemStart = (item.position.start.offset ?? 0) + md.base;
  const range = md.lines.rangeOf(itemStart, lineStart + text.length);

  // The placeholder stamp starts with `Y`: the regex only when it can match.
  const placeholder = (text.charCodeAt(0) | 0x20) === 0x79 ? PLACEHOLDER_STAMP.exec(text) : null;
  if (placeholder) {
    const entry: Draft = {
      range,
      timestampRange: md.lines.rangeOf(lineStart, lineStart + placeholder[0].length),
      timestampError: 'the time is still the placeholder of a log skeleton; write when this step happened',
    };
    return addStatusAndTail(entry, after(text, placeholder[0].length));
  }
  const ts = readTimestamp(text);
  if (ts.ok) {
    // A separator between time and status is common (`09:15 UTC - Approved`, `09:15 UTC: Approved`).
    const rest = after(text, ts.value.length);
    // `10:02 CET Planned`: the word before the status is a zone we cannot read, not part of the status.
    const status = STATUS_AT_START.exec(rest);
    const zone = status ? undefined : ZONE_THEN_STATUS.exec(rest);
    if (zone) {
      const zoneEnd = lineStart + (text.length - rest.length) + zone[1]!.length;
      const entry: Draft = {
        range,
        timestampRange: md.lines.rangeOf(lineStart, zoneEnd),
        timestampError: `unknown time zone "${zone[1]}"; write UTC, Z or an offset such as +02:00`,
        status: canonicalStatus(zone[2]!),
        statusText: zone[2]!,
      };
      return addTail(entry, rest.slice(zone[0].length));
    }
    const entry: Draft = {
      range,
      timestampRange: md.lines.rangeOf(lineStart, lineStart + ts.value.length),
      at: ts.value.instant,
    };
    return addStatusAndTail(entry, rest, status);
  }
  if (!looksLikeDate(text)) {
    // `- Approved by @bob yesterday`: a transition written without its time (SPEC section 8).
    const status = STATUS_AT_START.exec(text);
    if (!status) return undefined;
    const entry: Draft = {
      range,
      timestampRange: md.lines.rangeOf(lineStart, lineStart),
      timestampError: 'it has no timestamp',
    };
    return addStatusAndTail(entry, text, status);
  }
  // An unreadable timestamp: still find the status so that lifecycle rules can use the entry.
  const m = STATUS_ANYWHERE.exec(text);
  const word = text.search(/\s[A-Za-z]{3,}/);
  const tsEnd = m ? m.index : word >= 0 ? word : text.length;
  const entry: Draft = {
    range,
    timestampRange: md.lines.rangeOf(lineStart, lineStart + text.slice(0, tsEnd).trimEnd().length),
    timestampError: ts.error,
    status: m ? canonicalStatus(m[1]!) : undefined,
    statusText: m
      ? m[1]!
      : text
          .slice(tsEnd)
          .trim()
          .split(/\sby\s|:/i)[0]!
          .trim(),
  };
  return m ? addTail(entry, text.slice(m.index + m[0].length)) : (entry as LogEntry);
}

function offsets(
  node: { position?: { start: { offset?: number }; end: { offset?: number } } },
  base: number,
): [number, number] {
  return [(node.position?.start.offset ?? 0) + base, (node.position?.end.offset ?? 0) + base];
}

/** Offset of the end of the line where a node's last non-space character is. */
function lastLineEnd(md: ParsedMarkdown, node: ListItem): number {
  let end = offsets(node, md.base)[1];
  while (end > 0 && isSpaceAt(md.text, end - 1)) end--;
  return md.lines.lineEnd(md.lines.positionAt(end).line);
}

/**
 * How the list writes an item before its text: indentation, marker and spacing, and a task box
 * (`- `, `  * [x] `); for an ordered list, with the number after the list's last item.
 */
function itemPrefix(md: ParsedMarkdown, like: ListItem, last: ListItem): string {
  const [start] = offsets(like, md.base);
  const first = like.children[0];
  const contentStart = first ? offsets(first, md.base)[0] : start;
  const lineStart = md.lines.lineStart(md.lines.positionAt(start).line);
  let prefix = md.text.slice(lineStart, contentStart);
  if (!/^[ \t]*([-*+]|\d{1,9}[.)])[ \t]*$/.test(prefix)) return '- ';
  const task = TASK_MARKER.exec(md.text.slice(contentStart, md.lines.lineEnd(md.lines.positionAt(contentStart).line)));
  if (task) prefix += task[0];
  const lastNumber = /^\d{1,9}/.exec(md.text.slice(offsets(last, md.base)[0]));
  return lastNumber ? prefix.replace(/\d{1,9}/, String(Number(lastNumber[0]) + 1)) : prefix;
}

/** Whether the list separates two of its items by a blank line (a loose list, as markdown says). */
function isLoose(md: ParsedMarkdown, list: List): boolean {
  for (let k = 1; k < list.children.length; k++) {
    const gap = md.text.slice(offsets(list.children[k - 1]!, md.base)[1], offsets(list.children[k]!, md.base)[0]);
    if (/\n[ \t]*\r?\n|\r[ \t]*\r/.test(gap)) return true;
  }
  return false;
}

/** Reads the status log section into entries (oldest first, as written) and where to append. */
export function readStatusLog(md: ParsedMarkdown, raw: RawSection): StatusLog {
  const lists = raw.nodes.filter((n): n is List => n.type === 'list');
  const entries: LogEntry[] = [];
  let lastEntryItem: ListItem | undefined;
  let lastEntryList: List | undefined;
  for (const list of lists) {
    for (const item of list.children) {
      const e = readLogEntry(md, item);
      if (!e) continue;
      entries.push(e);
      lastEntryItem = item;
      lastEntryList = list;
    }
  }
  // After the list holding the last entry (its notes stay with it), else after the last list.
  const list = lastEntryList ?? lists[lists.length - 1];
  const lastItem = list?.children[list.children.length - 1];
  if (list && lastItem) {
    return {
      headingRange: raw.section.headingRange,
      entries,
      appendOffset: lastLineEnd(md, lastItem),
      hasList: true,
      prefix: itemPrefix(md, lastEntryItem ?? lastItem, lastItem),
      loose: isLoose(md, list),
    };
  }
  return {
    headingRange: raw.section.headingRange,
    entries,
    appendOffset: raw.section.endOffset,
    hasList: false,
    prefix: '- ',
    loose: false,
  };
}
