/**
 * A slim model (record.ts `slimModel`) kept compact in memory: the header items and the status log,
 * about a hundred small objects per document (each range is three), packed into one flat array and
 * unpacked on first read (`lazyModel` of record-codec.ts). A cold `check` keeps every document's
 * record until the set rules and the output; only a few records are read again (CM036 on an open
 * change, CM040's members, the repository rules), and each retained object makes every garbage
 * collection of the run slower.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ChangeDocument, HeaderItem, StatusLog } from './schema';
import type { ColdPart } from './record-codec';
import { lazyModel } from './record-codec';

/** A flat array of strings, numbers, booleans and markers (see `pushFields`). */
type Flat = unknown[];

/** Marks a range in a flat array: its four numbers follow. `null` is no value of the model's items and entries. */
const RANGE = null;
/** Marks a list of objects (the log's entries) in a flat array: its length and each object's fields follow. */
const LIST = Symbol('list');

function isRange(v: unknown): v is Range {
  const r = v as Partial<Range> | null;
  return typeof r === 'object' && r !== null && typeof r.start === 'object' && typeof r.end === 'object';
}

/**
 * Pushes an object's own fields, in their order, as `count, key, value...`; a range value is
 * `RANGE` and its four numbers, a list of objects `LIST`, its length and their fields. Other
 * values (strings, numbers, booleans in items and entries) are kept as they are.
 */
function pushFields(o: object, out: Flat): void {
  const at = out.length;
  out.push(0);
  let n = 0;
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    n++;
    if (typeof v !== 'object' || v === null) out.push(k, v);
    else if (isRange(v)) out.push(k, RANGE, v.start.line, v.start.character, v.end.line, v.end.character);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null)) {
      out.push(k, LIST, v.length);
      for (const x of v as object[]) pushFields(x, out);
    } else out.push(k, v);
  }
  out[at] = n;
}

/** Reads what `pushFields` wrote at `flat[at]` into `o`; returns the index after it. */
function readFields(flat: Flat, at: number, o: Record<string, unknown>): number {
  const n = flat[at++] as number;
  for (let f = 0; f < n; f++) {
    const k = flat[at++] as string;
    const v = flat[at++];
    if (v === RANGE) {
      const r = flat as number[];
      o[k] = { start: { line: r[at]!, character: r[at + 1]! }, end: { line: r[at + 2]!, character: r[at + 3]! } };
      at += 4;
    } else if (v === LIST) {
      const list: Record<string, unknown>[] = [];
      const length = flat[at++] as number;
      for (let i = 0; i < length; i++) {
        const x: Record<string, unknown> = {};
        at = readFields(flat, at, x);
        list.push(x);
      }
      o[k] = list;
    } else o[k] = v;
  }
  return at;
}

/** Header items and status log in a flat array: `[item count, ...item fields, ...log fields (when a log)]`. */
function pack(items: readonly HeaderItem[] | undefined, log: StatusLog | undefined): Flat {
  const flat: Flat = [items ? items.length : 0];
  for (const i of items ?? []) pushFields(i, flat);
  if (log) pushFields(log, flat);
  return flat;
}

/** The cold part of a compact model: unpacked once, on first read. */
class FlatCold implements ColdPart {
  private value: { items?: HeaderItem[]; log?: StatusLog } | undefined;

  constructor(
    private flat: Flat,
    private readonly hasHeader: boolean,
  ) {}

  get(): { items?: HeaderItem[]; log?: StatusLog } {
    if (!this.value) {
      const flat = this.flat;
      const value: { items?: HeaderItem[]; log?: StatusLog } = {};
      let at = 1;
      const items: HeaderItem[] = [];
      for (let i = 0; i < (flat[0] as number); i++) {
        const item = {} as HeaderItem;
        at = readFields(flat, at, item as unknown as Record<string, unknown>);
        items.push(item);
      }
      if (this.hasHeader) value.items = items;
      if (at < flat.length) {
        const log = {} as StatusLog;
        readFields(flat, at, log as unknown as Record<string, unknown>);
        value.log = log;
      }
      this.value = value;
      this.flat = [];
    }
    return this.value;
  }
}

/**
 * The slim model `slim` with its header items and status log packed (see the file's comment):
 * equal to `slim` once read, field by field and in the same order.
 */
export function compactModel(slim: ChangeDocument): ChangeDocument {
  const h = slim.header;
  const shell = h && {
    range: h.range,
    firstLineRange: h.firstLineRange,
    bullet: h.bullet,
    endOffset: h.endOffset,
    stray: h.stray,
  };
  return lazyModel(
    slim,
    shell,
    slim.statusLog !== undefined,
    new FlatCold(pack(h?.items, slim.statusLog), h !== undefined),
  );
}
