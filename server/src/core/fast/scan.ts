/**
 * A line scanner for the top-level block structure of markdown. It produces the few mdast nodes
 * the model builder reads (model.ts: top-level blocks with their offsets, list items and the
 * start of each item's first child) with the offsets remark gives them, so that `buildModel`
 * gives the same model without running remark. Nothing below the top level is modelled except
 * list items; other nodes have no children.
 *
 * It reads what change documents hold: headings (ATX, setext), paragraphs (link reference
 * definitions, task items and tables are paragraphs to CommonMark), lists with nested items,
 * fenced code and HTML comments inside items, all seven kinds of HTML blocks at the top level,
 * fenced and indented code, block quotes, thematic breaks, a tab after a list marker, CRLF, a
 * BOM. It gives up, and the full parse answers, on what it cannot prove: lazy lines after a block
 * quote, tabs in indentation, fences or comments a list item does not close, other HTML, quotes or
 * headings-by-underline inside items, link definitions under a setext underline, control
 * characters. What it accepts is checked against remark in test/unit/fastpath.test.ts.
 *
 * Facts about remark (CommonMark) it relies on, each probed: a block ends at the end of its last
 * non-blank line, trailing spaces included; headings, paragraphs, fences and list items start
 * after the indentation, indented code and HTML blocks at the line start (inside an item: at the
 * item's content column); a setext heading spans its paragraph and the underline; a list item
 * holds every following line indented to its content column; a list item of another kind (bullet,
 * delimiter) starts a new list, whatever its number; an HTML block ends at the line holding its
 * end marker (kinds 1-5) or before a blank line (6, 7); a block quote ends at a blank line.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { HtmlStart } from './html-blocks';
import { endsHtml, htmlStart } from './html-blocks';
import { definitionLine, mayBeTitle } from './definitions';

/**
 * The scan's outcome: a minimal root and the fenced code inside list items (offsets [start, end)
 * in `text`, which the root does not show), or the reason the document needs the full parse.
 */
export type ScanResult = { ok: true; root: Root; itemFences: [number, number][] } | { ok: false; reason: string };

