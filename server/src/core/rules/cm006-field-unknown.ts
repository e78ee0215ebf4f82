import type { DocumentRule, Finding } from './types';
import { ALL_FIELD_NAMES, fieldByName } from '../fields';
import { closest } from '../values';

/** CM006: a header item matches no field or alias; offers the closest name. */
export const fieldUnknown: DocumentRule = {
  id: 'CM006',
  name: 'field-unknown',
  defaultSeverity: 'information',
  scope: 'document',
  rationale: 'A misspelt field name hides the value from every check: a "Rollbak plan" is no rollback plan.',
  check({ doc }) {
    const out: Finding[] = [];
    for (const item of doc.header?.items ?? []) {
      if (item.key) continue;
      const suggestion = closest(item.name, ALL_FIELD_NAMES);
      if (!item.hasColon) {
        // Without a colon the item is prose unless it is close to a field name (SPEC section 7).
        if (!suggestion || fieldByName(item.name)) {
          if (fieldByName(item.name)) {
            out.push({ range: item.nameRange, message: `"${item.name}" has no colon; write \`${item.name}: value\`.`, data: { fix: 'renameField', name: item.name, suggestion: fieldByName(item.name)!.name } });
          }
          continue;
        }
      }
      out.push({
        range: item.nameRange,
        message: suggestion
          ? `Unknown header field "${item.name}". Did you mean "${suggestion}"?`
          : `Unknown header field "${item.name}"; it is not checked. Known fields: ${ALL_FIELD_NAMES.join(', ')}.`,
        data: suggestion ? { fix: 'renameField', name: item.name, suggestion } : undefined,
      });
    }
    return out;
  },
};
