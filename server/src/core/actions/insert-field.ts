/**
 * Inserting a header item where it belongs: after the last item whose field comes earlier in the
 * catalogue (fields.ts `FIELDS`), so inserted fields keep the template's order.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { FieldKey } from '../fields';
import { FIELDS, fieldInfo } from '../fields';
import type { HeaderItem } from '../schema';
import { insertAt } from './text';
import { eolAt } from './log-edit';

const ORDER = new Map(FIELDS.map((f, i) => [f.key, i]));

/**
 * How a new item is written: the marker and spacing of `like` (`- `, `  * `, `-\t`), else the
 * header's bullet.
 */
function prefixOf(a: Analysis, like: HeaderItem | undefined, bullet: string): string {
  if (!like) return `${bullet} `;
  const lines = a.md.lines;
  const lineStart = lines.lineStart(like.range.start.line);
  const prefix = a.md.text.slice(lineStart, lines.offsetAt(like.nameRange.start)).replace(/[*_]+$/, '');
  return /^[ \t]*[-*+][ \t]+$/.test(prefix) ? prefix : `${bullet} `;
}

/**
 * The edit that inserts `- Name: value` into the header in catalogue order; undefined without a
 * header. It only inserts a line: the line it follows keeps its trailing spaces and line break,
 * and comments between items stay where they are.
 */
export function insertFieldEdit(a: Analysis, key: FieldKey, value = ''): TextEdit | undefined {
  const header = a.doc.header;
  if (!header) return undefined;
  const lines = a.md.lines;
  const rank = ORDER.get(key)!;
  let after: HeaderItem | undefined;
  for (const item of header.items) {
    if (item.key !== undefined && ORDER.get(item.key)! < rank) after = item;
  }
  const text = (like: HeaderItem | undefined) =>
    `${prefixOf(a, like, header.bullet)}${fieldInfo(key).name}:${value ? ` ${value}` : ''}`;
  if (after) {
    const at = lines.lineEnd(lines.positionAt(after.endOffset).line);
    return insertAt(lines, at, eolAt(a.md.text, at) + text(after));
  }
  const first = header.items[0];
  if (first) {
    const at = lines.lineStart(first.range.start.line);
    return insertAt(lines, at, text(first) + eolAt(a.md.text, lines.lineEnd(first.range.start.line)));
  }
  const at = lines.lineEnd(lines.positionAt(header.endOffset).line);
  return insertAt(lines, at, eolAt(a.md.text, at) + text(undefined));
}
