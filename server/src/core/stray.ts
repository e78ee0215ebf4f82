/**
 * Header items that markdown does not read as part of the header (SPEC section 8: "messages that
 * point at the cause"). A `- Status: Planned` after a paragraph, indented under another item or
 * indented into code is not a header item; when its field is then reported missing, the message
 * names the line and the markdown that put it outside the header. Read from the blocks both
 * parsing paths give (core/fast models the same top-level nodes), so both agree.
 */
import type { List, RootContent } from 'mdast';
import type { ParsedMarkdown } from './parse';
import type { HeaderItem, StrayItem } from './schema';
import type { HeaderNodes } from './header';
import { cleanName, isCommentBlock, readItem } from './header';
import { fieldByName } from './fields';

/** A line that looks like a header item: bullet or number, optional task box, `Name:`. */
const ITEM_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?([^:\r\n]{1,60}):/;
/** A continuation line written like a field without its bullet: `Status: Planned`. */
const BARE_FIELD = /^[ \t]*([^:\r\n\-*+#>|`<\s][^:\r\n]{0,59}):[ \t]/;

function startOf(node: { position?: { start: { offset?: number } } }, base: number): number {
  return (node.position?.start.offset ?? 0) + base;
}
function endOf(node: { position?: { end: { offset?: number } } }, base: number): number {
  return (node.position?.end.offset ?? 0) + base;
}

/** What a block is, for a message ("the text on line 12"). */
function describe(md: ParsedMarkdown, node: RootContent): string {
  const line = md.lines.positionAt(startOf(node, md.base)).line + 1;
  switch (node.type) {
    case 'paragraph':
      return `the text on line ${line}`;
    case 'heading':
      return `the heading on line ${line}`;
    case 'html':
      return `the HTML on line ${line}`;
    case 'code':
      return `the code block on line ${line}`;
    case 'blockquote':
      return `the block quote on line ${line}`;
    case 'thematicBreak':
      return `the horizontal rule on line ${line}`;
    case 'list':
      return `the ${node.ordered ? 'numbered ' : ''}list on line ${line}`;
    default:
      return `line ${line}`;
  }
}

/** Lines of `text` (from `from`) that name a known field, with their 0-based line numbers. */
function fieldLines(
  md: ParsedMarkdown,
  from: number,
  to: number,
  pattern: RegExp,
): { line: number; name: string; key: NonNullable<HeaderItem['key']> }[] {
  const out: { line: number; name: string; key: NonNullable<HeaderItem['key']> }[] = [];
  const first = md.lines.positionAt(from).line;
  const last = md.lines.positionAt(to).line;
  for (let l = first; l <= last; l++) {
    const m = pattern.exec(md.lines.lineText(l));
    const name = m ? cleanName(m[1]!) : '';
    const key = name ? fieldByName(name)?.key : undefined;
    if (key) out.push({ line: l, name, key });
  }
  return out;
}

/** The header-like items markdown put outside the header, each with the cause in words. */
export function findStrayItems(md: ParsedMarkdown, nodes: HeaderNodes, items: readonly HeaderItem[]): StrayItem[] {
  const out: StrayItem[] = [];
  // Lines inside an item after its first: a nested item, or a field written without its bullet.
  for (const item of items) {
    const firstLine = item.range.start.line;
    if (item.range.end.line === firstLine) continue;
    const from = md.lines.lineStart(firstLine + 1);
    for (const s of fieldLines(md, from, item.endOffset, ITEM_LINE)) {
      out.push({
        ...s,
        cause: `it is indented under "${item.name}" (line ${firstLine + 1}), so markdown reads it as part of that item's value; write it without indentation`,
      });
    }
    for (const s of fieldLines(md, from, item.endOffset, BARE_FIELD)) {
      out.push({
        ...s,
        cause: `it has no bullet, so markdown reads it as part of "${item.name}" (line ${firstLine + 1}); write it as \`- ${s.name}: ...\``,
      });
    }
  }
  // Blocks after the header, up to the first section heading.
  const children = md.root.children;
  for (let i = nodes.after; i < nodes.zoneEnd && nodes.list; i++) {
    const node = children[i]!;
    if (node.type === 'list') {
      const prev = children[i - 1]!;
      const cause = (node as List).ordered
        ? 'it is a numbered item and the header is a bullet list; write it with `- `'
        : `markdown starts a new list there, because ${describe(md, prev)} ends the header list; move it into the header list`;
      for (const li of (node as List).children) {
        const it = readItem(md, li);
        if (it?.key && it.hasColon) out.push({ line: it.range.start.line, name: it.name, key: it.key, cause });
      }
    } else if (
      node.type === 'code' ||
      node.type === 'blockquote' ||
      node.type === 'html' ||
      node.type === 'paragraph'
    ) {
      const move = '; move it into the header list';
      const cause =
        node.type === 'code'
          ? `markdown reads it as code (it is indented 4 spaces or more, or inside a fence)${move}`
          : node.type === 'blockquote'
            ? `it is inside a block quote${move}`
            : isCommentBlock(md, node)
              ? 'it is commented out (inside an HTML comment); take it out of the comment'
              : node.type === 'html'
                ? `it is inside an HTML block${move}`
                : `markdown reads it as part of ${describe(md, node)}${move}`;
      for (const s of fieldLines(md, startOf(node, md.base), endOf(node, md.base), ITEM_LINE))
        out.push({ ...s, cause });
    }
  }
  return out;
}
