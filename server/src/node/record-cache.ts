/**
 * A persisted cache of document records (core/record.ts), keyed like ESLint's and Prettier's
 * `--cache --cache-strategy content`: per file, the hash of its content and of the resolved
 * config it was checked with; per cache file, the tool's version and the record format.
 *
 * The file is never trusted: its first line names the tool, format, version and the SHA-1s of the
 * two blocks that follow, and a file that is not ours, is of another version, does not parse or
 * does not match its hashes is ignored as a whole (and replaced on save). It is written to a
 * temporary file and renamed, so that an interrupted or concurrent run leaves either the old file
 * or a whole new one.
 *
 * After the first line, the summaries block: one line per file, `["path","hash","key",brief]`
 * (the record's brief, `encodeBrief`, when known), a tab, and the summary as JSON (what `list`
 * prints; empty when not stored), and, when the record holds stable diagnostics or directives
 * and the brief is known, a tab and those (`encodeChecks`: a check of a record on which no
 * volatile rule runs reads nothing else), in ASCII (JSON escapes every other character), so that it
 * is read as a one-byte string without UTF-8 decoding. A warm `check` reads the brief and decodes only the records
 * whose diagnostics it needs (`briefDiagnostics`). Then the records block:
 * the record of each file packed (`packRecord`: its hot and cold parts, record-codec.ts, as JSON
 * split by a tab), one line each, in the same order. `list` reads the first line and the
 * summaries block only (a sixth of the file), and the records when it must (a file that
 * changed). Records stay packed until read: the language server keeps the packed string itself
 * as its compact entry; the CLI keeps the block's bytes and decodes a record's cold part only
 * when a rule reads it (`open`'s `lazy`).
 */
import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { configKeyWith } from '../core/config-key';
import type { DocumentRecord, RecordBrief, RecordChecks } from '../core/record';
import { RECORD_FORMAT, recordBrief } from '../core/record';
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

/** The default cache file name (in the current folder, like `.eslintcache`). */
export const CACHE_FILE_NAME = '.itsmotecache';

const TOOL = 'itsmote-changes';

/** About how many characters of the body `save` writes at a time. */
const CHUNK = 1 << 20;

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

/** The config part of a cache key: a hash of the resolved config and the other check inputs. */
export const configKey = configKeyWith(contentHash);

/**
 * One cached file: content hash, config key, the summary (JSON, without problem counts; '' when
 * not stored), the record packed (undefined until the records block is read, or while it stays
 * bytes: then `at` and `end` say where its line is in the block) and decoded (on first read), and
 * its brief in compact form (`encodeBrief`) when known, and its checks column (the JSON of
 * `encodeChecks`; '' when the record has neither stable diagnostics nor directives).
 */
type Entry = [
  hash: string,
  key: string,
  summary: string,
  packed: string | undefined,
  decoded?: DocumentRecord,
  at?: number,
  end?: number,
  brief?: unknown,
  checks?: string,
];

interface Header {
  tool: string;
  format: number;
  version: string;
  /** SHA-1 of the records block. */
  sha1: string;
  /** SHA-1 and length in bytes (12 digits) of the summaries block. */
  summariesSha1: string;
  summariesBytes: string;
}

/** The first line of a cache file; its length does not depend on the hashes and lengths it holds. */
function headerLine(version: string, sha1: string, summariesSha1: string, summariesBytes: number): string {
  const h: Header = {
    tool: TOOL,
    format: RECORD_FORMAT,
    version,
    sha1,
    summariesSha1,
    summariesBytes: String(summariesBytes).padStart(12, '0'),
  };
  return `${JSON.stringify(h)}\n`;
}

/** Reads `length` bytes of `fd` from `position` (all of the rest when undefined). */
function readBytes(fd: number, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? out : out.subarray(0, done);
}

/** JSON text with every character beyond ASCII escaped (the summaries block). */
function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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

