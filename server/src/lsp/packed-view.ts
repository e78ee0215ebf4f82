/**
 * A closed document's view (core/record.ts `RecordView`) as the index keeps it for ten thousand
 * documents: its summary and model as JSON strings (V8 keeps a string of Latin-1 text at one byte
 * a character, flat, in one object), decoded each time they are read, instead of a tree of small
 * objects (a position is 40 bytes, a range 120). The parts read on every change of the index stay
 * unpacked and shared: the next statuses, the directives (almost always none) and the completion
 * facts. A view of a change CM040 compares with others (core/check.ts `isSetMember`) stays as it is: CM040 runs
 * again over those on every edit that moves a window, and there are few of them.
 */
import type { ChangeDocument } from '../core/schema';
import type { RecordView } from '../core/record';
import type { ChangeSummary } from '../core/summary';
import type { Status } from '../core/fields';
import type { Suppression } from '../core/suppressions';
import { packRecord, unpackRecord } from '../node/record-cache';

/** The one empty array closed views share (never written to: the index only reads views). */
const NONE: never[] = [];

/** Arrays of strings, one per content: views of a workspace repeat the same few next statuses and names. */
const shared = new Map<string, readonly string[]>();

function share<T extends string>(xs: readonly T[]): T[] {
  if (xs.length === 0) return NONE;
  const key = xs.join('\0');
  let s = shared.get(key);
  // A workspace names a bounded set of people and services; the table is dropped if it ever grows large.
  if (!s) {
    if (shared.size > 50_000) shared.clear();
    // Split from the key: strings of their own, not slices of a document's text.
    s = key.split('\0');
    shared.set(key, s);
  }
  return s as T[];
}

const WIDE = /[^\0-\xff]/;
const WIDE_ALL = /[^\0-\xff]/g;
const escapeWide = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON of `value` as a one-byte string: characters past Latin-1 (dashes, quotes, emoji in titles:
 * half of the realistic corpus) are written as `\u` escapes, which `JSON.parse` reads back as they
 * were. V8 keeps a string with any such character at two bytes a character, and the result of
 * `replace` on it too; `String.fromCharCode` of codes below 256 makes a one-byte string.
 */
export function oneByteJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (!WIDE.test(json)) return json;
  const ascii = json.replace(WIDE_ALL, escapeWide);
  const codes = new Array<number>(ascii.length);
  for (let i = 0; i < ascii.length; i++) codes[i] = ascii.charCodeAt(i);
  let out = '';
  // In slices: a call takes a bounded number of arguments.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** A view whose summary and model are kept as JSON and decoded on each read (a fresh object each time). */
export class PackedView implements RecordView {
  private readonly summaryJson: string;
  private readonly docJson: string;
  readonly allowedNext: Status[];
  readonly suppressions: Suppression[];
  readonly facts: RecordView['facts'];

  constructor(v: RecordView) {
    this.summaryJson = oneByteJson(v.summary);
    // The record codec's form: ranges as four numbers, items and log entries as arrays.
    this.docJson = packRecord({ doc: v.doc, stable: [], suppressions: [], allowedNext: [] });
    this.allowedNext = share(v.allowedNext);
    // Copied through JSON: a directive's strings may be slices of the document's text.
    this.suppressions = v.suppressions.length ? (JSON.parse(JSON.stringify(v.suppressions)) as Suppression[]) : NONE;
    this.facts = {
      services: share(v.facts.services),
      people: share(v.facts.people),
      incidents: share(v.facts.incidents),
    };
  }

  get summary(): ChangeSummary {
    return JSON.parse(this.summaryJson) as ChangeSummary;
  }

  get doc(): ChangeDocument {
    const r = unpackRecord(this.docJson);
    if (!r) throw new Error('a packed view does not decode');
    return r.doc;
  }
}
