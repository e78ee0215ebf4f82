/**
 * A compact JSON form of document records (record.ts) for cache files: ranges as four numbers,
 * header items and log entries as arrays (other fields of the header and the log as they are), and the parts of a diagnostic that follow from its code
 * (`source`, the docs link, `data.rule`) left out. About a third of the plain JSON, which is what
 * a warm run reads and parses. In two parts (`encodeRecordParts`): what every run reads, and the
 * header items and status log, which a lazy decode (`decodeRecordLazy`) reads only when a rule
 * does. Decoding checks every shape it reads and throws on anything else, so a damaged entry is a
 * cache miss, never a wrong result (a damaged cold part found late throws, naming the cache).
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ChangeDocument, HeaderItem, LogEntry, StatusLog } from './schema';
import type { DocumentRecord, RecordBrief, RecordChecks } from './record';
import { STATUSES } from './fields';
import type { Suppression } from './suppressions';
import { DEFAULT_DOCS_URL, SOURCE } from './check';

type R = [number, number, number, number];
type Json = unknown;

class Bad extends Error {}

const r4 = (r: Range): R => [r.start.line, r.start.character, r.end.line, r.end.character];

function num(x: Json): number {
  if (typeof x !== 'number') throw new Bad('number expected');
  return x;
}
function str(x: Json): string {
  if (typeof x !== 'string') throw new Bad('string expected');
  return x;
}
function arr(x: Json): Json[] {
  if (!Array.isArray(x)) throw new Bad('array expected');
  return x;
}
function obj(x: Json): Record<string, Json> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Bad('object expected');
  return x as Record<string, Json>;
}
function range(x: Json): Range {
  const a = arr(x);
  if (a.length !== 4) throw new Bad('range expected');
  return { start: { line: num(a[0]), character: num(a[1]) }, end: { line: num(a[2]), character: num(a[3]) } };
}

const href = (docsUrl: string, code: string) => `${docsUrl}#${code.toLowerCase()}`;

/**
 * `href` of the default docs URL by code: a warm check decodes thousands of diagnostics of a few
 * codes. Bounded, as the codes come from a file (a long-lived server never grows it past that).
 */
const defaultHrefs = new Map<string, string>();
function hrefOf(docsUrl: string, code: string): string {
  if (docsUrl !== DEFAULT_DOCS_URL) return href(docsUrl, code);
  let h = defaultHrefs.get(code);
  if (h === undefined) {
    h = href(docsUrl, code);
    if (defaultHrefs.size < 256) defaultHrefs.set(code, h);
  }
  return h;
}

/** A diagnostic as `check.ts` makes it: [range, severity, code, message, data without `rule`]. */
function encodeDiagnostic(d: Diagnostic, docsUrl: string): Json {
  const code = String(d.code);
  const data = d.data as { rule?: unknown } | undefined;
  const standard =
    typeof d.code === 'string' &&
    d.source === SOURCE &&
    d.codeDescription?.href === href(docsUrl, code) &&
    data?.rule === code &&
    typeof d.severity === 'number' &&
    Object.keys(d).join() === 'range,severity,code,source,message,codeDescription,data';
  if (!standard) return [d];
  const { rule: _rule, ...rest } = data as Record<string, unknown>;
  return Object.keys(rest).length
    ? [r4(d.range), d.severity, code, d.message, rest]
    : [r4(d.range), d.severity, code, d.message];
}

function decodeDiagnostic(x: Json, docsUrl: string): Diagnostic {
  const a = arr(x);
  if (a.length === 1) return obj(a[0]) as unknown as Diagnostic;
  const code = str(a[2]);
  const severity = num(a[1]);
  if (severity < 1 || severity > 4) throw new Bad('severity expected');
  return {
    range: range(a[0]),
    severity: severity as Diagnostic['severity'],
    code,
    source: SOURCE,
    message: str(a[3]),
    codeDescription: { href: hrefOf(docsUrl, code) },
    data: a[4] === undefined ? { rule: code } : { rule: code, ...obj(a[4]) },
  };
}

function encodeItem(i: HeaderItem): Json {
  return [
    i.name,
    i.key ?? 0,
    i.hasColon ? 1 : 0,
    i.value,
    r4(i.range),
    r4(i.nameRange),
    r4(i.valueRange),
    i.startOffset,
    i.endOffset,
  ];
}

function decodeItem(x: Json): HeaderItem {
  const a = arr(x);
  const item: HeaderItem = {
    name: str(a[0]),
    hasColon: a[2] === 1,
    value: str(a[3]),
    range: range(a[4]),
    nameRange: range(a[5]),
    valueRange: range(a[6]),
    startOffset: num(a[7]),
    endOffset: num(a[8]),
  };
  if (a[1] !== 0) item.key = str(a[1]) as HeaderItem['key'];
  return item;
}