/** A summary as its column stores it: JSON without the problem counts (they follow from the diagnostics of the moment). */
function summaryColumn(s: ChangeSummary): string {
  const { problems: _problems, ...rest } = s;
  return JSON.stringify(rest);
}

/** Records by absolute file path, loaded from and saved to one cache file. */
export class RecordCache {
  private dirty = false;
  /** The records block's bytes, when its records stay bytes until read (`lazy`). */
  private block: Buffer | undefined;
  /** How many lookups hit and missed (for messages and the benchmark). */
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly version: string,
    private readonly entries: Map<string, Entry>,
    /** Why the file on disk was not used, when it existed but was ignored. */
    readonly ignored?: string,
    /** Where the records block of the file on disk is, when it has not been read yet. */
    private pending?: { offset: number; sha1: string },
    /** Records stay bytes until read (see `open`). */
    private readonly lazy = false,
  ) {}

  /** An empty cache that `save` writes to `file` (replacing what is there). */
  static empty(file: string, version: string): RecordCache {
    const c = new RecordCache(file, version, new Map());
    c.dirty = true;
    return c;
  }

  /**
   * Opens the cache at `file` for this tool `version`; a missing, foreign or corrupt file gives an
   * empty cache. `summariesOnly`: read the first line and the summaries block, and the records
   * block only when a record is asked for or the cache is saved. `lazy`: keep the records block
   * as bytes and make a record's string when it is read, the cold part (record-codec.ts) when a
   * rule reads it (the CLI, which reads each record once at most); otherwise every record is a
   * string of its own at once (the language server keeps them and drops the file's bytes).
   * `sync`: read the file in one synchronous call (the CLI has nothing else to do meanwhile, and
   * an asynchronous read of 20 MB goes to the thread pool 512 KB at a time).
   */
  static async open(
    file: string,
    version: string,
    opts: { summariesOnly?: boolean; lazy?: boolean; sync?: boolean } = {},
  ): Promise<RecordCache> {
    const lazy = opts.lazy === true;
    let bytes: Buffer;
    let fd: number | undefined;
    let head: Header | string;
    try {
      if (opts.summariesOnly) {
        fd = openSync(file, 'r');
        const first = readBytes(fd, 0, 512);
        const nl = first.indexOf(10);
        head =
          nl < 0 ? 'not an itsmote cache file' : RecordCache.header(first.subarray(0, nl).toString('utf8'), version);
        if (typeof head === 'string') return new RecordCache(file, version, new Map(), head, undefined, lazy);
        bytes = Buffer.concat([first.subarray(0, nl + 1), readBytes(fd, nl + 1, Number(head.summariesBytes))]);
      } else bytes = opts.sync ? readFileSync(file) : await readFile(file);
    } catch {
      return new RecordCache(file, version, new Map(), undefined, undefined, lazy);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const parsed = RecordCache.parse(bytes, version, opts.summariesOnly === true, lazy);
    if (typeof parsed === 'string') return new RecordCache(file, version, new Map(), parsed, undefined, lazy);
    const cache = new RecordCache(file, version, parsed.entries, undefined, parsed.pending, lazy);
    cache.block = parsed.block;
    return cache;
  }

  /** The first line's fields, or why the file cannot be used. */
  private static header(line: string, version: string): Header | string {
    let h: Partial<Header>;
    try {
      h = JSON.parse(line) as Partial<Header>;
    } catch {
      return 'not an itsmote cache file';
    }
    if (h?.tool !== TOOL) return 'not an itsmote cache file';
    if (h.format !== RECORD_FORMAT || h.version !== version) return `written by another version (${String(h.version)})`;
    if (
      typeof h.sha1 !== 'string' ||
      typeof h.summariesSha1 !== 'string' ||
      typeof h.summariesBytes !== 'string' ||
      !/^\d{12}$/.test(h.summariesBytes)
    )
      return 'corrupt (its first line)';
    return h as Header;
  }

  /**
   * The entries of a cache file's bytes (the first line and the summaries block, and the records
   * block unless `summariesOnly`), or why the file cannot be used.
   */
  private static parse(
    bytes: Buffer,
    version: string,
    summariesOnly: boolean,
    lazy: boolean,
  ): { entries: Map<string, Entry>; pending?: { offset: number; sha1: string }; block?: Buffer } | string {
    const nl = bytes.indexOf(10);
    if (nl < 0) return 'not an itsmote cache file';
    const header = RecordCache.header(bytes.subarray(0, nl).toString('utf8'), version);
    if (typeof header === 'string') return header;
    const start = nl + 1;
    const end = start + Number(header.summariesBytes);
    if (end > bytes.length) return 'corrupt (shorter than its first line says)';
    const block = bytes.subarray(start, end);
    if (header.summariesSha1 !== crypto.createHash('sha1').update(block).digest('base64'))
      return 'corrupt (its content does not match its hash)';
    const entries = new Map<string, Entry>();
    // ASCII (see `RecordCacheWriter.addColumn`): one byte per character, no UTF-8 decoding.
    const text = block.toString('latin1');
    for (let at = 0; at < text.length;) {
      const eol = text.indexOf('\n', at);
      const line = text.slice(at, eol < 0 ? text.length : eol);
      at = eol < 0 ? text.length : eol + 1;
      const tab = line.indexOf('\t');
      if (tab < 0) return 'corrupt (not a map of files)';
      let head: unknown;
      try {
        head = JSON.parse(line.slice(0, tab));
      } catch {
        return 'corrupt (not JSON)';
      }
      if (
        !Array.isArray(head) ||
        (head.length !== 3 && head.length !== 4) ||
        typeof head[0] !== 'string' ||
        typeof head[1] !== 'string' ||
        typeof head[2] !== 'string'
      )
        return 'corrupt (not a map of files)';
      const [path, hash, key, brief] = head as [string, string, string, unknown];
      // The summary is JSON (no raw tab): a second tab starts the checks column.
      const tab2 = line.indexOf('\t', tab + 1);
      const summary = tab2 < 0 ? line.slice(tab + 1) : line.slice(tab + 1, tab2);
      const checks = tab2 < 0 ? '' : line.slice(tab2 + 1);
      entries.set(path, [hash, key, summary, undefined, undefined, undefined, undefined, brief, checks]);
    }
    if (summariesOnly) return { entries, pending: { offset: end, sha1: header.sha1 } };
    const records = bytes.subarray(end);
    const why = RecordCache.fill(entries, records, header.sha1, lazy);
    if (why !== undefined) return why;
    return lazy ? { entries, block: records } : { entries };
  }

  /**
   * Puts the records block's packed records into `entries` (in order), as strings or (`lazy`) as
   * where their lines are in `block`; why not, when it cannot be used.
   */
  private static fill(entries: Map<string, Entry>, block: Buffer, sha1: string, lazy: boolean): string | undefined {
    if (sha1 !== crypto.createHash('sha1').update(block).digest('base64'))
      return 'corrupt (its content does not match its hash)';
    const ends: number[] = [];
    for (let at = 0; block.length > 0;) {
      const eol = block.indexOf(10, at);
      ends.push(eol < 0 ? block.length : eol);
      if (eol < 0) break;
      at = eol + 1;
    }
    if (ends.length !== entries.size) return 'corrupt (records and summaries differ in number)';
    let i = 0;
    let at = 0;
    for (const e of entries.values()) {
      const end = ends[i++]!;
      // Not lazy: one string per line, decoded from the bytes (slices of one string of the whole
      // block would keep all of it alive as long as any record is kept: the language server
      // keeps them).
      if (lazy) {
        e[5] = at;
        e[6] = end;
      } else e[3] = block.toString('utf8', at, end);
      at = end + 1;
    }
    return undefined;
  }

  /** The packed record of an entry (made from the block's bytes when it stayed bytes). */
  private packedOf(e: Entry): string | undefined {
    if (e[3] === undefined && e[5] !== undefined && this.block) return this.block.toString('utf8', e[5], e[6]);
    return e[3];
  }

  /**
   * The record of an entry, decoded on first use; its cold part (header items, status log) when a
   * rule reads it (the CLI's warm runs). Undefined when it does not decode (a miss).
   */
  private recordOf(e: Entry): DocumentRecord | undefined {
    if (e[4] !== undefined) return e[4];
    const block = this.block;
    let r: DocumentRecord | undefined;
    if (e[3] === undefined && e[5] !== undefined && block) {
      // Straight from the bytes: the hot part now, the cold part when it is read.
      const at = e[5];
      const end = e[6]!;
      const tab = block.indexOf(9, at);
      if (tab < 0 || tab >= end) return undefined;
      try {
        r = decodeRecordLazy(JSON.parse(block.toString('utf8', at, tab)), () => block.toString('utf8', tab + 1, end));
      } catch {
        return undefined;
      }
    } else if (e[3] !== undefined) r = unpackRecordLazy(e[3]);
    if (r) e[4] = r;
    return r;
  }

  /**
   * Reads the records block of a cache opened with `summariesOnly`, once. A block that cannot be
   * used leaves the entries without records: their records are made again (and their summaries,
   * checked by their own hash, stay usable).
   */
  private readPending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    let block: Buffer;
    try {
      const fd = openSync(this.file, 'r');
      try {
        block = readBytes(fd, p.offset, Math.max(0, fstatSync(fd).size - p.offset));
      } finally {
        closeSync(fd);
      }
    } catch {
      block = Buffer.alloc(0);
    }
    if (RecordCache.fill(this.entries, block, p.sha1, this.lazy) !== undefined) this.dirty = true;
    else if (this.lazy) this.block = block;
  }

  /** Whether an entry for `path` has this content hash and config key (its record and summary still to be read). */
  has(path: string, hash: string, key: string): boolean {
    const e = this.entries.get(path);
    return e !== undefined && e[0] === hash && e[1] === key;
  }

  /** The record of `path` when its content hash and config key match; counts a hit or a miss. */
  get(path: string, hash: string, key: string): DocumentRecord | undefined {
    const e = this.entries.get(path);
    if (e && e[3] === undefined && e[5] === undefined) this.readPending();
    const r = e && e[0] === hash && e[1] === key ? this.recordOf(e) : undefined;
    if (r) this.hits++;
    else this.misses++;
    return r;
  }

  /**
   * The brief of the record of `path` (`RecordBrief`) when its content hash and config key match
   * and the cache holds one; counts nothing (the caller asks `get` for the record when it needs it).
   */
  brief(path: string, hash: string, key: string): RecordBrief | undefined {
    const e = this.entries.get(path);
    return e && e[0] === hash && e[1] === key && e[7] !== undefined ? decodeBrief(e[7]) : undefined;
  }

  /**
   * The stable diagnostics and directives of the record of `path` from its checks column, when its
   * content hash and config key match and its brief says it has some; undefined when not stored
   * or damaged (the caller reads the record).
   */
  checks(path: string, hash: string, key: string): RecordChecks | undefined {
    const e = this.entries.get(path);
    if (!e || e[0] !== hash || e[1] !== key || !e[8]) return undefined;
    try {
      return decodeChecks(JSON.parse(e[8]));
    } catch {
      return undefined;
    }
  }

  /**
   * The summary of `path` (problem counts zero) when its content hash and config key match and
   * the summary column holds one; counts a hit. A miss is not counted: the caller asks `get` next.
   */
  summary(path: string, hash: string, key: string): ChangeSummary | undefined {
    const e = this.entries.get(path);
    const s = e && e[0] === hash && e[1] === key ? parseSummary(e[2]) : undefined;
    if (s) this.hits++;
    return s;
  }

  /** What is cached for `path`, packed, whatever its hash and key (the caller compares and unpacks). */
  peek(path: string): { hash: string; key: string; packed: string } | undefined {
    this.readPending();
    const e = this.entries.get(path);
    const packed = e && this.packedOf(e);
    if (packed === undefined) return undefined;
    return { hash: e![0], key: e![1], packed };
  }

  /** Forgets what is cached for `path` (the server takes the packed record over). */
  take(path: string): void {
    this.entries.delete(path);
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
    const prev = this.entries.get(path);
    if (prev && prev[0] === hash && prev[1] === key && prev[4] === record) return;
    this.entries.set(path, [
      hash,
      key,
      summaryColumn(summarize(record.doc, [], extraFields)),
      packRecord(record, docsUrl),
      record,
      undefined,
      undefined,
      encodeBrief(recordBrief(record)),
      record.stable.length || record.suppressions.length ? JSON.stringify(encodeChecks(record, docsUrl)) : '',
    ]);
    this.dirty = true;
  }

  /** Stores an already packed record and, when known, its summary (problem counts are not stored). */
  setPacked(path: string, hash: string, key: string, packed: string, summary?: ChangeSummary): void {
    this.entries.set(path, [hash, key, summary ? summaryColumn(summary) : '', packed]);
    this.dirty = true;
  }

  /**
   * Writes the cache when something changed (or the file on disk was ignored). Throws on I/O
   * errors. Written through a `RecordCacheWriter`: a 10,000-document cache never exists as one
   * 20 MB string (plus its bytes) in memory, which was the language server's peak.
   */
  async save(): Promise<void> {
    if (!this.dirty && this.ignored === undefined) return;
    // Records not read yet are written back as they were.
    this.readPending();
    const writer = await RecordCacheWriter.create(this.file, this.version);
    try {
      // An entry whose record could not be read is left out (it is made again next time).
      for (const [path, e] of this.entries) {
        const packed = this.packedOf(e);
        if (packed !== undefined) writer.addColumn(path, e[0], e[1], e[2], packed, e[7], e[8]);
      }
      await writer.finish();
    } catch (e) {
      await writer.abort();
      throw e;
    }
    this.dirty = false;
  }
}

