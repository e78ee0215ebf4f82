/**
 * A compact JSON form of document records (record.ts) for cache files: ranges as four numbers,
 * header items and log entries as arrays (other fields of the header and the log as they are), and the parts of a diagnostic that follow from its code
 * (`source`, the docs link, `data.rule`) left out. About a third of the plain JSON, which is what
 * a warm run reads and parses. Decoding checks every shape it reads and throws on anything else,
 * so a damaged entry is a cache miss, never a wrong result.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ChangeDocument, HeaderItem, LogEntry, StatusLog } from './schema';
import type { DocumentRecord } from './record';
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
    codeDescription: { href: href(docsUrl, code) },
    data: { rule: code, ...(a[4] === undefined ? {} : obj(a[4])) },
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

function encodeHeader(h: Header): Json {
  const { range: r, firstLineRange, items, ...rest } = h;
  return [r4(r), r4(firstLineRange), items.map(encodeItem), rest];
}

function decodeHeader(x: Json): Header {
  const a = arr(x);
  return {
    range: range(a[0]),
    firstLineRange: range(a[1]),
    items: arr(a[2]).map(decodeItem),
    ...(obj(a[3]) as Omit<Header, 'range' | 'firstLineRange' | 'items'>),
  };
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

/** The compact form of a record whose diagnostics link to `docsUrl` (the docs URL it was checked with). */
export function encodeRecord(r: DocumentRecord, docsUrl = DEFAULT_DOCS_URL): Json {
  const d = r.doc;
  const h = d.header;
  return {
    ...(docsUrl !== DEFAULT_DOCS_URL ? { u: docsUrl } : {}),
    i: d.id,
    ...(d.title !== undefined ? { t: d.title } : {}),
    v: d.values,
    ...(h ? { h: encodeHeader(h) } : {}),
    ...(d.statusLog ? { l: encodeLog(d.statusLog) } : {}),
    s: r.stable.map((x) => encodeDiagnostic(x, docsUrl)),
    ...(r.suppressions.length ? { x: r.suppressions.map(encodeSuppression) } : {}),
    n: r.allowedNext,
  };
}

/** The record of a compact form; throws on any shape it does not expect. */
export function decodeRecord(x: Json): DocumentRecord {
  const o = obj(x);
  const docsUrl = o.u === undefined ? DEFAULT_DOCS_URL : str(o.u);
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
  if (o.h !== undefined) doc.header = decodeHeader(o.h);
  if (o.l !== undefined) doc.statusLog = decodeLog(o.l);
  return {
    doc,
    stable: arr(o.s).map((d) => decodeDiagnostic(d, docsUrl)),
    suppressions: o.x === undefined ? [] : arr(o.x).map(decodeSuppression),
    allowedNext: arr(o.n).map(str) as DocumentRecord['allowedNext'],
  };
}
