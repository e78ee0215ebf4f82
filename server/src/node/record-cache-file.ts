/**
 * The layout of a cache file (node/record-cache.ts describes it): its first line, the lines of its
 * summaries block, and where each record lies in the records block. Reading checks the shape and
 * the lengths; the hashes are checked by the caller (the summaries block's at once, a record's
 * when it is read). Also how the lines are made: the content and record hashes, and the JSON of
 * the summaries block (ASCII only).
 */
import * as crypto from 'node:crypto';
import { readSync } from 'node:fs';
import { RECORD_FORMAT } from '../core/record';
import type { ChangeSummary } from '../core/summary';

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

/** The columns of a line of the summaries block, in order (see node/record-cache.ts). */
export const Column = {
  Path: 0,
  Hash: 1,
  Key: 2,
  RecordBytes: 3,
  RecordHash: 4,
  Brief: 5,
  Summary: 6,
  Checks: 7,
} as const;
type Column = (typeof Column)[keyof typeof Column];

/**
 * The summaries block of a cache file, read as it is: a row per file, found by its path, whose
 * columns are cut from the block's text when asked for. Nothing is made per row but its path
 * and three numbers: a tuple per row at open was a tenth of a warm check (allocations, and
 * scavenges copying what survives).
 */
export class SummaryRows {
  private constructor(
    /** The block's text (ASCII, read as Latin-1). */
    private readonly text: string,
    /** The row of each path. */
    readonly index: Map<string, number>,
    /** Where each row's line starts in `text`. */
    private readonly lineAt: number[],
    /** Where each row's record starts and ends in the file (byte offsets). */
    readonly recordAt: number[],
    readonly recordEnd: number[],
  ) {
    this.seenHash = new Array<string | undefined>(recordAt.length);
    this.seenKey = new Array<string | undefined>(recordAt.length);
  }

  /**
   * The rows of a summaries block (ASCII, read as Latin-1) whose records block starts at byte
   * `recordsAt` of the file and is `recordsBytes` long, or why the file cannot be used.
   */
  static parse(text: string, recordsAt: number, recordsBytes: number): SummaryRows | string {
    const index = new Map<string, number>();
    const lineAt: number[] = [];
    const recordAt: number[] = [];
    const recordEnd: number[] = [];
    let at = recordsAt;
    for (let from = 0; from < text.length;) {
      const eol = text.indexOf('\n', from);
      const t1 = text.indexOf('\t', from);
      const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
      const t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
      const t4 = t3 < 0 ? -1 : text.indexOf('\t', t3 + 1);
      // Four tabs on the line at least (a line ends with a newline), the record's length between the third and the fourth.
      if (t4 < 0 || eol < t4 || t4 - t3 < 2 || t4 - t3 > 11) return 'corrupt (not a map of files)';
      let length = 0;
      for (let i = t3 + 1; i < t4; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return 'corrupt (not a map of files)';
        length = length * 10 + d;
      }
      const path = jsonString(text, from, t1);
      if (path === undefined || index.has(path)) return 'corrupt (not a map of files)';
      // Records are joined by newlines: the first starts where the block does.
      if (lineAt.length > 0) at++;
      index.set(path, lineAt.length);
      lineAt.push(from);
      recordAt.push(at);
      recordEnd.push(at + length);
      at += length;
      from = eol + 1;
    }
    if (at - recordsAt !== recordsBytes) return 'corrupt (records and summaries differ in length)';
    return new SummaryRows(text, index, lineAt, recordAt, recordEnd);
  }

  /** Where column `c` of row `i` starts and ends in the text; undefined when the line has fewer columns. */
  private span(i: number, c: Column): [number, number] | undefined {
    const text = this.text;
    const eol = text.indexOf('\n', this.lineAt[i]!);
    let from = this.lineAt[i]!;
    for (let k = 0; k < c; k++) {
      const t = text.indexOf('\t', from);
      if (t < 0 || t > eol) return undefined;
      from = t + 1;
    }
    const t = text.indexOf('\t', from);
    return [from, t < 0 || t > eol ? eol : t];
  }

  /** Column `c` of row `i` as written; '' when absent. */
  column(i: number, c: Column): string {
    const s = this.span(i, c);
    return s ? this.text.slice(s[0], s[1]) : '';
  }

  /** The content hash and config key each row was last found to have (a file is looked up three times a run). */
  private readonly seenHash: (string | undefined)[];
  private readonly seenKey: (string | undefined)[];

  /** Whether row `i` has this content hash and config key. */
  matches(i: number, hash: string, key: string): boolean {
    if (this.seenHash[i] === hash && this.seenKey[i] === key) return true;
    const text = this.text;
    const t1 = text.indexOf('\t', this.lineAt[i]!);
    const t2 = text.indexOf('\t', t1 + 1);
    const t3 = text.indexOf('\t', t2 + 1);
    if (jsonString(text, t1 + 1, t2) !== hash || jsonString(text, t2 + 1, t3) !== key) return false;
    this.seenHash[i] = hash;
    this.seenKey[i] = key;
    return true;
  }

  /** The content hash and config key of row `i`. */
  keys(i: number): { hash: string; key: string } {
    const text = this.text;
    const t1 = text.indexOf('\t', this.lineAt[i]!);
    const t2 = text.indexOf('\t', t1 + 1);
    const t3 = text.indexOf('\t', t2 + 1);
    return { hash: jsonString(text, t1 + 1, t2) ?? '', key: jsonString(text, t2 + 1, t3) ?? '' };
  }
}

/**
 * A line of the summaries block (see `SummaryRows`), before its characters beyond ASCII are
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

// crypto.hash (node >= 20.12) hashes in one call, without a Hash object per file.
const oneShot = (crypto as { hash?: (alg: string, data: string | Uint8Array, enc: 'base64' | 'hex') => string }).hash;

/**
 * SHA-1 of a text or of a file's bytes, base64: the content part of a cache key. The hash of a
 * text is the hash of its UTF-8 bytes (the CLI hashes the file's bytes, so a file's BOM is part of
 * its content).
 */
export function contentHash(text: string | Uint8Array): string {
  return oneShot ? oneShot('sha1', text, 'base64') : crypto.createHash('sha1').update(text).digest('base64');
}

/**
 * The hash a record carries in the summaries block, checked when the record is read: a SHA-1 of
 * its line's bytes, 96 bits of it (it finds damage; the content hash is the key).
 */
export function recordHash(bytes: string | Uint8Array): string {
  return contentHash(bytes).slice(0, 16);
}

/** JSON text with every character beyond ASCII escaped (the summaries block). */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A summary as its column stores it: JSON without the problem counts (they follow from the diagnostics of the moment). */
export function summaryColumn(s: ChangeSummary): string {
  const { problems: _problems, ...rest } = s;
  return JSON.stringify(rest);
}