function encodeEntry(e: LogEntry): Json {
  const { range: r, timestampRange: t, ...rest } = e;
  return [r4(r), r4(t), rest];
}

function decodeEntry(x: Json): LogEntry {
  const a = arr(x);
  const rest = obj(a[2]);
  if (typeof rest.statusText !== 'string') throw new Bad('log entry expected');
  return { range: range(a[0]), timestampRange: range(a[1]), ...(rest as Omit<LogEntry, 'range' | 'timestampRange'>) };
}

function encodeLog(l: StatusLog): Json {
  const { headingRange, entries, ...rest } = l;
  return [r4(headingRange), entries.map(encodeEntry), rest];
}

function decodeLog(x: Json): StatusLog {
  const a = arr(x);
  return {
    headingRange: range(a[0]),
    entries: arr(a[1]).map(decodeEntry),
    ...(obj(a[2]) as Omit<StatusLog, 'headingRange' | 'entries'>),
  };
}

type Header = NonNullable<ChangeDocument['header']>;

/** The header without its items (those are in the cold part). */
function encodeHeaderShell(h: Header): Json {
  // A lazy header's items are its cold part: not read here.
  const { range: r, firstLineRange, items: _items, ...rest } = h instanceof LazyHeader ? h.shell() : h;
  return [r4(r), r4(firstLineRange), rest];
}

function decodeHeaderShell(x: Json): Omit<Header, 'items'> {
  const a = arr(x);
  const rest = obj(a[2]) as Omit<Header, 'range' | 'firstLineRange' | 'items'>;
  if (!Array.isArray(rest.stray)) throw new Bad('header expected');
  return { range: range(a[0]), firstLineRange: range(a[1]), ...rest };
}

function encodeSuppression(s: Suppression): Json {
  const { range: r, ...rest } = s;
  return [r4(r), rest];
}

function decodeSuppression(x: Json): Suppression {
  const a = arr(x);
  const rest = obj(a[1]);
  if (typeof rest.kind !== 'string' || !Array.isArray(rest.rules) || !Array.isArray(rest.unknown))
    throw new Bad('directive expected');
  return { range: range(a[0]), ...(rest as Omit<Suppression, 'range'>) };
}

/**
 * The compact form of a record whose diagnostics link to `docsUrl`, in two parts. The hot part is
 * what a warm `check` reads of every document: id, title, values, the header without its items,
 * the stable diagnostics, the directives, the next statuses. The cold part holds the header items
 * and the status log (three quarters of the bytes), which only a few rules read (CM036 for an
 * open change, CM040 for a conflict, CM016/CM017 with repository facts), and `list`, `metrics`
 * when they need a model: it is decoded on first use (`decodeRecordLazy`).
 */
export function encodeRecordParts(r: DocumentRecord, docsUrl = DEFAULT_DOCS_URL): [hot: Json, cold: Json] {
  const d = r.doc;
  const h = d.header;
  const { u, s, x } = encodeChecks(r, docsUrl);
  const hot = {
    ...(u !== undefined ? { u } : {}),
    i: d.id,
    ...(d.title !== undefined ? { t: d.title } : {}),
    v: d.values,
    ...(h ? { h: encodeHeaderShell(h) } : {}),
    ...(d.statusLog ? { l: 1 } : {}),
    s,
    ...(x !== undefined ? { x } : {}),
    n: r.allowedNext,
  };
  return [hot, [h ? h.items.map(encodeItem) : 0, d.statusLog ? encodeLog(d.statusLog) : 0]];
}

/** The compact form of a record in one value (`[hot, cold]`, see `encodeRecordParts`). */
export function encodeRecord(r: DocumentRecord, docsUrl = DEFAULT_DOCS_URL): Json {
  return encodeRecordParts(r, docsUrl);
}

/**
 * The compact form of a record's stable diagnostics and directives (`RecordChecks`): the hot
 * part's fields `u` (the docs link, when not the default), `s` and `x` (when any).
 */
export function encodeChecks(r: RecordChecks, docsUrl = DEFAULT_DOCS_URL): { u?: string; s: Json[]; x?: Json[] } {
  return {
    ...(docsUrl !== DEFAULT_DOCS_URL ? { u: docsUrl } : {}),
    s: r.stable.map((x) => encodeDiagnostic(x, docsUrl)),
    ...(r.suppressions.length ? { x: r.suppressions.map(encodeSuppression) } : {}),
  };
}

