/**
 * The state of every field of one document, read in one pass over its header and shared by the
 * rules through their context (`DocumentContext.field`): a dozen rules ask for a field's state,
 * and each `fieldState` (model.ts) walks the items and reads the value again.
 */
import type { ChangeDocument, HeaderItem } from '../schema';
import type { FieldKey } from '../fields';
import type { FieldState } from '../model';
import { fieldStateOf } from '../model';

const NO_ITEMS: readonly HeaderItem[] = [];

/** Equal, field by field, to `fieldState(doc, key)` of model.ts. */
export class FieldStates {
  private readonly byKey = new Map<FieldKey, HeaderItem[]>();
  private readonly states = new Map<FieldKey, FieldState>();

  constructor(private readonly doc: ChangeDocument) {
    for (const i of doc.header?.items ?? []) {
      if (!i.key) continue;
      const list = this.byKey.get(i.key);
      if (list) list.push(i);
      else this.byKey.set(i.key, [i]);
    }
  }

  /** The field's first header item (later ones are duplicates), if any. */
  first(key: FieldKey): HeaderItem | undefined {
    return this.byKey.get(key)?.[0];
  }

  /** The state of a field (see `FieldState`). */
  get(key: FieldKey): FieldState {
    let s = this.states.get(key);
    if (!s) {
      s = fieldStateOf(this.doc, key, this.byKey.get(key) ?? NO_ITEMS);
      this.states.set(key, s);
    }
    return s;
  }
}
