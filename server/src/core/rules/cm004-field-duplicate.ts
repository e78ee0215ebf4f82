import type { DocumentRule, Finding } from './types';
import { fieldInfo } from '../fields';

/** CM004: the same field (aliases included) appears twice; reported on the later occurrence. */
export const fieldDuplicate: DocumentRule = {
  id: 'CM004',
  name: 'field-duplicate',
  defaultSeverity: 'warning',
  scope: 'document',
  rationale: 'Two values for one field leave the reader guessing which one holds; the first one is the one the checks use.',
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
