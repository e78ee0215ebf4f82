/**
 * Where code is in a scanned document, without remark: suppression directives inside code are
 * examples, not directives (suppressions.ts), and the scan knows the top-level blocks and the
 * fences inside list items. Inline code needs backticks before the offset in the same block; when
 * there are some (or the offset is in a block quote, which the scan does not look into), the
 * answer is "unsure" and the caller asks the full tree.
 */
import type { Root } from 'mdast';

/** Whether an offset (in `text`) is inside code: true, false, or undefined when the blocks cannot tell. */
export type InCode = (offset: number) => boolean | undefined;

/** Counts backticks in text[from, to) outside the given ranges. */
function backticks(text: string, from: number, to: number, skip: readonly [number, number][]): boolean {
  for (let i = text.indexOf('`', from); i >= 0 && i < to; i = text.indexOf('`', i + 1))
    if (!skip.some(([s, e]) => i >= s && i < e)) return true;
  return false;
}

/** The `InCode` of a scanned document: its root (offsets relative to `base`) and item fences. */
export function inCodeOf(text: string, root: Root, base: number, itemFences: readonly [number, number][]): InCode {
  return (offset) => {
    for (const node of root.children) {
      const s = (node.position?.start.offset ?? 0) + base;
      const e = (node.position?.end.offset ?? 0) + base;
      if (offset < s) return undefined;
      if (offset >= e) continue;
      switch (node.type) {
        case 'code':
          return true;
        case 'html':
        case 'thematicBreak':
          return false;
        case 'paragraph':
        case 'heading':
        case 'definition':
          return backticks(text, s, offset, []) ? undefined : false;
        case 'list':
          if (itemFences.some(([fs, fe]) => offset >= fs && offset < fe)) return true;
          return backticks(text, s, offset, itemFences) ? undefined : false;
        default:
          return undefined;
      }
    }
    return undefined;
  };
}
