/**
 * Finds the header list (SPEC section 2) in the mdast and reads its items. Works on source text
 * slices rather than mdast text so that values keep their markup (`code`, links) verbatim.
 */
import type { List, ListItem, Root, Heading } from 'mdast';
import type { ParsedMarkdown } from './parse';
import type { HeaderItem } from './schema';
import { fieldByName } from './fields';

/** The header list node and the H1 before it, if any. */
export interface HeaderNodes {
  /** The header's first list. */
  list?: List;
  /**
   * Every list of the header: `list` and the bullet lists directly after it. Markdown starts a
   * new list when the bullet changes (`-` then `*`); with nothing in between they are still one
   * header (SPEC section 7, "Mixed bullets in one list are one list").
   */
  lists: List[];
  h1?: Heading;
}

/**
 * The first top-level bullet list before the first `##` (or deeper) heading, and an H1 before it.
 * Nodes that start before `from` (an mdast offset: YAML front matter, see `frontMatterEnd`) are skipped.
 */
export function findHeaderNodes(root: Root, from = 0): HeaderNodes {
  let h1: Heading | undefined;
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if ((node.position?.start.offset ?? 0) < from) continue;
    if (node.type === 'heading') {
      if (node.depth >= 2) return { lists: [], h1 };
      h1 ??= node;
    } else if (node.type === 'list' && !node.ordered) {
      const lists = [node];
      for (let j = i + 1; j < children.length; j++) {
        const next = children[j]!;
        if (next.type !== 'list' || next.ordered) break;
        lists.push(next);
      }
      return { list: node, lists, h1 };
    }
  }
  return { lists: [], h1 };
}

function offsetsOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, base: number): [number, number] | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return [p.start.offset + base, p.end.offset + base];
}

/** Cleans a field name as written: markup stripped, spaces collapsed. */
export function cleanName(raw: string): string {
  return raw.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Reads one list item as `Name: value`. Items with no content give undefined. */
export function readItem(md: ParsedMarkdown, item: ListItem): HeaderItem | undefined {
  const itemOffsets = offsetsOf(item, md.base);
  const first = item.children[0];
  if (!itemOffsets || !first) return undefined;
  const contentStart = offsetsOf(first, md.base)?.[0] ?? itemOffsets[0];
  let end = itemOffsets[1];
  while (end > contentStart && /\s/.test(md.text[end - 1]!)) end--;
  const raw = md.text.slice(contentStart, end);
  const firstLineEnd = raw.search(/\r?\n|\r/);
  const firstLine = firstLineEnd < 0 ? raw : raw.slice(0, firstLineEnd);
  const colon = firstLine.indexOf(':');
  // A colon only separates a name when what stands before it looks like a name, not a URL or a sentence.
  const nameCandidate = colon >= 0 ? firstLine.slice(0, colon) : '';
  const hasColon = colon > 0 && nameCandidate.length <= 60 && !/https?$|\/\//i.test(nameCandidate);
  let nameEnd = hasColon ? contentStart + colon : contentStart + firstLine.length;
  const name = cleanName(hasColon ? nameCandidate : firstLine);
  let valueStart = hasColon ? contentStart + colon + 1 : end;
  if (!hasColon) nameEnd = contentStart + firstLine.trimEnd().length;
  while (valueStart < end && /[ \t]/.test(md.text[valueStart]!)) valueStart++;
  // Markup closing the name (`**Owner:** @a`) belongs to the name, not the value; a name closed
  // before its colon (`*Risk*: **High**`) leaves the value's own markup alone.
  const lead = hasColon ? /^[*_]+/.exec(nameCandidate)?.[0] : undefined;
  if (lead && !nameCandidate.trimEnd().endsWith(lead)) {
    const m = /^[*_]+[ \t]*/.exec(md.text.slice(valueStart, end));
    if (m && m[0].trimEnd() === lead) valueStart += m[0].length;
  }
  // HTML comments are notes to the writer (templates use them as hints), not part of the value.
  const value = md.text.slice(valueStart, end).replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
  return {
    name,
    key: hasColon ? fieldByName(name)?.key : undefined,
    hasColon,
    value,
    range: md.lines.rangeOf(itemOffsets[0], end),
    nameRange: md.lines.rangeOf(contentStart, nameEnd),
    valueRange: md.lines.rangeOf(valueStart, Math.max(valueStart, end)),
    startOffset: itemOffsets[0],
    endOffset: end,
  };
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
  while (end > 0 && /\s/.test(md.text[end - 1]!)) end--;
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

/**
 * A heading's text without its optional closing `#` run (`## Status log ##` -> `## Status log`).
 * A loop, not `/\s+#+\s*$/`, which is quadratic on long runs of spaces.
 */
export function stripClosingHashes(text: string): string {
  const t = text.trimEnd();
  let e = t.length;
  while (e > 0 && t[e - 1] === '#') e--;
  if (e === t.length || (e > 0 && !/\s/.test(t[e - 1]!))) return t;
  return t.slice(0, e).trimEnd();
}
