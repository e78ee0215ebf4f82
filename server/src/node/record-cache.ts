/**
 * A persisted cache of document records (core/record.ts), keyed like ESLint's and Prettier's
 * `--cache --cache-strategy content`: per file, the hash of its content and of the resolved
 * config it was checked with; per cache file, the tool's version, the record format and the
 * file's layout.
 *
 * The file is never trusted. Its first line names the tool, format, layout and version, the SHA-1
 * and length of the summaries block and the length of the records block; a file that is not ours,
 * is of another version, does not parse, has another length or whose summaries block does not
 * match its hash is ignored as a whole (and replaced on save). Each record carries a hash of its
 * own in the summaries block, checked when the record is read: a damaged record is a miss (the
 * record is made again from its file and the cache rewritten), never a result. It is written to a
 * temporary file and renamed, so that an interrupted or concurrent run leaves either the old file
 * or a whole new one.
 *
 * After the first line, the summaries block: one line per file, tab-separated, in ASCII (JSON
 * escapes every other character, so the block is read as a one-byte string without UTF-8
 * decoding): the path, content hash and config key as JSON strings; the record's length in bytes
 * and its hash (`recordHash`); the record's brief (`encodeBrief`, JSON; empty when not known); the
 * summary as JSON (what `list` prints; empty when not stored); and, when the record holds stable
 * diagnostics or directives and the brief is known, those (`encodeChecks`: a check of a record on
 * which no volatile rule runs reads nothing else; empty otherwise). Then the records block: the
 * record of each file packed (`packRecord`: its hot and cold parts, record-codec.ts, as JSON split
 * by a tab), one line each, in the same order, so that each record's place follows from the
 * lengths before it. The CLI reads the first line and the summaries block (a quarter of the file)
 * and each record where it lies when it is asked for (a warm check decodes a few hundred of
 * 10,000; its cold part only when a rule reads it); the language server reads the whole file and
 * keeps each record's packed string as its compact entry.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { configKeyWith } from '../core/config-key';
import type { DocumentRecord, RecordBrief, RecordChecks } from '../core/record';
import { recordBrief } from '../core/record';
import {
  decodeBrief,
  decodeChecks,
  decodeRecordLazy,
  decodeRecordParts,
  encodeBrief,
  encodeChecks,
  encodeRecordParts,
} from '../core/record-codec';
import { summarize } from '../core/summary';
import type { ChangeSummary } from '../core/summary';
import type { Header } from './record-cache-file';
import {
  Column,
  contentHash,
  readBytes,
  readHeader,
  recordHash,
  summaryColumn,
  SummaryRows,
} from './record-cache-file';
import { RecordCacheWriter } from './record-cache-writer';

export { contentHash, recordHash } from './record-cache-file';
export { RecordCacheWriter } from './record-cache-writer';

/** The default cache file name (in the current folder, like `.eslintcache`). */
export const CACHE_FILE_NAME = '.itsmotecache';

/** The config part of a cache key: a hash of the resolved config and the other check inputs. */
export const configKey = configKeyWith(contentHash);

