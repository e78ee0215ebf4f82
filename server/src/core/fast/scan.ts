/**
 * A line scanner for the top-level block structure of markdown. It produces the few mdast nodes
 * the model builder reads (model.ts: top-level blocks with their offsets, list items and the
 * start of each item's first child) with the offsets remark gives them, so that `buildModel`
 * gives the same model without running remark. Nothing below the top level is modelled except
 * list items; other nodes have no children.
 *
 * It is conservative by design: whenever a line could mean something it does not model exactly
 * (raw HTML other than comments, lazy continuation lines, fences or quotes inside list items,
 * unclosed fences, link definitions, tabs in indentation, a lone CR, control characters...) it
 * gives up and says why, and the caller runs the full parse. What it accepts is checked against
 * remark in test/unit/fastpath.test.ts.
 *
 * Facts about remark (CommonMark) it relies on, each probed: a block ends at the end of its last
 * non-blank line, trailing spaces included; headings, paragraphs and list items start after the
 * indentation, indented code at the line start; a setext heading spans its paragraph and the
 * underline; a list item holds every following line indented to its content column; an HTML
 * comment block ends with the line holding `-->`; a block quote ends at a blank line.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';

/** The scan's outcome: a minimal root, or the reason the document needs the full parse. */
export type ScanResult = { ok: true; root: Root } | { ok: false; reason: string };

