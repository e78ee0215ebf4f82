/**
 * Finds the header list (SPEC section 2) in the mdast and reads its items. Works on source text
 * slices rather than mdast text so that values keep their markup (`code`, links) verbatim.
 */
import type { List, ListItem, Heading, RootContent } from 'mdast';
import type { ParsedMarkdown } from './parse';
import type { HeaderItem } from './schema';
import { fieldByName } from './fields';
import { detached, isNormalSpaced, isSpaceAt } from './white-space';

/** The header list node and the title H1, if any. */
export interface HeaderNodes {
  /** The header's first list. */
  list?: List;
  /**
   * Every list of the header: `list` and the bullet lists after it with nothing in between but
   * HTML comments. Markdown starts a new list when the bullet changes (`-` then `*`, SPEC
   * section 7) and after a comment on its own line (SPEC section 8); they are still one header.
   */
  lists: List[];
  /** The first H1 before the first `##` (or deeper) heading, before or after the header. */
  h1?: Heading;
  /** Index in `root.children` just after the header's last list (where the header stopped). */
  after: number;
  /** Index of the first heading of depth 2 or more (`root.children.length` when none). */
  zoneEnd: number;
}

/** Whether a text holds HTML comments and white space only (and at least one comment). */
export function onlyComments(text: string): boolean {
  return text.includes('<!--') && text.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}

/** Whether a top-level node is an HTML block of comments only (it does not end a list, SPEC section 8). */
export function isCommentBlock(md: ParsedMarkdown, node: RootContent): boolean {
  if (node.type !== 'html') return false;
  const o = offsetsOf(node, md.base);
  return o !== undefined && onlyComments(md.text.slice(o[0], o[1]));
}

/**
 * The first top-level bullet list before the first `##` (or deeper) heading, the lists that
 * continue it, and the first H1 before that heading. Nodes that start before `from` (an mdast
 * offset: YAML front matter, see `frontMatterEnd`) are skipped.
 */
export function findHeaderNodes(md: ParsedMarkdown, from = 0): HeaderNodes {
  let h1: Heading | undefined;
  let list: List | undefined;
  const lists: List[] = [];
  const children = md.root.children;
  let after = children.length;
  let i = 0;
  for (; i < children.length; i++) {
    const node = children[i]!;
    if ((node.position?.start.offset ?? 0) < from) continue;
    if (node.type === 'heading') {
      if (node.depth >= 2) break;
      h1 ??= node;
    } else if (node.type === 'list' && !node.ordered && !list) {
      list = node;
      lists.push(node);
      let last = i;
      for (let j = i + 1; j < children.length; j++) {
        const next = children[j]!;
        if (next.type === 'list' && !next.ordered) {
          lists.push(next);
          last = j;
        } else if (!isCommentBlock(md, next)) break;
      }
      i = last;
      after = last + 1;
    }
  }
  // One object shape, not spreads: spreading into a literal costs a runtime call per document.
  return { list, lists, h1, after: list ? after : i, zoneEnd: i };
}

function offsetsOf(
  node: { position?: { start: { offset?: number }; end: { offset?: number } } },
  base: number,
): [number, number] | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return [p.start.offset + base, p.end.offset + base];
}

