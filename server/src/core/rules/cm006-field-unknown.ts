import type { DocumentRule, Finding } from './types';
import type { HeaderItem } from '../schema';
import { ALL_FIELD_NAMES, CHANGE_TYPES, extraFieldByName, fieldByName, RISK_LEVELS, STATUSES } from '../fields';
import type { FieldKey } from '../fields';
import { matchEnum } from '../values';
import { itemAtLine, replaceSpan } from '../actions/text';
import { suggest } from './util';

// Longest first, so that `Change Owner @a` is read as Change Owner, not Change + ...
const NAMES_LONGEST_FIRST = [...ALL_FIELD_NAMES]
  .sort((a, b) => b.length - a.length)
  .map((name) => ({ name, folded: name.toLowerCase(), key: fieldByName(name)!.key }));

/** The known names, listed in the message of an unknown field with no close name. */
const KNOWN_FIELDS = ALL_FIELD_NAMES.join(', ');

const namesWithExtra = new WeakMap<readonly string[], readonly string[]>();

/** The names a header item may mean: the fields and aliases, and the config's custom fields (one list per config). */
function candidateNames(extraFields: readonly string[]): readonly string[] {
  if (extraFields.length === 0) return ALL_FIELD_NAMES;
  let names = namesWithExtra.get(extraFields);
  if (!names) namesWithExtra.set(extraFields, (names = [...ALL_FIELD_NAMES, ...extraFields]));
  return names;
}

const ENUMS: Partial<Record<FieldKey, readonly string[]>> = {
  changeType: CHANGE_TYPES,
  risk: RISK_LEVELS,
  status: STATUSES,
};

/**
 * A colon-less item that is a field name followed by a value only that field takes
 * (`Change type Normal`, `Owner @alice`): clearly a field with its colon forgotten. Prose that
 * merely starts with a field name (`Status of the migration ...`) does not match.
 */
function forgottenColon(item: HeaderItem): { name: string; value: string } | undefined {
  const lower = item.name.toLowerCase();
  for (const { name, folded, key } of NAMES_LONGEST_FIRST) {
    if (!lower.startsWith(folded) || lower[folded.length] !== ' ') continue;
    const value = item.name.slice(folded.length).trim();
    if (value === '') continue;
    const allowed = ENUMS[key];
    if (allowed ? matchEnum(value, allowed) : (key === 'owner' || key === 'approval') && /^@[\w.-]+$/.test(value)) {
      return { name: item.name.slice(0, name.length), value };
    }
  }
  return undefined;
}

/** CM006: a header item matches no field or alias; offers the closest name. */
export const fieldUnknown: DocumentRule = {
  id: 'CM006',
  name: 'field-unknown',
  severity: 'information',
  scope: 'document',
  docs: 'A misspelt field name hides its value from every check: a "Rollbak plan" is no rollback plan.',
  fixes({ analysis: a, diagnostic: d, data }) {
    const item = itemAtLine(a, d.range.start.line);
    if (!item || typeof data.suggestion !== 'string') return [];
    const l = a.md.lines;
    const text = item.hasColon ? data.suggestion : `${data.suggestion}:`;
    const e = replaceSpan(l, l.offsetAt(item.nameRange.start), l.offsetAt(item.nameRange.end), text);
    return [
      {
        title: item.hasColon ? `Rename "${item.name}" to "${data.suggestion}"` : `Write "${data.suggestion}:"`,
        edits: [e],
        isPreferred: true,
        safe: true,
      },
    ];
  },
  check({ doc, options: { extraFields = [] } }) {
    const out: Finding[] = [];
    const names = candidateNames(extraFields);
    for (const item of doc.header?.items ?? []) {
      if (item.key) continue;
      // A custom field of the repository (SPEC section 8) is known.
      const extra = extraFieldByName(item.name, extraFields);
      if (extra && item.hasColon) continue;
      const suggestion = suggest(item.name, names);
      if (!item.hasColon) {
        // Without a colon the item is prose unless it is close to a field name (SPEC section 7).
        const exact = fieldByName(item.name)?.name ?? extra;
        if (exact) {
          out.push({
            range: item.nameRange,
            message: `"${item.name}" has no colon; write \`${item.name}: value\`.`,
            data: { fix: 'renameField', name: item.name, suggestion: exact },
          });
          continue;
        }
        const forgotten = forgottenColon(item);
        if (forgotten) {
          // No fix: the rename would replace the whole line, value included.
          out.push({
            range: item.nameRange,
            message: `"${item.name}" has no colon, so it is not read as a field; write \`${forgotten.name}: ${forgotten.value}\`.`,
          });
          continue;
        }
        if (!suggestion) continue;
      }
      out.push({
        range: item.nameRange,
        message: suggestion
          ? `Unknown header field "${item.name}". Did you mean "${suggestion}"?`
          : `Unknown header field "${item.name}"; it is not checked. Known fields: ${KNOWN_FIELDS}${extraFields.length ? `; custom fields: ${extraFields.join(', ')}` : ''}. A field of your own goes into \`extraFields\` in .itsmote.json.`,
        data: suggestion ? { fix: 'renameField', name: item.name, suggestion } : undefined,
      });
    }
    return out;
  },
};
