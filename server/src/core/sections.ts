/**
 * `##` sections: their names, whether they have content, and the status log inside
 * `## Status log` (SPEC section 3).
 */
import type { Heading, ListItem, List, RootContent } from 'mdast';
import type { ParsedMarkdown } from './parse';
import type { LogEntry, Section, StatusLog } from './schema';
import { fieldByName, foldName, STATUSES } from './fields';
import { readTimestamp } from './time';
import { bulletOf, endOffsetOf, stripClosingHashes } from './header';

/** A `##` section with the top-level nodes it holds. */
export interface RawSection {
  section: Section;
  heading: Heading;
  nodes: RootContent[];
}

function start(node: RootContent, base: number): number {
  return (node.position?.start.offset ?? 0) + base;
}
function end(node: RootContent, base: number): number {
  return (node.position?.end.offset ?? 0) + base;
}

/** Collects the depth-2 sections; a section runs to the next heading of depth 1 or 2. */
export function readSections(md: ParsedMarkdown): RawSection[] {
  const out: RawSection[] = [];
  const children = md.root.children;
  for (let i = 0; i < children.length; i++) {
    const h = children[i]!;
    if (h.type !== 'heading' || h.depth !== 2) continue;
    const nodes: RootContent[] = [];
    let j = i + 1;
    for (; j < children.length; j++) {
      const n = children[j]!;
      if (n.type === 'heading' && n.depth <= 2) break;
      nodes.push(n);
    }
    const headingText = headingName(md, h);
    const contentEnd = nodes.length ? end(nodes[nodes.length - 1]!, md.base) : end(h, md.base);
    const content = md.text.slice(end(h, md.base), contentEnd);
    out.push({
      heading: h,
      nodes,
      section: {
        name: headingText,
        key: fieldByName(headingText)?.key,
        headingRange: md.lines.nodeRange(h, md.base),
        nonEmpty: content.replace(/<!--[\s\S]*?-->/g, '').trim() !== '',
        endOffset: contentEnd,
      },
    });
  }
  return out;
}

/** The heading's text as written, without `#` markers and markup. */
function headingName(md: ParsedMarkdown, h: Heading): string {
  const raw = md.text.slice(start(h as RootContent, md.base), end(h as RootContent, md.base));
  return stripClosingHashes(raw)
    .replace(/^#+\s*/, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Longest first, so that "In Progress" is not read as something shorter.
const STATUS_ALTERNATION = [...STATUSES].sort((a, b) => b.length - a.length).map((s) => s.replace(' ', '\\s+')).join('|');
// Emphasis around the status (`**Approved**`) is allowed.
const STATUS_AT_START = new RegExp(`^[*_]*(${STATUS_ALTERNATION})[*_]*(?![\\w-])`, 'i');
const ZONE_THEN_STATUS = new RegExp(`^([A-Za-z]{2,5})\\s+(${STATUS_ALTERNATION})(?![\\w-])`, 'i');
const STATUS_ANYWHERE = new RegExp(`(?<![\\w-])(${STATUS_ALTERNATION})(?![\\w-])`, 'i');

function canonicalStatus(text: string) {
  const folded = foldName(text);
  return STATUSES.find((s) => s.toLowerCase() === folded);
}

/** Whether a log line that does not start with an ISO date still looks like a timestamp. */
function looksLikeDate(line: string): boolean {
  return /^\d/.test(line) || /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i.test(line);
}

/** Reads `by <person>` and `: <note>` after the status. */
function readTail(rest: string): { by?: string; note?: string } {
  const colon = rest.indexOf(':');
  const head = colon >= 0 ? rest.slice(0, colon) : rest;
  const note = colon >= 0 ? rest.slice(colon + 1).trim() : undefined;
  const byWord = /^\s*by\s+/i.exec(head);
  const by = byWord ? head.slice(byWord[0].length).trim() || undefined : undefined;
  return { ...(by ? { by } : {}), ...(note ? { note } : {}) };
}

/** Reads one status log list item; undefined when it is not an entry (no date at its start). */
export function readLogEntry(md: ParsedMarkdown, item: ListItem): LogEntry | undefined {
  const first = item.children[0];
  if (!first?.position || !item.position) return undefined;
  const lineStart = (first.position.start.offset ?? 0) + md.base;
  const line = md.lines.lineText(md.lines.positionAt(lineStart).line);
  const col = md.lines.positionAt(lineStart).character;
  const text = line.slice(col).trimEnd();
  const itemStart = (item.position.start.offset ?? 0) + md.base;
  const range = md.lines.rangeOf(itemStart, lineStart + text.length);
  const ts = readTimestamp(text);
  if (ts.ok) {
    // A separator between time and status is common (`09:15 UTC - Approved`, `09:15 UTC: Approved`).
    const rest = text.slice(ts.value.length).trim().replace(/^[-–—:|]\s*/, '');
    const m = STATUS_AT_START.exec(rest);
    // `10:02 CET Planned`: the word before the status is a zone we cannot read, not part of the status.
    const zone = m ? undefined : ZONE_THEN_STATUS.exec(rest);
    if (zone) {
      const zoneEnd = lineStart + (text.length - rest.length) + zone[1]!.length;
      return {
        range,
        timestampRange: md.lines.rangeOf(lineStart, zoneEnd),
        timestampError: `unknown time zone "${zone[1]}"; write UTC, Z or an offset such as +02:00`,
        status: canonicalStatus(zone[2]!),
        statusText: zone[2]!,
        ...readTail(rest.slice(zone[0].length)),
      };
    }
    const statusText = m ? m[1]! : rest.split(/\sby\s|:/i)[0]!.trim();
    const tail = readTail(m ? rest.slice(m[0].length) : rest.slice(statusText.length));
    return {
      range,
      timestampRange: md.lines.rangeOf(lineStart, lineStart + ts.value.length),
      at: ts.value.instant,
      status: m ? canonicalStatus(m[1]!) : undefined,
      statusText,
      ...tail,
    };
  }
  if (!looksLikeDate(text)) return undefined;
  // An unreadable timestamp: still find the status so that lifecycle rules can use the entry.
  const m = STATUS_ANYWHERE.exec(text);
  const tsEnd = m ? m.index : text.search(/\s[A-Za-z]{3,}/) >= 0 ? text.search(/\s[A-Za-z]{3,}/) : text.length;
  return {
    range,
    timestampRange: md.lines.rangeOf(lineStart, lineStart + text.slice(0, tsEnd).trimEnd().length),
    timestampError: ts.error,
    status: m ? canonicalStatus(m[1]!) : undefined,
    statusText: m ? m[1]! : text.slice(tsEnd).trim().split(/\sby\s|:/i)[0]!.trim(),
    ...(m ? readTail(text.slice(m.index + m[0].length)) : {}),
  };
}

/** Reads the `## Status log` section into entries, oldest first as written. */
export function readStatusLog(md: ParsedMarkdown, raw: RawSection): StatusLog {
  const lists = raw.nodes.filter((n): n is List => n.type === 'list');
  const entries: LogEntry[] = [];
  for (const list of lists) {
    for (const item of list.children) {
      const e = readLogEntry(md, item);
      if (e) entries.push(e);
    }
  }
  const lastList = lists[lists.length - 1];
  return {
    headingRange: raw.section.headingRange,
    entries,
    appendOffset: lastList ? endOffsetOf(md, lastList) : (raw.heading.position?.end.offset ?? 0) + md.base,
    hasList: lastList !== undefined,
    bullet: lastList ? bulletOf(md, lastList) : '-',
  };
}