/** The stable diagnostics and directives of `encodeChecks`'s form (or of a hot part); throws on any other shape. */
export function decodeChecks(x: Json): RecordChecks {
  const o = obj(x);
  const docsUrl = o.u === undefined ? DEFAULT_DOCS_URL : str(o.u);
  return {
    stable: arr(o.s).map((d) => decodeDiagnostic(d, docsUrl)),
    suppressions: o.x === undefined ? [] : arr(o.x).map(decodeSuppression),
  };
}

/** A record's hot part decoded: everything but the header items and the status log. */
interface Hot {
  record: DocumentRecord;
  header: Omit<Header, 'items'> | undefined;
  hasLog: boolean;
}

function decodeHot(x: Json): Hot {
  const o = obj(x);
  const { stable, suppressions } = decodeChecks(o);
  const values = obj(o.v);
  if (
    !Array.isArray(values.touches) ||
    !Array.isArray(values.services) ||
    !Array.isArray(values.incidents) ||
    !Array.isArray(values.causedIncidents)
  )
    throw new Bad('values expected');
  const doc: ChangeDocument = { id: str(o.i), sections: [], values: values as ChangeDocument['values'] };
  if (o.t !== undefined) doc.title = str(o.t);
  return {
    record: {
      doc,
      stable,
      suppressions,
      allowedNext: arr(o.n).map(str) as DocumentRecord['allowedNext'],
    },
    header: o.h === undefined ? undefined : decodeHeaderShell(o.h),
    hasLog: o.l !== undefined,
  };
}

/** The header items and the status log of a cold part, as the hot part says they exist; throws on anything else. */
function decodeCold(x: Json, hot: Pick<Hot, 'header' | 'hasLog'>): { items?: HeaderItem[]; log?: StatusLog } {
  const a = arr(x);
  if (a.length !== 2 || (a[0] === 0) !== !hot.header || (a[1] === 0) !== !hot.hasLog)
    throw new Bad('cold part expected');
  return {
    ...(a[0] !== 0 ? { items: arr(a[0]).map(decodeItem) } : {}),
    ...(a[1] !== 0 ? { log: decodeLog(a[1]) } : {}),
  };
}

/** The record of a compact form in two parts; throws on any shape it does not expect. */
export function decodeRecordParts(hotPart: Json, coldPart: Json): DocumentRecord {
  const hot = decodeHot(hotPart);
  const cold = decodeCold(coldPart, hot);
  const { doc } = hot.record;
  if (hot.header) doc.header = { ...hot.header, items: cold.items! };
  if (cold.log) doc.statusLog = cold.log;
  return hot.record;
}

/** The record of a compact form in one value (`[hot, cold]`); throws on any shape it does not expect. */
export function decodeRecord(x: Json): DocumentRecord {
  const a = arr(x);
  if (a.length !== 2) throw new Bad('record expected');
  return decodeRecordParts(a[0], a[1]);
}

/**
 * The record of a hot part, its cold part (`coldJson`, the JSON text) parsed when the header
 * items or the status log are first read. The hot part is checked now (throws like
 * `decodeRecord`); a cold part that does not decode throws when it is read, with a message that
 * names the cache (the bytes were checked against the cache file's SHA-1 already: only a cache
 * written by a broken build gets there).
 */
export function decodeRecordLazy(hotPart: Json, coldJson: string | (() => string)): DocumentRecord {
  const hot = decodeHot(hotPart);
  hot.record.doc = lazyModel(hot.record.doc, hot.header, hot.hasLog, new Cold(coldJson, hot));
  return hot.record;
}

/** The header items and the status log of a slim model, made on first read (`lazyModel`). */
export interface ColdPart {
  get(): { items?: HeaderItem[]; log?: StatusLog };
}

/**
 * A slim model whose header items and status log come from `cold` on first read: `doc`'s id,
 * title and values, the header without its items (`header`, none when absent), and whether there
 * is a status log. `JSON.stringify` gives the plain model.
 */
export function lazyModel(
  doc: Pick<ChangeDocument, 'id' | 'title' | 'values'>,
  header: Omit<Header, 'items'> | undefined,
  hasLog: boolean,
  cold: ColdPart,
): ChangeDocument {
  return new LazyDoc(doc, header, hasLog, cold) as ChangeDocument;
}

/** The cold part of a lazily decoded record, read once by whichever of its getters comes first. */
class Cold implements ColdPart {
  private value: { items?: HeaderItem[]; log?: StatusLog } | undefined;

  constructor(
    /** The JSON text, or what makes it (a cache keeps the bytes until a record is read). */
    private json: string | (() => string),
    private readonly hot: Pick<Hot, 'header' | 'hasLog'>,
  ) {}