/** Cleans a field name as written: markup stripped, spaces collapsed. */
export function cleanName(raw: string): string {
  // Most names have no markup and single spaces already: the replaces would give them back unchanged.
  if (isNormalSpaced(raw, true)) return detached(raw);
  return raw.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Reads one list item as `Name: value`. Items with no content give undefined. */
export function readItem(md: ParsedMarkdown, item: ListItem): HeaderItem | undefined {
  // Offsets read in place rather than through offsetsOf: its array is one more object per item.
  const p = item.position;
  const first = item.children[0];
  if (!p || p.start.offset === undefined || p.end.offset === undefined || !first) return undefined;
  const text = md.text;
  const itemStart = p.start.offset + md.base;
  const fp = first.position;
  const firstKnown = fp !== undefined && fp.start.offset !== undefined && fp.end.offset !== undefined;
  const contentStart = firstKnown ? fp.start.offset! + md.base : itemStart;
  let end = p.end.offset + md.base;
  while (end > contentStart && isSpaceAt(text, end - 1)) end--;
  // The first line break after the content's start (a line's content holds none), or the item's end.
  const firstLineEnd = Math.max(contentStart, Math.min(md.lines.lineEnd(md.lines.positionAt(contentStart).line), end));
  const firstLine = text.slice(contentStart, firstLineEnd);
  const colon = firstLine.indexOf(':');
  // A colon only separates a name when what stands before it looks like a name, not a URL or a sentence.
  const nameCandidate = colon >= 0 ? firstLine.slice(0, colon) : '';
  const hasColon = colon > 0 && nameCandidate.length <= 60 && !looksLikeUrl(nameCandidate);
  let nameEnd = hasColon ? contentStart + colon : contentStart + firstLine.length;
  const name = cleanName(hasColon ? nameCandidate : firstLine);
  let valueStart = hasColon ? contentStart + colon + 1 : end;
  if (!hasColon) nameEnd = contentStart + firstLine.trimEnd().length;
  // Markup closing the name (`**Owner:** @a`) belongs to the name, not the value; a name closed
  // before its colon (`*Risk*: **High**`) leaves the value's own markup alone.
  const lead = hasColon && isEmphasisMark(nameCandidate, 0) ? /^[*_]+/.exec(nameCandidate)![0] : undefined;
  if (lead && !nameCandidate.trimEnd().endsWith(lead)) {
    const m = /^[ \t]*([*_]+)/.exec(text.slice(valueStart, end));
    if (m && m[1] === lead) valueStart += m[0].length;
  }
  // Where an empty value is written: right after the colon (and the name's closing markup).
  const anchor = valueStart;
  while (valueStart < end && (text.charCodeAt(valueStart) === 32 || text.charCodeAt(valueStart) === 9)) valueStart++;
  // HTML comments are notes to the writer (templates use them as hints), not part of the value.
  const written = text.slice(valueStart, end);
  let lt = valueStart;
  while (lt < end && text.charCodeAt(lt) !== 60) lt++;
  // Without a `<` there is no comment to drop, and the value's own text is all of it.
  const [vs, ve] = lt < end ? valueSpan(text, valueStart, end) : [valueStart, end];
  const value = (lt < end ? written.replace(/<!--[\s\S]*?(?:-->|$)/g, '') : written).trim();
  return {
    name,
    key: hasColon ? fieldByName(name)?.key : undefined,
    hasColon,
    value,
    range: md.lines.rangeOf(itemStart, end),
    nameRange: md.lines.rangeOf(contentStart, nameEnd),
    valueRange: vs < ve ? md.lines.rangeOf(vs, ve) : md.lines.rangeOf(anchor, anchor),
    startOffset: itemStart,
    endOffset: end,
  };
}

/** Whether a name candidate ends like a URL's scheme or holds `//`: `/https?$|\/\//i`, the regex only when the last letter may end `http(s)`. */
function looksLikeUrl(name: string): boolean {
  if (name.includes('//')) return true;
  const last = name.charCodeAt(name.length - 1) | 0x20;
  return (last === 0x70 || last === 0x73) && /https?$/i.test(name);
}

function isEmphasisMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 42 || c === 95;
}

/**
 * The value's own text between `start` and `end`: HTML comments before and after it (hints such
 * as `<!-- YYYY-MM-DD HH:MM UTC -->` on the line below) are left out, so that an edit replacing
 * the value leaves them and the lines they are on alone.
 */
function valueSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (text.startsWith('<!--', s)) {
    const close = text.indexOf('-->', s + 4);
    if (close < 0 || close + 3 > e) break;
    s = close + 3;
    while (s < e && isSpaceAt(text, s)) s++;
  }
  while (e - s >= 7 && text.startsWith('-->', e - 3)) {
    const open = text.lastIndexOf('<!--', e - 3);
    if (open < s || open + 4 > e - 3) break;
    e = open;
    while (e > s && isSpaceAt(text, e - 1)) e--;
  }
  return [s, e];
}

/** The bullet character a list uses, read from its first item's source. */
export function bulletOf(md: ParsedMarkdown, list: List): string {
  const o = offsetsOf(list, md.base);
  const c = o ? md.text[o[0]] : undefined;
  return c === '*' || c === '+' ? c : '-';
}

/** Offset just past the last non-space character of a node. */
export function endOffsetOf(md: ParsedMarkdown, node: List | ListItem): number {
  let end = offsetsOf(node, md.base)?.[1] ?? md.text.length;
  while (end > 0 && isSpaceAt(md.text, end - 1)) end--;
  return end;
}

/**
 * The offset just past YAML front matter (`---` on the first line up to the next `---` or `...`
 * line), or 0 when there is none. Offsets are in the text without its BOM, like mdast's.
 * remark reads front matter as a rule and a `##` setext heading; skipping it keeps the header
 * that follows visible.
 */
export function frontMatterEnd(textWithoutBom: string): number {
  const m = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(textWithoutBom);
  return m ? m[0].length : 0;
}