/** How many writers this process started (their temporary files are named by it). */
let writers = 0;

/** Writes bytes to a file handle in order, hashing them, from a synchronous caller. */
class BlockWriter {
  private readonly hash = crypto.createHash('sha1');
  private chunk: string[] = [];
  private size = 0;
  private writing: Promise<unknown> = Promise.resolve();
  /** The first write that failed (reported by `end`: a failed write never goes unhandled meanwhile). */
  private failed: unknown;
  /** Bytes handed to the file so far. */
  bytes = 0;

  constructor(
    private readonly fh: FileHandle,
    private position: number,
  ) {}

  /** Queues `line`; a full chunk (about 1 MB) is encoded, hashed and written behind the earlier ones. */
  add(line: string): void {
    this.chunk.push(line);
    this.size += line.length;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.chunk.length) return;
    const bytes = Buffer.from(this.chunk.join(''));
    this.chunk = [];
    this.size = 0;
    this.hash.update(bytes);
    const at = this.position;
    this.position += bytes.length;
    this.bytes += bytes.length;
    this.writing = this.writing
      .then(() => (this.failed === undefined ? this.fh.write(bytes, 0, bytes.length, at) : undefined))
      .catch((e: unknown) => (this.failed ??= e));
  }

  /** Writes what is queued; the SHA-1 of everything added. */
  async end(): Promise<string> {
    this.flush();
    await this.writing;
    if (this.failed !== undefined) throw this.failed;
    return this.hash.digest('base64');
  }
}

