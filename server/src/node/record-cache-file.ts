/**
 * The layout of a cache file (node/record-cache.ts describes it): its first line, the lines of its
 * summaries block, and where each record lies in the records block. Reading checks the shape and
 * the lengths; the hashes are checked by the caller (the summaries block's at once, a record's
 * when it is read).
 */
import { readSync } from 'node:fs';
import type { DocumentRecord } from '../core/record';
import { RECORD_FORMAT } from '../core/record';

const TOOL = 'itsmote-changes';

/**
 * The layout of the file (this module), beside the record format: a file of another layout is
 * of another version (replaced silently). 2: per-record hashes and lengths, records read where
 * they lie.
 */
const LAYOUT = 2;

/** The first line of a cache file. */
export interface Header {
  tool: string;
  format: number;
  layout: number;
  version: string;
  /** SHA-1 of the summaries block, and its length and the records block's in bytes (12 digits). */
  summariesSha1: string;
  summariesBytes: string;
  recordsBytes: string;
}

/** The first line of a cache file; its length does not depend on the hash and lengths it holds. */
export function headerLine(
  version: string,
  summariesSha1: string,
  summariesBytes: number,
  recordsBytes: number,
): string {
  const h: Header = {
    tool: TOOL,
    format: RECORD_FORMAT,
    layout: LAYOUT,
    version,
    summariesSha1,
    summariesBytes: String(summariesBytes).padStart(12, '0'),
    recordsBytes: String(recordsBytes).padStart(12, '0'),
  };
  return `${JSON.stringify(h)}\n`;
}

/** The first line's fields, or why the file cannot be used. */
export function readHeader(line: string, version: string): Header | string {
  let h: Partial<Header>;
  try {
    h = JSON.parse(line) as Partial<Header>;
  } catch {
    return 'not an itsmote cache file';
  }
  if (h?.tool !== TOOL) return 'not an itsmote cache file';
  if (h.format !== RECORD_FORMAT || h.layout !== LAYOUT || h.version !== version)
    return `written by another version (${String(h.version)})`;
  const digits = /^\d{12}$/;
  if (
    typeof h.summariesSha1 !== 'string' ||
    typeof h.summariesBytes !== 'string' ||
    typeof h.recordsBytes !== 'string' ||
    !digits.test(h.summariesBytes) ||
    !digits.test(h.recordsBytes)
  )
    return 'corrupt (its first line)';
  return h as Header;
}

/**
 * One cached file: content hash, config key, the summary (JSON, without problem counts; '' when
 * not stored), the record packed (undefined until read) and decoded (on first read), where its
 * line lies in the file (`at`, `end`: byte offsets) and its hash (`recordHash`) while it was not
 * read, its brief in compact form (JSON of `encodeBrief`) when known, and its checks column (the
 * JSON of `encodeChecks`; '' when the record has neither stable diagnostics nor directives).
 */
export type Entry = [
  hash: string,
  key: string,
  summary: string,
  packed: string | undefined,
  decoded?: DocumentRecord,
  at?: number,
  end?: number,
  brief?: string,
  checks?: string,
  recordHash?: string,
];

/** A JSON string of `text` from `from` to `to` (quotes included); undefined when it is not one. */
function jsonString(text: string, from: number, to: number): string | undefined {
  if (to - from < 2 || text.charCodeAt(from) !== 34 || text.charCodeAt(to - 1) !== 34) return undefined;
  const inner = text.slice(from + 1, to - 1);
  // Without a backslash the string is its own value (a raw quote inside is not JSON: the block's hash keeps those out).
  if (!inner.includes('\\')) return inner;
  try {
    const s: unknown = JSON.parse(text.slice(from, to));
    return typeof s === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** How many tab-separated columns a line of the summaries block has. */
const COLUMNS = 8;

/**
 * The entries of a summaries block (ASCII, read as Latin-1) whose records block starts at byte
 * `recordsAt` and is `recordsBytes` long, or why the file cannot be used. Parsed by hand: one
 * JSON.parse per line was a tenth of a warm check.
 */
export function parseSummaries(text: string, recordsAt: number, recordsBytes: number): Map<string, Entry> | string {
  const entries = new Map<string, Entry>();
  const tabs: number[] = new Array(COLUMNS - 1);
  let at = recordsAt;
  for (let from = 0; from < text.length;) {
    const eol = text.indexOf('\n', from);
    if (eol < 0) return 'corrupt (not a map of files)';
    let t = from - 1;
    for (let i = 0; i < COLUMNS - 1; i++) {
      t = text.indexOf('\t', t + 1);
      if (t < 0 || t > eol) return 'corrupt (not a map of files)';
      tabs[i] = t;
    }
    const [t1, t2, t3, t4, t5, t6, t7] = tabs as [number, number, number, number, number, number, number];
    const path = jsonString(text, from, t1);
    const hash = jsonString(text, t1 + 1, t2);
    const key = jsonString(text, t2 + 1, t3);
    const length = t4 > t3 + 1 && t4 - t3 <= 10 ? Number(text.slice(t3 + 1, t4)) : NaN;
    if (path === undefined || hash === undefined || key === undefined || !Number.isInteger(length) || length < 0)
      return 'corrupt (not a map of files)';
    // Records are joined by newlines: the first starts where the block does.
    if (entries.size > 0) at++;
    entries.set(path, [
      hash,
      key,
      text.slice(t6 + 1, t7),
      undefined,
      undefined,
      at,
      at + length,
      t6 > t5 + 1 ? text.slice(t5 + 1, t6) : undefined,
      text.slice(t7 + 1, eol),
      text.slice(t4 + 1, t5),
    ]);
    at += length;
    from = eol + 1;
  }
  if (at - recordsAt !== recordsBytes) return 'corrupt (records and summaries differ in length)';
  return entries;
}

/**
 * A line of the summaries block (see `parseSummaries`), before its characters beyond ASCII are
 * escaped: the checks column is written only with a brief (a check reads it from the brief).
 */
export function summaryLine(
  path: string,
  hash: string,
  key: string,
  recordBytes: number,
  recordHash: string,
  summary: string,
  brief?: string,
  checks?: string,
): string {
  return `${JSON.stringify(path)}\t${JSON.stringify(hash)}\t${JSON.stringify(key)}\t${recordBytes}\t${recordHash}\t${brief ?? ''}\t${summary}\t${brief !== undefined && checks ? checks : ''}\n`;
}

/** Reads `length` bytes of `fd` from `position` (fewer when the file is shorter). */
export function readBytes(fd: number, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? out : out.subarray(0, done);
}