  get(): { items?: HeaderItem[]; log?: StatusLog } {
    if (!this.value) {
      try {
        this.value = decodeCold(JSON.parse(typeof this.json === 'string' ? this.json : this.json()), this.hot);
      } catch (e) {
        throw new Error(
          `a cached record is damaged (${e instanceof Error ? e.message : String(e)}); delete the cache file`,
        );
      }
      this.json = '';
    }
    return this.value;
  }
}

/**
 * A header whose items are decoded on first read. A class (getter on the prototype), not a literal
 * with a getter: see `DocumentCtx` in check.ts. Spreading it drops `items`: every spread of a
 * header (record.ts) sets `items` itself. `toJSON` gives the plain header.
 */
class LazyHeader {
  readonly range: Range;
  readonly firstLineRange: Range;
  readonly bullet: string;
  readonly endOffset: number;
  readonly stray: Header['stray'];
  // A private field, not a property: spreads (`viewModel`) and encoders see the header's fields only.
  readonly #cold: ColdPart;

  constructor(shell: Omit<Header, 'items'>, cold: ColdPart) {
    this.#cold = cold;
    this.range = shell.range;
    this.firstLineRange = shell.firstLineRange;
    this.bullet = shell.bullet;
    this.endOffset = shell.endOffset;
    this.stray = shell.stray;
  }

  get items(): HeaderItem[] {
    return this.#cold.get().items!;
  }

  /** The header without its items. */
  shell(): Omit<Header, 'items'> & { items?: undefined } {
    const { range: r, firstLineRange, bullet, endOffset, stray } = this;
    return { range: r, firstLineRange, bullet, endOffset, stray };
  }

  toJSON(): Header {
    const { range: r, firstLineRange, bullet, endOffset, stray } = this;
    return { range: r, firstLineRange, items: this.items, bullet, endOffset, stray };
  }
}

/**
 * A slim model whose header items and status log are decoded on first read (`decodeRecordLazy`):
 * a warm `check` runs CM036, CM040 and the repository rules on every document, and they read the
 * items and the log of only a few. `toJSON` gives the plain model.
 */
class LazyDoc {
  readonly id: string;
  readonly title?: string;
  readonly sections: ChangeDocument['sections'] = [];
  readonly values: ChangeDocument['values'];
  readonly header?: Header;
  readonly #hasLog: boolean;
  readonly #cold: ColdPart;

  constructor(
    d: Pick<ChangeDocument, 'id' | 'title' | 'values'>,
    header: Omit<Header, 'items'> | undefined,
    hasLog: boolean,
    cold: ColdPart,
  ) {
    this.#hasLog = hasLog;
    this.#cold = cold;
    this.id = d.id;
    if (d.title !== undefined) this.title = d.title;
    this.values = d.values;
    if (header) this.header = new LazyHeader(header, cold) as unknown as Header;
  }

  get statusLog(): StatusLog | undefined {
    return this.#hasLog ? this.#cold.get().log : undefined;
  }

  toJSON(): ChangeDocument {
    const doc: ChangeDocument = { id: this.id, sections: [], values: this.values };
    if (this.title !== undefined) doc.title = this.title;
    if (this.header) doc.header = (this.header as unknown as LazyHeader).toJSON();
    if (this.#hasLog) doc.statusLog = this.statusLog!;
    return doc;
  }
}

/**
 * The compact form of a record's brief (record.ts): `[stable, header, status, services, window]`,
 * flags as 0 or 1, the status '' when none, the window `[start, end]` or 0.
 */
export function encodeBrief(b: RecordBrief): Json {
  return [
    b.stable ? 1 : 0,
    b.header ? 1 : 0,
    b.status ?? '',
    b.serviceCount,
    b.window ? [b.window.start, b.window.end] : 0,
  ];
}

const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);

/** The brief of a compact form; undefined for any shape `encodeBrief` does not make (the record is then read). */
export function decodeBrief(x: Json): RecordBrief | undefined {
  if (!Array.isArray(x) || x.length !== 5) return undefined;
  const [stable, header, status, services, window] = x as Json[];
  if ((stable !== 0 && stable !== 1) || (header !== 0 && header !== 1) || typeof services !== 'number')
    return undefined;
  if (typeof status !== 'string' || (status !== '' && !STATUS_SET.has(status))) return undefined;
  const b: RecordBrief = { stable: stable === 1, header: header === 1, serviceCount: services };
  if (status !== '') b.status = status as RecordBrief['status'];
  if (window !== 0) {
    if (!Array.isArray(window) || window.length !== 2 || typeof window[0] !== 'number' || typeof window[1] !== 'number')
      return undefined;
    b.window = { start: window[0], end: window[1] };
  }
  return b;
}