/**
 * Writes a cache file record by record (the format of `RecordCache`), so that a caller producing
 * records one at a time (the language server's scan) need not keep them: the summaries go to
 * the file after a placeholder first line, the records to a second temporary file, appended to
 * the first at `finish`, which then writes the real first line and renames the file into place.
 * Until `finish`, the cache file on disk is the previous one.
 */
export class RecordCacheWriter {
  private readonly written = new Set<string>();
  private readonly summaries: BlockWriter;
  private readonly records: BlockWriter;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly main: FileHandle,
    private readonly side: FileHandle,
    private readonly tmp: string,
    private readonly sideTmp: string,
    private readonly headerBytes: number,
  ) {
    this.summaries = new BlockWriter(main, headerBytes);
    this.records = new BlockWriter(side, 0);
  }

  /** Starts writing `file` for this tool `version` (temporary files next to it). */
  static async create(file: string, version: string): Promise<RecordCacheWriter> {
    await mkdir(dirname(file), { recursive: true });
    // Two writers of one process (a scan, and the next that cancelled it) never share a name.
    const tmp = `${file}.${process.pid}.${++writers}.tmp`;
    const sideTmp = `${file}.${process.pid}.${writers}.records.tmp`;
    const main = await open(tmp, 'w');
    let side: FileHandle;
    try {
      side = await open(sideTmp, 'w+');
    } catch (e) {
      await main.close();
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    // A SHA-1 in base64 is always 28 characters: the placeholder has the final line's length.
    const placeholder = Buffer.from(headerLine(version, '='.repeat(28), '='.repeat(28), 0));
    await main.write(placeholder, 0, placeholder.length, 0);
    return new RecordCacheWriter(file, version, main, side, tmp, sideTmp, placeholder.length);
  }

  /** Adds a packed record and, when known, its summary (problem counts are not stored); a path already added is skipped. */
  add(path: string, hash: string, key: string, packed: string, summary?: ChangeSummary): void {
    this.addColumn(path, hash, key, summary ? summaryColumn(summary) : '', packed);
  }

  /**
   * Adds a record with its summary column as stored, and when known its brief in compact form
   * (`encodeBrief`) and its checks column (JSON of `encodeChecks`, written with a brief only).
   */
  addColumn(
    path: string,
    hash: string,
    key: string,
    summary: string,
    packed: string,
    brief?: unknown,
    checks?: string,
  ): void {
    if (this.written.has(path)) return;
    // Summaries: every line ends with a newline. Records: lines joined by newlines.
    const head = brief === undefined ? [path, hash, key] : [path, hash, key, brief];
    const tail = brief !== undefined && checks ? `\t${checks}` : '';
    this.summaries.add(asciiJson(`${JSON.stringify(head)}\t${summary}${tail}\n`));
    this.records.add(this.written.size ? `\n${packed}` : packed);
    this.written.add(path);
  }

  /** Appends the records to the summaries, writes the first line and puts the file in place. Throws on I/O errors (then call `abort`). */
  async finish(): Promise<void> {
    const summariesSha1 = await this.summaries.end();
    const recordsSha1 = await this.records.end();
    let position = this.headerBytes + this.summaries.bytes;
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let from = 0; from < this.records.bytes;) {
      const { bytesRead } = await this.side.read(buf, 0, Math.min(CHUNK, this.records.bytes - from), from);
      if (bytesRead === 0) throw new Error('cache records cut short');
      await this.main.write(buf, 0, bytesRead, position);
      from += bytesRead;
      position += bytesRead;
    }
    const header = Buffer.from(headerLine(this.version, recordsSha1, summariesSha1, this.summaries.bytes));
    if (header.length !== this.headerBytes) throw new Error('cache header length changed');
    await this.main.write(header, 0, header.length, 0);
    await this.close();
    await rename(this.tmp, this.file);
    this.finished = true;
  }

  /** Stops writing (nothing after `finish`): the temporary files are removed, the cache file on disk stays as it was. */
  async abort(): Promise<void> {
    if (this.finished) return;
    await this.close().catch(() => undefined);
    await unlink(this.tmp).catch(() => undefined);
  }

  private finished = false;

  private closed = false;

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await Promise.all([this.main.close(), this.side.close()]);
    } finally {
      await unlink(this.sideTmp).catch(() => undefined);
    }
  }
}
