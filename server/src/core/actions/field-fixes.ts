/**
 * Quick-fix builders several rules share: adding a missing field, filling the owner, replacing a
 * value or one element of a list value. A rule names the ones it uses in its `fixes`; the
 * finding's `data` (`fix`, `field`, `value`, `suggestion`, ...) says what to build.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { fieldState, fieldValue } from '../model';
import type { FieldKey } from '../fields';
import { fieldInfo, FIELD_KEYS } from '../fields';
import type { FixContext, FixProvider } from '../rules/types';
import { replaceItemValue, replaceSpan } from './text';
import { insertFieldEdit } from './insert-field';
import type { Fix, FixOptions } from './fix';

/** Whether a value of `data` names a field. */
export function isFieldKey(k: unknown): k is FieldKey {
  return typeof k === 'string' && (FIELD_KEYS as readonly string[]).includes(k);
}

/** The edit replacing the value of a field's first header item, if it has one. */
export function replaceValueOf(a: Analysis, key: FieldKey, value: string): TextEdit | undefined {
  const item = fieldState(a.doc, key).item;
  if (!item) return undefined;
  return replaceItemValue(a, item, value);
}

/** Replaces one element of a comma list value (Touches, Affected services, Approval) with `to`; nothing else on the line changes. */
export function replaceListElement(a: Analysis, key: FieldKey, from: string, to: string): TextEdit | undefined {
  const item = fieldState(a.doc, key).item;
  if (!item) return undefined;
  const l = a.md.lines;
  const start = l.offsetAt(item.valueRange.start);
  const raw = a.md.text.slice(start, l.offsetAt(item.valueRange.end));
  const re = new RegExp(
    `(^|[,;]\\s*)([*_\`]*)(${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=[*_\`]*\\s*(?:[,;]|$))`,
    'i',
  );
  const m = re.exec(raw);
  if (!m) return undefined;
  const at = start + m.index + m[1]!.length + m[2]!.length;
  return replaceSpan(l, at, at + m[3]!.length, to);
}

function insertFieldFix(a: Analysis, key: FieldKey, opts: FixOptions): Fix[] {
  const name = fieldInfo(key).name;
  const fixes: Fix[] = [];
  if (key === 'status') {
    const entries = a.doc.statusLog?.entries ?? [];
    const value = entries[entries.length - 1]?.status ?? 'Planned';
    const e = insertFieldEdit(a, key, value);
    if (e) fixes.push({ title: `Add "${name}: ${value}"`, edits: [e], isPreferred: true, safe: false });
    return fixes;
  }
  if (key === 'owner' && opts.author.trim()) {
    const e = insertFieldEdit(a, key, opts.author.trim());
    if (e) fixes.push({ title: `Add "${name}: ${opts.author.trim()}"`, edits: [e], isPreferred: false, safe: false });
  }
  const e = insertFieldEdit(a, key);
  // The cursor goes into the new, empty value: just past `Name:`.
  const colon = e ? e.newText.indexOf(`${name}:`) : -1;
  if (e)
    fixes.unshift({
      title: `Add the "${name}" field`,
      edits: [e],
      isPreferred: true,
      safe: false,
      ...(colon >= 0 ? { cursor: { edit: 0, offset: colon + name.length + 1 } } : {}),
    });
  return fixes;
}

function ownerFix(a: Analysis, opts: FixOptions): Fix[] {
  const author = opts.author.trim();
  if (!author || fieldValue(a.doc, 'owner') !== undefined) return [];
  const e = replaceValueOf(a, 'owner', author);
  return e ? [{ title: `Set Change Owner to "${author}"`, edits: [e], isPreferred: false, safe: false }] : [];
}

/**
 * `insertField` (add the missing `- Field: ` item) and `fillValue` (an empty value: for Change
 * Owner the editor offers your own handle; other values are yours to write).
 */
export const missingFieldFixes: FixProvider = ({ analysis: a, data, options }) => {
  if (data.fix === 'insertField') return isFieldKey(data.field) ? insertFieldFix(a, data.field, options) : [];
  if (data.fix === 'fillValue' && data.field === 'owner') return ownerFix(a, options);
  return [];
};

/**
 * `replaceValue`: change a value to the suggestion (`data.suggestion`) or to each allowed value
 * (`data.allowed`). `safe`: whether a single suggestion is a typo fix fix-all may apply, not a
 * judgement only the author can make.
 */
export function replaceValueFixes(safe: boolean): FixProvider {
  return ({ analysis: a, data }: FixContext) => {
    if (data.fix !== 'replaceValue' || !isFieldKey(data.field) || typeof data.value !== 'string') return [];
    const key = data.field;
    const name = fieldInfo(key).name;
    const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
    const allowed = Array.isArray(data.allowed) ? data.allowed.filter((v): v is string => typeof v === 'string') : [];
    const candidates = suggestion !== undefined ? [suggestion] : allowed;
    const out: Fix[] = [];
    for (const to of candidates) {
      const e =
        key === 'touches' || key === 'services'
          ? replaceListElement(a, key, data.value, to)
          : replaceValueOf(a, key, to);
      if (!e) continue;
      const one = suggestion !== undefined;
      out.push({ title: `Change ${name} to "${to}"`, edits: [e], isPreferred: one, safe: safe && one });
    }
    return out;
  };
}

/**
 * A did-you-mean for an unknown name in a list value (CM016 people, CM017 services): replace the
 * one unknown name with the suggestion. Not safe for fix-all: the catalog or CODEOWNERS may be
 * the stale side, and only the author knows.
 */
export function replaceNameFix(a: Analysis, key: FieldKey, from: unknown, to: unknown): Fix[] {
  if (typeof to !== 'string' || typeof from !== 'string') return [];
  const e = replaceListElement(a, key, from, to);
  return e ? [{ title: `Replace "${from}" with "${to}"`, edits: [e], isPreferred: true, safe: false }] : [];
}
