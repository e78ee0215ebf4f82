/**
 * A slim model (record.ts `slimModel`) kept compact in memory: the header items and the status log,
 * about a hundred small objects per document (each range is three), packed into one flat array and
 * unpacked on first read (`lazyModel` of record-codec.ts). A cold `check` keeps every document's
 * record until the set rules and the output; only a few records are read again (CM036 on an open
 * change, CM040's members, the repository rules), and each retained object makes every garbage
 * collection of the run slower.
 *
 * The layout follows the schema (schema.ts): each field in the schema's order, which is the order
 * the model writes them in; a range is four numbers, an optional field that is not there `ABSENT`.
 * test/unit/record.test.ts holds that an unpacked model is the slim model, field by field and in
 * order, so a field added to the schema and not here fails it.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ChangeDocument, HeaderItem, LogEntry, StatusLog } from './schema';
import type { ColdPart } from './record-codec';
import { lazyModel } from './record-codec';

/** Strings, numbers, booleans and `ABSENT`, in the order of the fields they stand for. */
type Flat = unknown[];

/** An optional field that the object does not have (`undefined` is a value: `key` of an unknown item). */
const ABSENT = Symbol('absent');

/** Writes a range's four numbers at `flat[at]`. */
function putRange(r: Range, flat: Flat, at: number): void {
  flat[at] = r.start.line;
  flat[at + 1] = r.start.character;
  flat[at + 2] = r.end.line;
  flat[at + 3] = r.end.character;
}

function readRange(flat: Flat, at: number): Range {
  const f = flat as number[];
  return { start: { line: f[at]!, character: f[at + 1]! }, end: { line: f[at + 2]!, character: f[at + 3]! } };
}

/** `o[k]`, or `ABSENT` when `o` has no such field. */
function optional<T extends object>(o: T, k: keyof T): unknown {
  return k in o ? o[k] : ABSENT;
}

const ITEM = 18;
const ENTRY = 14;

/** Header items, then the status log (when there is one), in a flat array (see the file's comment). */
function pack(items: readonly HeaderItem[] | undefined, log: StatusLog | undefined): Flat {
  const n = items ? items.length : 0;
  // Sized once: grown push by push, the array was reallocated a dozen times per document.
  const flat: Flat = new Array(1 + n * ITEM + (log ? 9 + log.entries.length * ENTRY : 0));
  flat[0] = n;
  let at = 1;
  for (const i of items ?? []) {
    flat[at] = i.name;
    flat[at + 1] = optional(i, 'key');
    flat[at + 2] = i.hasColon;
    flat[at + 3] = i.value;
    putRange(i.range, flat, at + 4);
    putRange(i.nameRange, flat, at + 8);
    putRange(i.valueRange, flat, at + 12);
    flat[at + 16] = i.startOffset;
    flat[at + 17] = i.endOffset;
    at += ITEM;
  }
  if (!log) return flat;
  putRange(log.headingRange, flat, at);
  flat[at + 4] = log.entries.length;
  at += 5;
  for (const e of log.entries) {
    putRange(e.range, flat, at);
    putRange(e.timestampRange, flat, at + 4);
    flat[at + 8] = optional(e, 'at');
    flat[at + 9] = optional(e, 'timestampError');
    flat[at + 10] = optional(e, 'status');
    flat[at + 11] = e.statusText;
    flat[at + 12] = optional(e, 'by');
    flat[at + 13] = optional(e, 'note');
    at += ENTRY;
  }
  flat[at] = log.appendOffset;
  flat[at + 1] = log.hasList;
  flat[at + 2] = log.prefix;
  flat[at + 3] = log.loose;
  return flat;
}

/** Sets `o[k]` unless the flat array says the field is absent. */
function setOptional(o: Record<string, unknown>, k: string, v: unknown): void {
  if (v !== ABSENT) o[k] = v;
}

/** Sets the fields of the log entry packed at `flat[at]` other than its ranges into `e`, in order. */
function entryFields(flat: Flat, at: number, e: Record<string, unknown>): Record<string, unknown> {
  setOptional(e, 'at', flat[at + 8]);
  setOptional(e, 'timestampError', flat[at + 9]);
  setOptional(e, 'status', flat[at + 10]);
  e.statusText = flat[at + 11];
  setOptional(e, 'by', flat[at + 12]);
  setOptional(e, 'note', flat[at + 13]);
  return e;
}

/** What `pack` wrote. */
function unpack(flat: Flat, hasHeader: boolean): { items?: HeaderItem[]; log?: StatusLog } {
  const out: { items?: HeaderItem[]; log?: StatusLog } = {};
  const items: HeaderItem[] = [];
  let at = 1;
  for (let n = 0; n < (flat[0] as number); n++) {
    const i: Record<string, unknown> = { name: flat[at] };
    setOptional(i, 'key', flat[at + 1]);
    i.hasColon = flat[at + 2];
    i.value = flat[at + 3];
    i.range = readRange(flat, at + 4);
    i.nameRange = readRange(flat, at + 8);
    i.valueRange = readRange(flat, at + 12);
    i.startOffset = flat[at + 16];
    i.endOffset = flat[at + 17];
    items.push(i as unknown as HeaderItem);
    at += ITEM;
  }
  if (hasHeader) out.items = items;
  if (at === flat.length) return out;
  const headingRange = readRange(flat, at);
  const count = flat[at + 4] as number;
  at += 5;
  const entries: LogEntry[] = [];
  for (let n = 0; n < count; n++) {
    const e = entryFields(flat, at, { range: readRange(flat, at), timestampRange: readRange(flat, at + 4) });
    entries.push(e as unknown as LogEntry);
    at += ENTRY;
  }
  out.log = {
    headingRange,
    entries,
    appendOffset: flat[at] as number,
    hasList: flat[at + 1] as boolean,
    prefix: flat[at + 2] as string,
    loose: flat[at + 3] as boolean,
  };
  return out;
}

/** The cold part of a compact model: unpacked once, on first read. */
class FlatCold implements ColdPart {
  #flat: Flat;
  #value: { items?: HeaderItem[]; log?: StatusLog } | undefined;

  constructor(
    flat: Flat,
    private readonly hasHeader: boolean,
  ) {
    this.#flat = flat;
  }

  get(): { items?: HeaderItem[]; log?: StatusLog } {
    if (!this.#value) {
      this.#value = unpack(this.#flat, this.hasHeader);
      this.#flat = [];
    }
    return this.#value;
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
  const cold = new FlatCold(pack(h?.items, slim.statusLog), h !== undefined);
  return lazyModel(slim, shell, slim.statusLog !== undefined, cold);
}
