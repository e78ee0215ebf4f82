/**
 * Field-name completion in the header: the fields this document still lacks, one entry per
 * field (its aliases are filter text, not rows), the ones it needs first. On a line without a
 * bullet (an empty line by the header, or a bare word like `Appr`) the item writes the bullet too.
 */
import type { Command, CompletionItem, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { fieldState } from '../model';
import type { FieldKey } from '../fields';
import { FIELDS, foldName } from '../fields';
import { approvalRequired } from '../lifecycle';
import type { ChangeDocument } from '../schema';

// CompletionItemKind.Field (LSP), spelled out to keep the core free of runtime imports.
const FIELD_KIND = 5;

/** A custom field's documentation (hover and completion). */
export const EXTRA_FIELD_DOC =
  'A custom field of this repository (`extraFields` in `.itsmote.json`): known, but not checked.';

/**
 * The fields this document needs (SPEC section 2, for its type and status): always the core
 * record, the window for Standard and Normal changes (or an unknown type), approval when it is
 * required, the incident for Emergency changes, the outcome once Closed or Rolled Back.
 */
export function neededFields(doc: ChangeDocument): Set<FieldKey> {
  const t = doc.values.changeType;
  const s = doc.values.status;
  const needed = new Set<FieldKey>([
    'title',
    'changeType',
    'owner',
    'services',
    'risk',
    'status',
    'rollback',
    'verification',
    'impact',
  ]);
  if (t !== 'Emergency') needed.add('window');
  if (approvalRequired(doc)) needed.add('approval');
  if (t === 'Emergency') needed.add('incident');
  if (s === 'Closed' || s === 'Rolled Back') needed.add('outcome');
  return needed;
}

/** Whether the document already has a field, other than on `line` (the item being written). */
function hasField(a: Analysis, key: FieldKey, line: number): boolean {
  if (
    key === 'title' &&
    a.doc.title !== undefined &&
    !a.doc.header?.items.some((i) => i.key === 'title' && i.range.start.line === line)
  )
    return true;
  if (a.doc.header?.items.some((i) => i.key === key && i.range.start.line !== line)) return true;
  // A long-form section satisfies the field (`## Rollback plan`): nothing to add in the header.
  return fieldState(a.doc, key).section !== undefined;
}

/** Where the item's text goes and how it is written. */
export interface FieldSlot {
  line: number;
  /** The range the item replaces (the name being typed, or the bare word / empty line). */
  range: Range;
  /** Written before the name: `- ` on a line without a bullet, else nothing. */
  bullet: string;
  /** A colon already follows the name: write the name alone. */
  hasColon: boolean;
}

/** The field-name items for a slot; `retrigger` is set for fields whose values can be completed. */
export function fieldNameItems(
  a: Analysis,
  slot: FieldSlot,
  extraFields: readonly string[],
  retrigger: (key: FieldKey) => Command | undefined,
): CompletionItem[] {
  const needed = neededFields(a.doc);
  const out: CompletionItem[] = [];
  FIELDS.forEach((f, i) => {
    if (hasField(a, f.key, slot.line)) return;
    const need = needed.has(f.key);
    // Accepting the name goes on to the value: `Change type:` then the values' list opens, with
    // the cursor after the colon (the values bring their own space), so no snippet list joins in.
    const command = slot.hasColon ? undefined : retrigger(f.key);
    const newText = `${slot.bullet}${f.name}${slot.hasColon ? '' : command ? ':' : ': '}`;
    out.push({
      label: f.name,
      kind: FIELD_KIND,
      detail: need ? 'needed by this change' : 'optional here',
      documentation: {
        kind: 'markdown',
        value: f.doc + (f.aliases.length ? `\n\nAlso written: ${f.aliases.map((x) => `\`${x}\``).join(', ')}.` : ''),
      },
      sortText: `${need ? 0 : 1}${String(i).padStart(2, '0')}`,
      // Every name of the field finds it: typing `Backout` or `Appr` offers the canonical name.
      filterText: [f.name, ...f.aliases].join(' '),
      textEdit: { range: slot.range, newText },
      ...(command ? { command } : {}),
    });
  });
  extraFields.forEach((name, i) => {
    if (a.doc.header?.items.some((o) => o.range.start.line !== slot.line && foldName(o.name) === foldName(name)))
      return;
    out.push({
      label: name,
      kind: FIELD_KIND,
      detail: 'custom field',
      documentation: { kind: 'markdown', value: EXTRA_FIELD_DOC },
      sortText: `2${String(i).padStart(2, '0')}`,
      filterText: name,
      textEdit: { range: slot.range, newText: `${slot.bullet}${name}${slot.hasColon ? '' : ': '}` },
    });
  });
  return out;
}
