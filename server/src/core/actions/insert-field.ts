/**
 * Inserting a header item where it belongs: after the last item whose field comes earlier in the
 * catalogue (fields.ts `FIELDS`), so inserted fields keep the template's order.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { FieldKey } from '../fields';
import { FIELDS, fieldInfo } from '../fields';
import { eolOf, insertAt } from './text';

const ORDER = new Map(FIELDS.map((f, i) => [f.key, i]));

/** The edit that inserts `- Name: value` into the header in catalogue order; undefined without a header. */
export function insertFieldEdit(a: Analysis, key: FieldKey, value = ''): TextEdit | undefined {
  const header = a.doc.header;
  if (!header) return undefined;
  const eol = eolOf(a.md.text);
  const line = `${header.bullet} ${fieldInfo(key).name}:${value ? ` ${value}` : ''}`;
  const rank = ORDER.get(key)!;
  let after: (typeof header.items)[number] | undefined;
  for (const item of header.items) {
    if (item.key !== undefined && ORDER.get(item.key)! < rank) after = item;
  }
  if (after) return insertAt(a.md.lines, after.endOffset, eol + line);
  const first = header.items[0];
  if (first) return insertAt(a.md.lines, first.startOffset, line + eol);
  return insertAt(a.md.lines, header.endOffset, eol + line);
}
