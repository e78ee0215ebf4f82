import type { DocumentRule, Finding } from './types';
import { fieldInfo } from '../fields';
import { fieldState } from '../model';
import { isPlaceholder, stripInlineMarkup } from '../values';
import { deleteLines, itemAtLine } from '../actions/text';

/** CM004: the same field (aliases included) appears twice; reported on the later occurrence. */
export const fieldDuplicate: DocumentRule = {
  id: 'CM004',
  name: 'field-duplicate',
  severity: 'warning',
  scope: 'document',
  docs: 'Two values for one field leave the reader guessing which one holds; the first one is the one the checks use.',
  fixes({ analysis: a, diagnostic: d }) {
    const item = itemAtLine(a, d.range.start.line);
    if (!item?.key) return [];
    const first = fieldState(a.doc, item.key).item;
    const norm = (v: string) => stripInlineMarkup(v).replace(/\s+/g, ' ').toLowerCase();
    // Removing loses nothing when the duplicate repeats the first value or says nothing.
    const safe = isPlaceholder(item.value) || (first !== undefined && norm(first.value) === norm(item.value));
    const e = deleteLines(a.md.lines, item.range.start.line, item.range.end.line);
    return [{ title: `Remove the duplicate "${item.name}" item`, edits: [e], isPreferred: true, safe }];
  },
  check({ doc }) {
    const out: Finding[] = [];
    const first = new Map<string, string>();
    for (const item of doc.header?.items ?? []) {
      if (!item.key) continue;
      const earlier = first.get(item.key);
      if (earlier === undefined) {
        first.set(item.key, item.name);
        continue;
      }
      out.push({
        range: item.range,
        message: `"${item.name}" repeats the field "${fieldInfo(item.key).name}" (already given as "${earlier}"); only the first value counts. Remove one.`,
        data: { fix: 'removeItem' },
      });
    }
    return out;
  },
};
