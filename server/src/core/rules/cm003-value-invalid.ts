import { replaceValueFixes } from '../actions/field-fixes';
import type { DocumentRule, Finding } from './types';
import type { HeaderItem } from '../schema';
import { CHANGE_TYPES, RISK_LEVELS, STATUSES, TOUCHES } from '../fields';
import { matchEnum, splitList } from '../values';
import { suggest } from './util';
import { hasValue } from '../values';

const LISTS = { changeType: CHANGE_TYPES, risk: RISK_LEVELS, status: STATUSES } as const;

function invalid(item: HeaderItem, value: string, allowed: readonly string[], what: string): Finding {
  const suggestion = suggest(value, allowed);
  return {
    range: item.valueRange,
    message: `"${value}" is not a valid ${what}. Use one of: ${allowed.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
    data: { fix: 'replaceValue', field: item.key, value, ...(suggestion ? { suggestion } : {}), allowed: [...allowed] },
  };
}

/** CM003: Change type, Risk level, Status or Touches (or a status log entry) has a value outside its list. */
export const valueInvalid: DocumentRule = {
  id: 'CM003',
  name: 'value-invalid',
  severity: 'error',
  scope: 'document',
  docs: 'Types, risk levels and statuses drive approval, the lifecycle and the metrics. A value outside the list silently switches those checks off: rules that depend on an unknown type, status or risk are skipped, and CM003 is the only report.',
  fixes: replaceValueFixes(true),
  check(ctx) {
    const { doc } = ctx;
    const out: Finding[] = [];
    for (const item of doc.header?.items ?? []) {
      // Only the first item of a field counts (CM004 reports the others).
      if (!item.key || ctx.field(item.key).item !== item) continue;
      if (!hasValue(item.value)) continue;
      if (item.key === 'changeType' || item.key === 'risk' || item.key === 'status') {
        const allowed = LISTS[item.key];
        if (!matchEnum(item.value, allowed)) {
          const what = item.key === 'changeType' ? 'Change type' : item.key === 'risk' ? 'Risk level' : 'Status';
          out.push(invalid(item, item.value, allowed, what));
        }
      } else if (item.key === 'touches') {
        for (const t of splitList(item.value)) {
          if (!matchEnum(t, TOUCHES)) out.push(invalid(item, t, TOUCHES, 'Touches value'));
        }
      }
    }
    for (const e of doc.statusLog?.entries ?? []) {
      if (e.status) continue;
      if (e.statusText === '') {
        out.push({
          range: e.range,
          message: `This status log entry names no status. Write \`<timestamp> <Status> by <person>\`, with one of: ${STATUSES.join(', ')}.`,
        });
        continue;
      }
      const suggestion = suggest(e.statusText, STATUSES);
      out.push({
        range: e.range,
        message: `Status log entry names "${e.statusText}", which is not a status. Use one of: ${STATUSES.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      });
    }
    return out;
  },
};