const UNSUPPORTED_CHARS = /[\0-\x08\x0b\x0c\x0e-\x1f]|\r(?!\n)/;
const BACKTICK_FENCE = /^(`{3,})([^`]*)$/;
const TILDE_FENCE = /^~{3,}/;
const THEMATIC = /^([-*_])(?: *\1){2,} *$/;
const SETEXT_1 = /^=+ *$/;
const SETEXT_2 = /^-+ *$/;
/** A list marker and one tab, then the content: the tab pads to the next tab stop. */
const TAB_ITEM = /^([-*+]|(\d{1,9})([.)]))\t(?=[^ \t])/;
/** A tab this early in a line could be indentation or a marker's space: not modelled. */
const TAB_IN_PREFIX = /^[-#>*+_=`~\d.) ]*\t/;

type ItemKind = { k: 'item'; marker: string; ordered: boolean; start: number; used: number; tab: boolean };
type Kind =
  | { k: 'blank' }
  | { k: 'para' }
  | { k: 'heading'; depth: number }
  | { k: 'setext'; depth: 1 | 2 }
  | { k: 'thematic' }
  | ItemKind
  | { k: 'fence'; char: number; count: number }
  | { k: 'html'; start: HtmlStart }
  | { k: 'quote' }
  | { k: 'bail'; why: string };

const BLANK: Kind = { k: 'blank' };
const PARA: Kind = { k: 'para' };
const THEMATIC_KIND: Kind = { k: 'thematic' };
const QUOTE: Kind = { k: 'quote' };

/**
 * What a line starts, given its content after the leading spaces (no leading tab); `tabs`: whether
 * the document holds a tab at all (most do not: no line is searched for one then). The common
 * forms are read character by character, the others by the regular expressions above.
 */
function classify(s: string, tabs: boolean): Kind {
  if (s.length === 0) return BLANK;
  if (tabs && s.includes('\t')) {
    const t = TAB_ITEM.exec(s);
    if (t)
      return t[2] !== undefined
        ? itemKind(s, t[3]!, true, Number(t[2]), t[0].length, 1, true)
        : itemKind(s, t[1]!, false, 1, 2, 1, true);
    if (TAB_IN_PREFIX.test(s)) return { k: 'bail', why: 'tab near the start of a line' };
  }
  const c = s.charCodeAt(0);
  switch (c) {
    case 35 /* # */: {
      // ATX (`/^(#{1,6})(?: |$)/`): one to six `#`, then a space or the end of the line.
      let k = 1;
      while (k < 7 && s.charCodeAt(k) === 35) k++;
      return k <= 6 && (k === s.length || s.charCodeAt(k) === 32) ? { k: 'heading', depth: k } : PARA;
    }
    case 96 /* ` */: {
      if (!s.startsWith('```')) return PARA;
      const m = BACKTICK_FENCE.exec(s);
      return m ? { k: 'fence', char: c, count: m[1]!.length } : { k: 'bail', why: 'backticks after a fence' };
    }
    case 126 /* ~ */: {
      const m = TILDE_FENCE.exec(s);
      return m ? { k: 'fence', char: c, count: m[0].length } : PARA;
    }
    case 60 /* < */: {
      const h = htmlStart(s);
      return h === 'unsure' ? { k: 'bail', why: 'an empty HTML comment' } : h ? { k: 'html', start: h } : PARA;
    }
    case 62 /* > */:
      return QUOTE;
    case 61 /* = */:
      return SETEXT_1.test(s) ? { k: 'setext', depth: 1 } : PARA;
    case 45 /* - */:
    case 42 /* * */:
    case 43 /* + */:
    case 95 /* _ */: {
      // `---` underlines a paragraph (setext) and is a thematic break elsewhere: the caller decides.
      // Both hold nothing but the marker and spaces.
      if (marksAndSpaces(s, c)) {
        if (c === 45 && SETEXT_2.test(s)) return { k: 'setext', depth: 2 };
        if (THEMATIC.test(s)) return THEMATIC_KIND;
      }
      if (c === 95) return PARA;
      // A bullet (`/^[-*+]( *)/`): the marker and its spaces.
      let k = 1;
      while (s.charCodeAt(k) === 32) k++;
      if (s.length > 1 && k === 1) return PARA; // `**bold**`, `-x`
      return itemKind(s, s[0]!, false, 1, k, k - 1, false);
    }
    default:
      if (c >= 48 && c <= 57) {
        // An ordered marker (`/^(\d{1,9})([.)])( *)/`): one to nine digits, `.` or `)`, its spaces.
        let d = 1;
        while (d < 10 && isDigit(s.charCodeAt(d))) d++;
        const delimiter = s.charCodeAt(d);
        if (d > 9 || (delimiter !== 46 && delimiter !== 41)) return PARA;
        let k = d + 1;
        while (s.charCodeAt(k) === 32) k++;
        if (s.length > d + 1 && k === d + 1) return PARA;
        return itemKind(s, s[d]!, true, Number(s.slice(0, d)), k, k - d - 1, false);
      }
      return PARA;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether `s` holds nothing but the character `c` and spaces. */
function marksAndSpaces(s: string, c: number): boolean {
  for (let k = 0; k < s.length; k++) {
    const x = s.charCodeAt(k);
    if (x !== c && x !== 32) return false;
  }
  return true;
}

function itemKind(
  s: string,
  marker: string,
  ordered: boolean,
  start: number,
  used: number,
  spaces: number,
  tab: boolean,
): Kind {
  if (used === s.length) return { k: 'bail', why: 'empty list item' };
  if (spaces > 4) return { k: 'bail', why: 'indented code in a list item' };
  return { k: 'item', marker, ordered, start, used, tab };
}

/** The content column of an item whose marker starts at column `n` (a tab pads to the next stop). */
function itemWidth(kind: ItemKind, n: number): number {
  return kind.tab ? (Math.floor((n + kind.used - 1) / 4) + 1) * 4 - n : kind.used;
}

/** A point of the scan: an offset and the line it is on. */
interface Pos {
  offset: number;
  line: number;
  lineStart: number;
}

/** A raw block inside the current list item: a fence or an HTML comment, which the item must close. */
type Raw = { t: 'fence'; char: number; count: number; from: number } | { t: 'comment' };

interface OpenList {
  t: 'list';
  node: List;
  start: Pos;
  marker: string;
  ordered: boolean;
  item: ListItem;
  itemStart: Pos;
  itemEnd: Pos;
  /** The item's content column. */
  width: number;
  afterBlank: boolean;
  paraOpen: boolean;
  /** Content column of the deepest nested item seen in this item (0: none). */
  nested: number;
  raw?: Raw;
}

type Open =
  | { t: 'none' }
  | { t: 'para'; start: Pos; end: Pos; bracket: boolean }
  | OpenList
  | { t: 'fence'; start: Pos; char: number; count: number }
  | { t: 'html'; start: Pos; end: Pos; kind: HtmlStart }
  | { t: 'quote'; start: Pos; end: Pos }
  | { t: 'code'; start: Pos; end: Pos };

const NONE: Open = { t: 'none' };

/** A point on the current line. */
function at(offset: number, line: number, lineStart: number): Pos {
  return { offset, line, lineStart };
}

/** The outcome of a line the scan does not model. */
function bail(line: number, why: string): ScanResult {
  return { ok: false, reason: `line ${line}: ${why}` };
}

/** A form the scan does not model, found while closing a block. */
class NotModelled extends Error {}

/**
 * Scans `text` (whose first `base` characters are a BOM) into its top-level blocks. Offsets in the
 * result are relative to `base`, as remark's are (see parse.ts).
 */
export function scanBlocks(text: string, base: number, opts: ScanOptions = {}): ScanResult {
  try {
    return scan(text, base, opts.headerZone ?? -1);
  } catch (e) {
    if (e instanceof NotModelled) return { ok: false, reason: e.message };
    throw e;
  }
}

/** How much of a document to scan. */
export interface ScanOptions {
  /**
   * Stop after the first top-level heading of depth 2 or more that starts at or after this mdast
   * offset (the end of the front matter, core/header.ts `frontMatterEnd`): the blocks before it
   * (the header zone, `findHeaderNodes`) are closed and final by then, and are all that a
   * header-only model reads. The root's children end with that heading.
   */
  headerZone?: number;
}

function scan(text: string, base: number, headerZone: number): ScanResult {
  if (UNSUPPORTED_CHARS.test(text)) return { ok: false, reason: 'control character or lone CR' };
  // micromark skips a BOM of its own, so a second one shifts remark's offsets: not modelled.
  if (text.charCodeAt(base) === 0xfeff) return { ok: false, reason: 'a second BOM' };
  const children: RootContent[] = [];
  const itemFences: [number, number][] = [];
  const tabs = text.includes('\t');
  const point = (p: Pos) => ({ line: p.line, column: p.offset - p.lineStart + 1, offset: p.offset - base });
  const position = (s: Pos, e: Pos) => ({ start: point(s), end: point(e) });
  let open: Open = NONE;

  /** Closes the open block, pushing its node. */
  const close = () => {
    const o = open;
    open = NONE;
    switch (o.t) {
      case 'para':
        if (o.bracket) definitionsThenParagraph(o.start, o.end);
        else children.push({ type: 'paragraph', children: [], position: position(o.start, o.end) });
        break;
      case 'list':
        o.item.position = position(o.itemStart, o.itemEnd);
        o.node.children.push(o.item);
        o.node.position = position(o.start, o.itemEnd);
        children.push(o.node);
        break;
      case 'quote':
        children.push({ type: 'blockquote', children: [], position: position(o.start, o.end) });
        break;
      case 'code':
        children.push({ type: 'code', value: '', position: position(o.start, o.end) });
        break;
      case 'html':
        children.push({ type: 'html', value: '', position: position(o.start, o.end) });
        break;
      default:
        break;
    }
  };

  let lineNo = 1;
  let pos = base;
  const len = text.length;
  let stop = false;
  while (pos <= len && !stop) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? len + 1 : nl + 1;
    let end = nl < 0 ? len : nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    let i = pos;
    let tabbed = false;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 9) tabbed = true;
      else if (c !== 32) break;
    }
    const n = i - pos;
    // No closures per line: the scan runs over every line of thousands of documents.
    const lineEnd: Pos = { offset: end, line: lineNo, lineStart: pos };
    const content = text.slice(i, end);

    // Raw blocks first: their lines are not block starts.
    if (open.t === 'fence') {
      if (n <= 3 && content.charCodeAt(0) === open.char) {
        if (tabbed) return bail(lineNo, 'tab before a fence');
        if (closesFence(content, open.char, open.count)) {
          children.push({ type: 'code', value: '', position: position(open.start, lineEnd) });
          open = NONE;
        }
      }
      pos = next;
      lineNo++;
      continue;
    }
    if (open.t === 'html') {
      if (open.kind.end === 'blank') {
        if (i === end) close();
        else open.end = lineEnd;
      } else if (endsHtml(open.kind, text.slice(pos, end))) {
        open.end = lineEnd;
        close();
      }
      pos = next;
      lineNo++;
      continue;
    }
    if (open.t === 'list' && open.raw) {
      const raw = open.raw;
      if (i === end) {
        pos = next;
        lineNo++;
        continue;
      }
      if (n < open.width)
        return bail(lineNo, `${raw.t === 'fence' ? 'fence' : 'comment'} not closed inside its list item`);
      if (tabbed) return bail(lineNo, 'tab in indentation');
      open.itemEnd = lineEnd;
      if (
        raw.t === 'fence' ? n - open.width <= 3 && closesFence(content, raw.char, raw.count) : content.includes('-->')
      ) {
        if (raw.t === 'fence') itemFences.push([raw.from, end]);
        open.raw = undefined;
        open.paraOpen = false;
      }
      pos = next;
      lineNo++;
      continue;
    }

    const kind: Kind = i === end ? BLANK : tabbed ? { k: 'bail', why: 'tab in indentation' } : classify(content, tabs);
    // Anything unknown is fatal, except in a paragraph's continuation indented 4+ (plain text).
    if (
      kind.k === 'bail' &&
      !(open.t === 'para' && n >= 4) &&
      !(open.t === 'list' && open.paraOpen && n >= open.width + 4)
    )
      return bail(lineNo, kind.why);

    if (kind.k === 'blank') {
      // micromark extends indented code over a whitespace line indented 4+ columns: not modelled.
      if (open.t === 'code' && end > pos) return bail(lineNo, 'whitespace line after indented code');
      if (open.t === 'list') {
        open.afterBlank = true;
        open.paraOpen = false;
      } else if (open.t !== 'code') close();
    } else if (open.t === 'list' && n >= open.width) {
      const o = open;
      const rel = n - o.width;
      if (rel >= 4) {
        // With a paragraph open, text indented 4+ more continues it; otherwise it is code.
        if (!o.paraOpen) return bail(lineNo, 'indented code in a list item');
      } else if (kind.k === 'item') {
        const inner = content.slice(kind.used);
        if (classify(inner, tabs).k !== 'para') return bail(lineNo, 'nested list item that is not text');
        o.nested = n + itemWidth(kind, n);
        o.paraOpen = true;
      } else if (kind.k === 'para' || (kind.k === 'html' && !kind.start.interrupts && o.paraOpen)) {
        o.paraOpen = true;
      } else if (kind.k === 'heading') {
        o.paraOpen = false;
      } else if (
        (kind.k === 'fence' || (kind.k === 'html' && kind.start.comment)) &&
        (o.nested === 0 || n < o.nested)
      ) {
        if (kind.k === 'fence') o.raw = { t: 'fence', char: kind.char, count: kind.count, from: i };
        else if (!content.includes('-->', 4)) o.raw = { t: 'comment' };
        o.nested = 0;
        o.paraOpen = false;
      } else return bail(lineNo, `${kind.k} inside a list item`);
      o.afterBlank = false;
      o.itemEnd = lineEnd;
    } else if (
      open.t === 'para' &&
      (n >= 4 ||
        kind.k === 'para' ||
        (kind.k === 'html' && !kind.start.interrupts) ||
        (kind.k === 'item' && kind.ordered && kind.start !== 1))
    ) {
      // Paragraph continuation: only an ordered list starting at 1 and HTML of kinds 1-6 interrupt it.
      open.end = lineEnd;
    } else if (open.t === 'para' && kind.k === 'setext') {
      // A paragraph that may hold link reference definitions: what is left of it (and where the
      // heading starts) depends on them. Not modelled.
      if (open.bracket) return bail(lineNo, 'setext underline under a possible link definition');
      stop = headerZone >= 0 && kind.depth >= 2 && open.start.offset - base >= headerZone;
      children.push({ type: 'heading', depth: kind.depth, children: [], position: position(open.start, lineEnd) });
      open = NONE;
    } else if (open.t === 'code' && n >= 4) {
      open.end = lineEnd;
    } else if (open.t === 'quote' && kind.k === 'quote' && n <= 3) {
      open.end = lineEnd;
    } else if (
      open.t === 'quote' &&
      (n >= 4 ||
        kind.k === 'para' ||
        kind.k === 'setext' ||
        (kind.k === 'html' && !kind.start.interrupts) ||
        (kind.k === 'item' && kind.ordered && kind.start !== 1))
    ) {
      // Lazy continuation or not, depending on what the quote holds: not modelled.
      return bail(lineNo, 'line after a block quote');
    } else if (open.t === 'list' && !open.afterBlank && open.paraOpen && kind.k === 'para') {
      // A lazy continuation line: it continues the paragraph the item's last line is in.
      open.itemEnd = lineEnd;
    } else if (open.t === 'list' && !open.afterBlank && kind.k === 'html' && !kind.start.interrupts) {
      // micromark puts such a line inside the item (probed: `- a`, `<br>`, `b`): not modelled.
      return bail(lineNo, 'HTML after a list item');
    } else if (open.t === 'list' && n >= 4) {
      return bail(lineNo, 'indented line after a list');
    } else if (open.t === 'list' && kind.k === 'item' && kind.marker === open.marker && kind.ordered === open.ordered) {
      open.item.position = position(open.itemStart, open.itemEnd);
      open.node.children.push(open.item);
      const item = newItem(at(i, lineNo, pos), lineEnd, kind.used, content);
      if (typeof item === 'string') return bail(lineNo, item);
      // Field by field: an `Object.assign` with a literal was a sixth of the scan.
      open.item = item;
      open.itemStart = at(i, lineNo, pos);
      open.itemEnd = lineEnd;
      open.width = n + itemWidth(kind, n);
      open.afterBlank = false;
      open.paraOpen = true;
      open.nested = 0;
    } else {
      // A new top-level block (an item of another kind starts another list, whatever its number).
      // micromark lets an ordered list that does not start at 1 begin after indented code only
      // after a blank line, and not even then (probed: `    code`, blank, `10. x` is a paragraph).
      if (kind.k === 'item' && kind.ordered && kind.start !== 1 && open.t === 'code')
        return bail(lineNo, 'ordered list after indented code');
      close();
      if (n >= 4) {
        open = { t: 'code', start: at(pos, lineNo, pos), end: lineEnd };
      } else {
        const start = at(i, lineNo, pos);
        switch (kind.k) {
          case 'heading':
            children.push({
              type: 'heading',
              depth: kind.depth as Heading['depth'],
              children: [],
              position: position(start, lineEnd),
            });
            stop = headerZone >= 0 && kind.depth >= 2 && start.offset - base >= headerZone;
            break;
          case 'thematic':
            children.push({ type: 'thematicBreak', position: position(start, lineEnd) });
            break;
          case 'para':
            open = { t: 'para', start, end: lineEnd, bracket: content.charCodeAt(0) === 91 };
            break;
          case 'fence':
            open = { t: 'fence', start, char: kind.char, count: kind.count };
            break;
          case 'html': {
            const lineStart = at(pos, lineNo, pos);
            if (kind.start.end !== 'blank' && endsHtml(kind.start, content, kind.start.from))
              children.push({ type: 'html', value: '', position: position(lineStart, lineEnd) });
            else open = { t: 'html', start: lineStart, end: lineEnd, kind: kind.start };
            break;
          }
          case 'quote':
            open = { t: 'quote', start, end: lineEnd };
            break;
          case 'item': {
            const item = newItem(start, lineEnd, kind.used, content);
            if (typeof item === 'string') return bail(lineNo, item);
            open = {
              t: 'list',
              node: listNode(kind),
              start,
              marker: kind.marker,
              ordered: kind.ordered,
              item,
              itemStart: start,
              itemEnd: lineEnd,
              width: n + itemWidth(kind, n),
              afterBlank: false,
              paraOpen: true,
              nested: 0,
            };
            break;
          }
          case 'setext':
            if (kind.depth === 2 && THEMATIC.test(content)) {
              children.push({ type: 'thematicBreak', position: position(start, lineEnd) });
              break;
            }
            return bail(lineNo, 'setext underline without a paragraph');
          default:
            return bail(lineNo, 'unexpected line');
        }
      }
    }
    pos = next;
    lineNo++;
  }
  if (open.t === 'fence') return { ok: false, reason: 'unclosed fence at the end of the document' };
  if (open.t === 'html' && open.kind.end !== 'blank')
    return { ok: false, reason: 'unclosed HTML at the end of the document' };
  if (open.t === 'list' && open.raw)
    return { ok: false, reason: `unclosed ${open.raw.t} in a list item at the end of the document` };
  close();
  const lastLineStart = Math.max(base, text.lastIndexOf('\n') + 1);
  const endPos: Pos = { offset: len, line: lineNo - 1, lineStart: lastLineStart };
  return {
    ok: true,
    root: { type: 'root', children, position: position({ offset: base, line: 1, lineStart: base }, endPos) },
    itemFences,
  };

  /**
   * A paragraph that starts with `[`: the link reference definitions on its first lines become
   * `definition` nodes (one per line), the rest a paragraph from the first other line.
   */
  function definitionsThenParagraph(start: Pos, end: Pos): void {
    let p: Pos = start;
    let previousWasBare = false;
    for (;;) {
      const nl = text.indexOf('\n', p.offset);
      let lineEnd = nl < 0 || nl > end.offset ? end.offset : nl;
      if (lineEnd > p.offset && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const line = text.slice(p.offset, lineEnd);
      if (previousWasBare && mayBeTitle(line))
        throw new NotModelled(`line ${p.line}: a possible title of a link definition`);
      const kind = definitionLine(line);
      if (kind === 'unsure') throw new NotModelled(`line ${p.line}: a link definition form not modelled`);
      if (kind === 'not') {
        children.push({ type: 'paragraph', children: [], position: position(p, end) });
        return;
      }
      const lineEndPos: Pos = { offset: lineEnd, line: p.line, lineStart: p.lineStart };
      children.push({
        type: 'definition',
        identifier: '',
        label: '',
        url: '',
        title: null,
        position: position(p, lineEndPos),
      });
      previousWasBare = kind === 'bare';
      if (lineEnd >= end.offset) return;
      // The next line of the paragraph, after its indentation.
      const next = text.indexOf('\n', lineEnd) + 1;
      let i = next;
      while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
      p = { offset: i, line: p.line + 1, lineStart: next };
    }
  }

  /** An empty list node for a first item of this kind. */
  function listNode(kind: ItemKind): List {
    return {
      type: 'list',
      ordered: kind.ordered,
      start: kind.ordered ? kind.start : null,
      spread: false,
      children: [],
    };
  }

  /** A list item whose first line is `content` (marker included); a string says why not. */
  function newItem(start: Pos, lineEnd: Pos, used: number, content: string): ListItem | string {
    const first = content.slice(used);
    const kind = classify(first, tabs);
    if (kind.k !== 'para') return kind.k === 'bail' ? kind.why : `${kind.k} as a list item's first block`;
    const childStart: Pos = { ...start, offset: start.offset + used };
    const child: Paragraph = { type: 'paragraph', children: [], position: position(childStart, lineEnd) };
    return { type: 'listItem', spread: false, children: [child] };
  }
}

/** Whether a line (without indentation) closes a fence of `count` `char`s. */
function closesFence(content: string, char: number, count: number): boolean {
  let k = 0;
  while (k < content.length && content.charCodeAt(k) === char) k++;
  return k >= count && /^[ \t]*$/.test(content.slice(k));
}