/** JSON with characters beyond Latin-1 escaped (see `packRecord`). */
function latin1Json(x: unknown): string {
  return JSON.stringify(x).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A record packed for the cache file and the server's compact entries: its two parts
 * (record-codec.ts: hot, then cold, the header items and the status log) as JSON, split by a tab
 * (JSON escapes every tab inside strings), characters beyond Latin-1 escaped and the string
 * rebuilt from Latin-1 bytes, so that V8 keeps it flat at one byte per character (as
 * JSON.stringify leaves it, one emoji doubles it and slack adds a sixth).
 */
export function packRecord(r: DocumentRecord, docsUrl?: string): string {
  const [hot, cold] = encodeRecordParts(r, docsUrl);
  return Buffer.from(`${latin1Json(hot)}\t${latin1Json(cold)}`, 'latin1').toString('latin1');
}

/** The record of a packed string; undefined when it does not decode (a miss, never a wrong result). */
export function unpackRecord(packed: string): DocumentRecord | undefined {
  try {
    const tab = packed.indexOf('\t');
    if (tab < 0) return undefined;
    return decodeRecordParts(JSON.parse(packed.slice(0, tab)), JSON.parse(packed.slice(tab + 1)));
  } catch {
    return undefined;
  }
}

/**
 * The record of a packed string with its cold part (header items, status log) parsed on first
 * read (`decodeRecordLazy`); undefined when the hot part does not decode (a miss).
 */
export function unpackRecordLazy(packed: string): DocumentRecord | undefined {
  try {
    const tab = packed.indexOf('\t');
    if (tab < 0) return undefined;
    return decodeRecordLazy(JSON.parse(packed.slice(0, tab)), packed.slice(tab + 1));
  } catch {
    return undefined;
  }
}

/** The summary a column holds, checked for the shape `list` reads; undefined when absent or damaged (a miss). */
function parseSummary(json: string): ChangeSummary | undefined {
  if (json === '') return undefined;
  try {
    const s = JSON.parse(json) as Partial<ChangeSummary> | null;
    if (
      typeof s !== 'object' ||
      s === null ||
      typeof s.id !== 'string' ||
      !Array.isArray(s.services) ||
      !Array.isArray(s.incidents)
    )
      return undefined;
    (s as ChangeSummary).problems = { errors: 0, warnings: 0, infos: 0 };
    return s as ChangeSummary;
  } catch {
    return undefined;
  }
}

/**
 * A file stored or changed in this run: content hash, config key, the summary (JSON, without
 * problem counts; '' when not stored), the record packed and, when made now or read, decoded, its
 * brief in compact form (JSON of `encodeBrief`) when known, and its checks column (the JSON of
 * `encodeChecks`; '' when the record has neither stable diagnostics nor directives).
 */
type Entry = [
  hash: string,
  key: string,
  summary: string,
  packed: string,
  decoded?: DocumentRecord,
  brief?: string,
  checks?: string,
];

/** A JSON column decoded; undefined when empty, not JSON or not of the shape `decode` takes (a miss). */
function decoded<T>(json: string | undefined, decode: (x: never) => T | undefined): T | undefined {
  if (!json) return undefined;
  try {
    return decode(JSON.parse(json) as never);
  } catch {
    return undefined;
  }
}

/** Where the records of a cache file are read from: its bytes in memory (from file offset `at`), or the open file. */
type Records = { bytes: Buffer; at: number } | { fd: number };

/** Records by absolute file path, loaded from and saved to one cache file. */
export class RecordCache {
  private dirty = false;
  /** Files stored in this run (they replace the file's rows of their paths). */
  private readonly fresh = new Map<string, Entry>();
  /** The records of the file's rows, by row: decoded when read, or (the server's open) packed. */
  private readonly decoded = new Map<number, DocumentRecord>();
  private packed: (string | undefined)[] | undefined;
  /** How many lookups hit and missed (for messages and the benchmark). */
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly version: string,
    /** The file's summaries block (none when the file was missing or ignored). */
    private readonly rows?: SummaryRows,
    /** Why the file on disk was not used, when it existed but was ignored. */
    readonly ignored?: string,
    /** Where records not read yet are (see `open`). */
    private records?: Records,
  ) {}

  /** An empty cache that `save` writes to `file` (replacing what is there). */
  static empty(file: string, version: string): RecordCache {
    const c = new RecordCache(file, version);
    c.dirty = true;
    return c;
  }

  /**
   * Opens the cache at `file` for this tool `version`; a missing, foreign or corrupt file gives an
   * empty cache. `lazy` (or `summariesOnly`): read the first line and the summaries block now, and
   * each record where it lies in the file when it is asked for (the file stays open until `save`
   * or the end of the process), its cold part (record-codec.ts) when a rule reads it: the CLI,
   * which reads each record once at most and most not at all. Otherwise the whole file is read
   * and every record that matches its hash is a string of its own at once (the language server
   * keeps them and drops the file's bytes). `sync`: read the whole file in one synchronous call.
   */
  static async open(
    file: string,
    version: string,
    opts: { summariesOnly?: boolean; lazy?: boolean; sync?: boolean } = {},
  ): Promise<RecordCache> {
    const ignored = (why?: string) => new RecordCache(file, version, undefined, why);
    if (!opts.lazy && !opts.summariesOnly) {
      let bytes: Buffer;
      try {
        bytes = opts.sync ? readFileSync(file) : await readFile(file);
      } catch {
        return ignored();
      }
      const rows = RecordCache.read(bytes.length, (at, length) => bytes.subarray(at, at + length), version);
      if (typeof rows === 'string') return ignored(rows);
      const cache = new RecordCache(file, version, rows);
      cache.packed = RecordCache.unpackAll(rows, bytes);
      return cache;
    }
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return ignored();
    }
    let rows: SummaryRows | string;
    try {
      rows = RecordCache.read(fstatSync(fd).size, (at, length) => readBytes(fd, at, length), version);
    } catch {
      rows = 'unreadable';
    }
    if (typeof rows !== 'string') return new RecordCache(file, version, rows, undefined, { fd });
    closeSync(fd);
    return ignored(rows);
  }

  /**
   * The rows of a cache file of `size` bytes read through `bytesAt` (the first line and the
   * summaries block; the records stay where they are), or why the file cannot be used.
   */
  private static read(
    size: number,
    bytesAt: (at: number, length: number) => Buffer,
    version: string,
  ): SummaryRows | string {
    // The first line is about 250 bytes (its length does not depend on what it holds).
    const first = bytesAt(0, Math.min(size, 1024));
    const nl = first.indexOf(10);
    if (nl < 0) return 'not an itsmote cache file';
    const header: Header | string = readHeader(first.subarray(0, nl).toString('utf8'), version);
    if (typeof header === 'string') return header;
    const start = nl + 1;
    const recordsAt = start + Number(header.summariesBytes);
    const recordsBytes = Number(header.recordsBytes);
    if (recordsAt + recordsBytes !== size)
      return `corrupt (${size < recordsAt + recordsBytes ? 'shorter' : 'longer'} than its first line says)`;
    const block = bytesAt(start, recordsAt - start);
    if (header.summariesSha1 !== contentHash(block)) return 'corrupt (its content does not match its hash)';
    // ASCII (see `RecordCacheWriter.addColumn`): one byte per character, no UTF-8 decoding.
    return SummaryRows.parse(block.toString('latin1'), recordsAt, recordsBytes);
  }

  /**
   * The packed string of every row's record from the file's `bytes` (the language server's open);
   * undefined for a record that does not match its hash (a miss: made again).
   */
  private static unpackAll(rows: SummaryRows, bytes: Buffer): (string | undefined)[] {
    return rows.recordAt.map((at, i) => {
      const line = bytes.subarray(at, rows.recordEnd[i]);
      // One string per line (slices of one string of the whole block would keep all of it alive
      // as long as any record is kept: the language server keeps them).
      return recordHash(line) === rows.column(i, Column.RecordHash) ? line.toString('utf8') : undefined;
    });
  }

  /** The line of row `i`'s record as it lies in the file (unchecked); undefined when it cannot be read. */
  private rawLine(i: number): Buffer | undefined {
    const records = this.records;
    const at = this.rows!.recordAt[i]!;
    const end = this.rows!.recordEnd[i]!;
    if (!records) return undefined;
    try {
      const line =
        'fd' in records
          ? readBytes(records.fd, at, end - at)
          : records.bytes.subarray(at - records.at, end - records.at);
      return line.length === end - at ? line : undefined;
    } catch {
      return undefined;
    }
  }

  /** The line of row `i`'s record when it matches its hash; undefined otherwise (a miss). */
  private lineOf(i: number): Buffer | undefined {
    const line = this.rawLine(i);
    return line && recordHash(line) === this.rows!.column(i, Column.RecordHash) ? line : undefined;
  }

  /** The packed record of row `i`. */
  private packedOf(i: number): string | undefined {
    return this.packed ? this.packed[i] : this.lineOf(i)?.toString('utf8');
  }

  /**
   * The record of row `i`, decoded on first use: the hot part now, the cold part (header items,
   * status log) when a rule reads it. Undefined when it does not match its hash or decode (a miss).
   */
  private recordOf(i: number): DocumentRecord | undefined {
    let r = this.decoded.get(i);
    if (r) return r;
    if (this.packed) {
      const packed = this.packed[i];
      r = packed === undefined ? undefined : unpackRecordLazy(packed);
    } else {
      const line = this.lineOf(i);
      const tab = line ? line.indexOf(9) : -1;
      if (!line || tab < 0) return undefined;
      try {
        r = decodeRecordLazy(JSON.parse(line.toString('utf8', 0, tab)), () => line.toString('utf8', tab + 1));
      } catch {
        return undefined;
      }
    }
    if (r) this.decoded.set(i, r);
    return r;
  }

  /** The row of `path` in the file when it has this content hash and config key (and was not replaced in this run). */
  private row(path: string, hash: string, key: string): number | undefined {
    const i = this.rows?.index.get(path);
    return i !== undefined && !this.fresh.has(path) && this.rows!.matches(i, hash, key) ? i : undefined;
  }

  /** The entry stored in this run for `path` when it has this content hash and config key. */
  private freshEntry(path: string, hash: string, key: string): Entry | undefined {
    const e = this.fresh.get(path);
    return e && e[0] === hash && e[1] === key ? e : undefined;
  }

  /**
   * A column of `path` when its content hash and config key match: of the file's row, or (`field`)
   * of the entry stored in this run.
   */
  private columnOf(
    path: string,
    hash: string,
    key: string,
    column: (typeof Column)[keyof typeof Column],
    field: 2 | 5 | 6,
  ): string | undefined {
    const i = this.row(path, hash, key);
    return i !== undefined ? this.rows!.column(i, column) : this.freshEntry(path, hash, key)?.[field];
  }

  /** Whether an entry for `path` has this content hash and config key (its record and summary still to be read). */
  has(path: string, hash: string, key: string): boolean {
    return this.row(path, hash, key) !== undefined || this.freshEntry(path, hash, key) !== undefined;
  }

  /** The record of `path` when its content hash and config key match; counts a hit or a miss. */
  get(path: string, hash: string, key: string): DocumentRecord | undefined {
    const i = this.row(path, hash, key);
    let r: DocumentRecord | undefined;
    if (i !== undefined) r = this.recordOf(i);
    else {
      const e = this.freshEntry(path, hash, key);
      if (e) r = e[4] ??= unpackRecordLazy(e[3]);
    }
    if (r) this.hits++;
    else this.misses++;
    return r;
  }

  /**
   * The brief of the record of `path` (`RecordBrief`) when its content hash and config key match
   * and the cache holds one; counts nothing (the caller asks `get` for the record when it needs it).
   */
  brief(path: string, hash: string, key: string): RecordBrief | undefined {
    return decoded(this.columnOf(path, hash, key, Column.Brief, 5), decodeBrief);
  }

  /**
   * The stable diagnostics and directives of the record of `path` from its checks column, when its
   * content hash and config key match and its brief says it has some; undefined when not stored
   * or damaged (the caller reads the record).
   */
  checks(path: string, hash: string, key: string): RecordChecks | undefined {
    return decoded(this.columnOf(path, hash, key, Column.Checks, 6), decodeChecks);
  }

  /**
   * The summary of `path` (problem counts zero) when its content hash and config key match and
   * the summary column holds one; counts a hit. A miss is not counted: the caller asks `get` next.
   */
  summary(path: string, hash: string, key: string): ChangeSummary | undefined {
    const json = this.columnOf(path, hash, key, Column.Summary, 2);
    const s = json ? parseSummary(json) : undefined;
    if (s) this.hits++;
    return s;
  }

  /** What is cached for `path`, packed, whatever its hash and key (the caller compares and unpacks). */
  peek(path: string): { hash: string; key: string; packed: string } | undefined {
    const e = this.fresh.get(path);
    if (e) return { hash: e[0], key: e[1], packed: e[3] };
    const i = this.rows?.index.get(path);
    const packed = i === undefined ? undefined : this.packedOf(i);
    return packed === undefined ? undefined : { ...this.rows!.keys(i!), packed };
  }

  /** Forgets what is cached for `path` (the server takes the packed record over). */
  take(path: string): void {
    this.fresh.delete(path);
    const i = this.rows?.index.get(path);
    if (i === undefined) return;
    this.rows!.index.delete(path);
    if (this.packed) this.packed[i] = undefined;
  }

  /**
   * Stores the record of `path` for this content hash and config key (checked with `docsUrl`),
   * and its summary (custom fields named by `extraFields`, the config's) for `summary`.
   */
  set(
    path: string,
    hash: string,
    key: string,
    record: DocumentRecord,
    docsUrl?: string,
    extraFields: readonly string[] = [],
  ): void {
    if (this.freshEntry(path, hash, key)?.[4] === record) return;
    this.fresh.set(path, [
      hash,
      key,
      summaryColumn(summarize(record.doc, [], extraFields)),
      packRecord(record, docsUrl),
      record,
      JSON.stringify(encodeBrief(recordBrief(record))),
      record.stable.length || record.suppressions.length ? JSON.stringify(encodeChecks(record, docsUrl)) : '',
    ]);
    this.dirty = true;
  }

  /** Stores an already packed record and, when known, its summary (problem counts are not stored). */
  setPacked(path: string, hash: string, key: string, packed: string, summary?: ChangeSummary): void {
    this.fresh.set(path, [hash, key, summary ? summaryColumn(summary) : '', packed]);
    this.dirty = true;
  }

  /**
   * Reads the records block of the file into memory and closes the file, once (before the file
   * is replaced: records still to be read are then read from these bytes).
   */
  private loadRecords(): void {
    const records = this.records;
    const rows = this.rows;
    if (!records || !('fd' in records) || !rows) return;
    const n = rows.recordAt.length;
    const at = n ? rows.recordAt[0]! : 0;
    const end = n ? rows.recordEnd[n - 1]! : 0;
    try {
      this.records = { bytes: readBytes(records.fd, at, end - at), at };
    } catch {
      this.records = undefined;
    } finally {
      closeSync(records.fd);
    }
  }

  /**
   * Writes the cache when something changed (or the file on disk was ignored). Throws on I/O
   * errors. Written through a `RecordCacheWriter`: a 10,000-document cache never exists as one
   * 20 MB string (plus its bytes) in memory, which was the language server's peak.
   */
  async save(): Promise<void> {
    if (!this.dirty && this.ignored === undefined) return;
    this.loadRecords();
    const writer = await RecordCacheWriter.create(this.file, this.version);
    try {
      const rows = this.rows;
      // The file's rows not replaced in this run, then the new ones. A record that could not be
      // read is left out (it is made again next time); one not read is carried over with its
      // hash, unchecked (the next reader checks it: hashing them all was most of a save).
      if (rows)
        for (const [path, i] of rows.index) {
          if (this.fresh.has(path)) continue;
          const carried = this.packed ? undefined : this.rawLine(i);
          const packed = this.packed ? this.packed[i] : carried?.toString('utf8');
          if (packed === undefined) continue;
          const { hash, key } = rows.keys(i);
          writer.addColumn(
            path,
            hash,
            key,
            rows.column(i, Column.Summary),
            packed,
            rows.column(i, Column.Brief) || undefined,
            rows.column(i, Column.Checks),
            carried ? rows.column(i, Column.RecordHash) : undefined,
          );
        }
      for (const [path, e] of this.fresh) writer.addColumn(path, e[0], e[1], e[2], e[3], e[5], e[6]);
      await writer.finish();
    } catch (e) {
      await writer.abort();
      throw e;
    }
    this.dirty = false;
  }
}