const UNSUPPORTED_CHARS = /[\0-\x08\x0b\x0c\x0e-\x1f]|\r(?!\n)/;
const ATX = /^(#{1,6})(?: |$)/;
const BACKTICK_FENCE = /^(`{3,})([^`]*)$/;
const TILDE_FENCE = /^~{3,}/;
const THEMATIC = /^([-*_])(?: *\1){2,} *$/;
const SETEXT_1 = /^=+ *$/;
const SETEXT_2 = /^-+ *$/;
const BULLET = /^[-*+]( *)/;
const ORDERED = /^(\d{1,9})([.)])( *)/;
/** A tab this early in a line could be indentation or a marker's space: not modelled. */
const TAB_IN_PREFIX = /^[-#>*+_=`~\d.) ]*\t/;

type Kind =
  | { k: 'blank' }
  | { k: 'para' }
  | { k: 'heading'; depth: number }
  | { k: 'setext'; depth: 1 | 2 }
  | { k: 'thematic' }
  | { k: 'item'; marker: string; ordered: boolean; start: number; width: number }
  | { k: 'fence'; char: number; count: number }
  | { k: 'comment' }
  | { k: 'quote' }
  | { k: 'bail'; why: string };

const BLANK: Kind = { k: 'blank' };
const PARA: Kind = { k: 'para' };
const THEMATIC_KIND: Kind = { k: 'thematic' };
const QUOTE: Kind = { k: 'quote' };
const COMMENT: Kind = { k: 'comment' };

/** What a line starts, given its content after the leading spaces (no leading tab). */
function classify(s: string): Kind {
  if (s.length === 0) return BLANK;
  if (s.includes('\t') && TAB_IN_PREFIX.test(s)) return { k: 'bail', why: 'tab near the start of a line' };
  const c = s.charCodeAt(0);
  switch (c) {
    case 35 /* # */: {
      const m = ATX.exec(s);
      return m ? { k: 'heading', depth: m[1]!.length } : PARA;
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
    case 60 /* < */:
      return s.startsWith('<!--') && !s.startsWith('<!-->') && !s.startsWith('<!--->') ? COMMENT : { k: 'bail', why: 'HTML' };
    case 62 /* > */:
      return QUOTE;
    case 124 /* | */:
      return { k: 'bail', why: 'table' };
    case 61 /* = */:
      return SETEXT_1.test(s) ? { k: 'setext', depth: 1 } : PARA;
    case 45 /* - */:
    case 42 /* * */:
    case 43 /* + */:
    case 95 /* _ */: {
      // `---` underlines a paragraph (setext) and is a thematic break elsewhere: the caller decides.
      if (c === 45 && SETEXT_2.test(s)) return { k: 'setext', depth: 2 };
      if (THEMATIC.test(s)) return THEMATIC_KIND;
      if (c === 95) return PARA;
      const m = BULLET.exec(s)!;
      if (s.length > 1 && m[1]!.length === 0) return PARA; // `**bold**`, `-x`
      return itemKind(s, s[0]!, false, 1, m[0].length, m[1]!.length);
    }
    default:
      if (c >= 48 && c <= 57) {
        const m = ORDERED.exec(s);
        if (!m || (s.length > m[1]!.length + 1 && m[3]!.length === 0)) return PARA;
        return itemKind(s, m[2]!, true, Number(m[1]), m[0].length, m[3]!.length);
      }
      return PARA;
  }
}

function itemKind(s: string, marker: string, ordered: boolean, start: number, used: number, spaces: number): Kind {
  if (used === s.length) return { k: 'bail', why: 'empty list item' };
  if (spaces > 4) return { k: 'bail', why: 'indented code in a list item' };
  return { k: 'item', marker, ordered, start, width: used };
}

/** A point of the scan: an offset and the line it is on. */
interface Pos {
  offset: number;
  line: number;
  lineStart: number;
}

type Open =
  | { t: 'none' }
  | { t: 'para'; start: Pos; end: Pos }
  | { t: 'list'; node: List; start: Pos; marker: string; ordered: boolean; item: ListItem; itemStart: Pos; itemEnd: Pos; width: number; afterBlank: boolean; paraOpen: boolean }
  | { t: 'fence'; start: Pos; char: number; count: number }
  | { t: 'comment'; start: Pos }
  | { t: 'quote'; start: Pos; end: Pos }
  | { t: 'code'; start: Pos; end: Pos };

const NONE: Open = { t: 'none' };

/**
 * Scans `text` (whose first `base` characters are a BOM) into its top-level blocks. Offsets in the
 * result are relative to `base`, as remark's are (see parse.ts).
 */
export function scanBlocks(text: string, base: number): ScanResult {
  if (UNSUPPORTED_CHARS.test(text)) return { ok: false, reason: 'control character or lone CR' };
  // micromark skips a BOM of its own, so a second one shifts remark's offsets: not modelled.
  if (text.charCodeAt(base) === 0xfeff) return { ok: false, reason: 'a second BOM' };
  const children: RootContent[] = [];
  const point = (p: Pos) => ({ line: p.line, column: p.offset - p.lineStart + 1, offset: p.offset - base });
  const position = (s: Pos, e: Pos) => ({ start: point(s), end: point(e) });
  let open: Open = NONE;

  /** Closes the open block, pushing its node. */
  const close = () => {
    const o = open;
    open = NONE;
    switch (o.t) {
      case 'para':
        children.push({ type: 'paragraph', children: [], position: position(o.start, o.end) });
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
      default:
        break;
    }
  };

  let lineNo = 1;
  let prevBlank = true;
  let pos = base;
  const len = text.length;
  while (pos <= len) {
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
    const at = (offset: number): Pos => ({ offset, line: lineNo, lineStart: pos });
    const lineEnd = at(end);
    const bail = (why: string): ScanResult => ({ ok: false, reason: `line ${lineNo}: ${why}` });
    const content = text.slice(i, end);

    // Raw blocks first: their lines are not block starts.
    if (open.t === 'fence') {
      if (n <= 3 && content.charCodeAt(0) === open.char) {
        if (tabbed) return bail('tab before a fence');
        let k = 0;
        while (k < content.length && content.charCodeAt(k) === open.char) k++;
        if (k >= open.count && /^[ \t]*$/.test(content.slice(k))) {
          children.push({ type: 'code', value: '', position: position(open.start, lineEnd) });
          open = NONE;
        }
      }
      pos = next;
      lineNo++;
      continue;
    }
    if (open.t === 'comment') {
      if (content.includes('-->')) {
        children.push({ type: 'html', value: '', position: position(open.start, lineEnd) });
        open = NONE;
      }
      pos = next;
      lineNo++;
      continue;
    }

    const kind: Kind = i === end ? BLANK : tabbed ? { k: 'bail', why: 'tab in indentation' } : classify(content);
    // Anything unknown is fatal, except in a paragraph's continuation indented 4+ (plain text).
    if (kind.k === 'bail' && !(open.t === 'para' && n >= 4)) return bail(kind.why);

    if (kind.k === 'blank') {
      // micromark extends indented code over a whitespace line indented 4+ columns: not modelled.
      if (open.t === 'code' && end > pos) return bail('whitespace line after indented code');
      if (open.t === 'list') {
        open.afterBlank = true;
        open.paraOpen = false;
      }
      else if (open.t !== 'code') close();
    } else if (open.t === 'list' && n >= open.width) {
      // Inside the current item: paragraph text, nested items and headings are single-line or
      // end where their lines end; anything else inside an item is left to remark.
      if (kind.k !== 'para' && kind.k !== 'item' && kind.k !== 'heading') return bail(`${kind.k} inside a list item`);
      // With no paragraph open (after a blank line or a heading), 4+ more spaces are code.
      if (!open.paraOpen && n >= open.width + 4) return bail('indented code in a list item');
      if (open.afterBlank && content.charCodeAt(0) === 91) return bail('possible link definition');
      if (kind.k === 'item') {
        const inner = content.slice(kind.width);
        if (classify(inner).k !== 'para' || inner.charCodeAt(0) === 91) return bail('nested list item that is not text');
      }
      open.afterBlank = false;
      open.paraOpen = kind.k !== 'heading';
      open.itemEnd = lineEnd;
    } else if (open.t === 'para' && (n >= 4 || kind.k === 'para')) {
      open.end = lineEnd; // paragraph continuation
    } else if (open.t === 'para' && kind.k === 'setext') {
      children.push({ type: 'heading', depth: kind.depth, children: [], position: position(open.start, lineEnd) });
      open = NONE;
    } else if (open.t === 'code' && n >= 4) {
      open.end = lineEnd;
    } else if (open.t === 'quote' && kind.k === 'quote' && n <= 3) {
      open.end = lineEnd;
    } else if (open.t === 'quote' && (n >= 4 || kind.k === 'para' || kind.k === 'setext')) {
      // Lazy continuation or not, depending on what the quote holds: not modelled.
      return bail('line after a block quote');
    } else if (open.t === 'list' && kind.k === 'para' && !open.afterBlank) {
      // A lazy continuation line: it continues the paragraph the item's last line is in. With no
      // paragraph open (after a heading inside the item) it would start a new one.
      if (!open.paraOpen) return bail('text after a heading in a list item');
      open.itemEnd = lineEnd;
    } else if (open.t === 'list' && n >= 4) {
      return bail('indented line after a list');
    } else if (open.t === 'list' && kind.k === 'item' && (kind.marker !== open.marker || kind.ordered !== open.ordered)) {
      // Another marker starts another list; an ordered item that does not start at 1 might be
      // lazy text instead (only `1.` may interrupt a paragraph).
      if (kind.ordered && kind.start !== 1) return bail('ordered list after another list');
      close();
      const start = at(i);
      const item = newItem(start, lineEnd, kind.width, content);
      if (typeof item === 'string') return bail(item);
      open = { t: 'list', node: listNode(kind), start, marker: kind.marker, ordered: kind.ordered, item, itemStart: start, itemEnd: lineEnd, width: n + kind.width, afterBlank: false, paraOpen: true };
    } else if (open.t === 'list' && kind.k === 'item') {
      open.item.position = position(open.itemStart, open.itemEnd);
      open.node.children.push(open.item);
      const item = newItem(at(i), lineEnd, kind.width, content);
      if (typeof item === 'string') return bail(item);
      Object.assign(open, { item, itemStart: at(i), itemEnd: lineEnd, width: n + kind.width, afterBlank: false, paraOpen: true });
    } else {
      // A new top-level block.
      // micromark lets an ordered list that does not start at 1 begin only after a blank line
      // that does not follow indented code (probed: `    code`, blank, `10. x` is a paragraph).
      if (kind.k === 'item' && kind.ordered && kind.start !== 1 && (!prevBlank || open.t === 'code')) return bail('ordered list not after a blank line');
      close();
      if (n >= 4) {
        open = { t: 'code', start: at(pos), end: lineEnd };
      } else {
        const start = at(i);
        switch (kind.k) {
          case 'heading':
            children.push({ type: 'heading', depth: kind.depth as Heading['depth'], children: [], position: position(start, lineEnd) });
            break;
          case 'thematic':
            children.push({ type: 'thematicBreak', position: position(start, lineEnd) });
            break;
          case 'para':
            if (content.charCodeAt(0) === 91) return bail('possible link definition');
            open = { t: 'para', start, end: lineEnd };
            break;
          case 'fence':
            open = { t: 'fence', start, char: kind.char, count: kind.count };
            break;
          case 'comment':
            if (content.includes('-->', 4)) children.push({ type: 'html', value: '', position: position(start, lineEnd) });
            else open = { t: 'comment', start };
            break;
          case 'quote':
            open = { t: 'quote', start, end: lineEnd };
            break;
          case 'item': {
            const item = newItem(start, lineEnd, kind.width, content);
            if (typeof item === 'string') return bail(item);
            open = { t: 'list', node: listNode(kind), start, marker: kind.marker, ordered: kind.ordered, item, itemStart: start, itemEnd: lineEnd, width: n + kind.width, afterBlank: false, paraOpen: true };
            break;
          }
          case 'setext':
            if (kind.depth === 2 && THEMATIC.test(content)) {
              children.push({ type: 'thematicBreak', position: position(start, lineEnd) });
              break;
            }
            return bail('setext underline without a paragraph');
          default:
            return bail('unexpected line');
        }
      }
    }
    prevBlank = kind.k === 'blank';
    pos = next;
    lineNo++;
  }
  if (open.t === 'fence' || open.t === 'comment') return { ok: false, reason: `unclosed ${open.t} at the end of the document` };
  close();
  const lastLineStart = Math.max(base, text.lastIndexOf('\n') + 1);
  const endPos: Pos = { offset: len, line: lineNo - 1, lineStart: lastLineStart };
  return { ok: true, root: { type: 'root', children, position: position({ offset: base, line: 1, lineStart: base }, endPos) } };

  /** An empty list node for a first item of this kind. */
  function listNode(kind: Extract<Kind, { k: 'item' }>): List {
    return { type: 'list', ordered: kind.ordered, start: kind.ordered ? kind.start : null, spread: false, children: [] };
  }

  /** A list item whose first line is `content` (marker included); a string says why not. */
  function newItem(start: Pos, lineEnd: Pos, width: number, content: string): ListItem | string {
    const first = content.slice(width);
    const kind = classify(first);
    if (kind.k !== 'para') return kind.k === 'bail' ? kind.why : `${kind.k} as a list item's first block`;
    if (first.charCodeAt(0) === 91) return 'possible link definition';
    const childStart: Pos = { ...start, offset: start.offset + width };
    const child: Paragraph = { type: 'paragraph', children: [], position: position(childStart, lineEnd) };
    return { type: 'listItem', spread: false, children: [child] };
  }
}
