/**
 * A persisted cache of document records (core/record.ts), keyed like ESLint's and Prettier's
 * `--cache --cache-strategy content`: per file, the hash of its content and of the resolved
 * config it was checked with; per cache file, the tool's version and the record format.
 *
 * The file is never trusted: its first line names the tool, format, version and the SHA-1 of the
 * rest, and a file that is not ours, is of another version, does not parse or does not match its
 * hash is ignored as a whole (and replaced on save). It is written to a temporary file and
 * renamed, so that an interrupted or concurrent run leaves either the old file or a whole new one.
 *
 * After the first line, one line per file: `["path","hash","key"]`, a tab, the summary as JSON
 * (what `list` prints: read without unpacking the record; empty when not stored), a tab, and the
 * record packed (record-codec.ts, as JSON). Records stay packed until read, so a large cache loads in one split
 * and the language server keeps the packed string itself as its compact entry.
 */
import * as crypto from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Config } from '../core/config';
import type { DocumentRecord } from '../core/record';
import { RECORD_FORMAT } from '../core/record';
import { decodeRecord, encodeRecord } from '../core/record-codec';
import { summarize } from '../core/summary';
import type { ChangeSummary } from '../core/summary';

/** The default cache file name (in the current folder, like `.eslintcache`). */
export const CACHE_FILE_NAME = '.itsmotecache';

const TOOL = 'itsmote-changes';

/** About how many characters of the body `save` writes at a time. */
const CHUNK = 1 << 20;

// crypto.hash (node >= 20.12) hashes in one call, without a Hash object per file.
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: 'base64' | 'hex') => string }).hash;

/** SHA-1 of a text, base64: the content part of a cache key. */
export function contentHash(text: string): string {
  return oneShot ? oneShot('sha1', text, 'base64') : crypto.createHash('sha1').update(text).digest('base64');
}

const configKeys = new WeakMap<Config, string>();

/** The config part of a cache key: a hash of the resolved config and the other check inputs. */
export function configKey(config: Config, docsUrl = ''): string {
  let k = configKeys.get(config);
  if (k === undefined) {
    k = contentHash(JSON.stringify(config));
    configKeys.set(config, k);
  }
  return docsUrl ? `${k} ${docsUrl}` : k;
}

/**
 * One cached file: content hash, config key, the summary (JSON, without problem counts; '' when
 * not stored) and the record packed (decoded on first read).
 */
type Entry = [hash: string, key: string, summary: string, packed: string, decoded?: DocumentRecord];

interface Header {
  tool: string;
  format: number;
  version: string;
  sha1: string;
}

/**
 * A record packed for the cache file and the server's compact entries: characters beyond Latin-1
 * escaped and the string rebuilt from Latin-1 bytes, so that V8 keeps it flat at one byte per
 * character (as JSON.stringify leaves it, one emoji doubles it and slack adds a sixth).
 */
export function packRecord(r: DocumentRecord, docsUrl?: string): string {
  const json = JSON.stringify(encodeRecord(r, docsUrl)).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(json, 'latin1').toString('latin1');
}

/** The record of a packed string; undefined when it does not decode (a miss, never a wrong result). */
export function unpackRecord(packed: string): DocumentRecord | undefined {
  try {
    return decodeRecord(JSON.parse(packed));
  } catch {
    return undefined;
  }
}

/** The record of an entry, decoded on first use. */
function recordOf(e: Entry): DocumentRecord | undefined {
  if (e[4] === undefined) {
    const r = unpackRecord(e[3]);
    if (!r) return undefined;
    e[4] = r;
  }
  return e[4];
}

/** The summary a column holds, checked for the shape `list` reads; undefined when absent or damaged (a miss). */
function parseSummary(json: string): ChangeSummary | undefined {
  if (json === '') return undefined;
  try {
    const s = JSON.parse(json) as Partial<ChangeSummary> | null;
    if (typeof s !== 'object' || s === null || typeof s.id !== 'string' || !Array.isArray(s.services) || !Array.isArray(s.incidents)) return undefined;
    return { ...s, problems: { errors: 0, warnings: 0, infos: 0 } } as ChangeSummary;
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
  /** How many lookups hit and missed (for messages and the benchmark). */
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly version: string,
    private readonly entries: Map<string, Entry>,
    /** Why the file on disk was not used, when it existed but was ignored. */
    readonly ignored?: string,
  ) {}

  /** An empty cache that `save` writes to `file` (replacing what is there). */
  static empty(file: string, version: string): RecordCache {
    const c = new RecordCache(file, version, new Map());
    c.dirty = true;
    return c;
  }

  /** Opens the cache at `file` for this tool `version`; a missing, foreign or corrupt file gives an empty cache. */
  static async open(file: string, version: string): Promise<RecordCache> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return new RecordCache(file, version, new Map());
    }
    const parsed = RecordCache.parse(text, version);
    return typeof parsed === 'string' ? new RecordCache(file, version, new Map(), parsed) : new RecordCache(file, version, parsed);
  }

  /** The entries of a cache file's text, or why it cannot be used. */
  private static parse(text: string, version: string): Map<string, Entry> | string {
    const nl = text.indexOf('\n');
    if (nl < 0) return 'not an itsmote cache file';
    let header: Partial<Header>;
    try {
      header = JSON.parse(text.slice(0, nl)) as Partial<Header>;
    } catch {
      return 'not an itsmote cache file';
    }
    if (header?.tool !== TOOL) return 'not an itsmote cache file';
    if (header.format !== RECORD_FORMAT || header.version !== version) return `written by another version (${String(header.version)})`;
    const body = text.slice(nl + 1);
    if (header.sha1 !== contentHash(body)) return 'corrupt (its content does not match its hash)';
    const entries = new Map<string, Entry>();
    for (const line of body.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      let head: unknown;
      try {
        head = JSON.parse(line.slice(0, tab));
      } catch {
        return 'corrupt (not JSON)';
      }
      if (!Array.isArray(head) || head.length !== 3 || !head.every((x) => typeof x === 'string')) return 'corrupt (not a map of files)';
      const [path, hash, key] = head as [string, string, string];
      // The summary column holds JSON, which escapes tabs: the next tab ends it.
      const tab2 = line.indexOf('\t', tab + 1);
      if (tab2 < 0) return 'corrupt (no summary column)';
      entries.set(path, [hash, key, line.slice(tab + 1, tab2), line.slice(tab2 + 1)]);
    }
    return entries;
  }

  /** The record of `path` when its content hash and config key match; counts a hit or a miss. */
  get(path: string, hash: string, key: string): DocumentRecord | undefined {
    const e = this.entries.get(path);
    const r = e && e[0] === hash && e[1] === key ? recordOf(e) : undefined;
    if (r) this.hits++;
    else this.misses++;
    return r;
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
    const e = this.entries.get(path);
    // A copy: the column is a slice of the whole file's text, which it would keep alive (the
    // language server keeps packed records as its entries).
    return e ? { hash: e[0], key: e[1], packed: Buffer.from(e[3], 'latin1').toString('latin1') } : undefined;
  }

  /** Forgets what is cached for `path` (the server takes the packed record over). */
  take(path: string): void {
    this.entries.delete(path);
  }

  /**
   * Stores the record of `path` for this content hash and config key (checked with `docsUrl`),
   * and its summary (custom fields named by `extraFields`, the config's) for `summary`.
   */
  set(path: string, hash: string, key: string, record: DocumentRecord, docsUrl?: string, extraFields: readonly string[] = []): void {
    const prev = this.entries.get(path);
    if (prev && prev[0] === hash && prev[1] === key && prev[4] === record) return;
    this.entries.set(path, [hash, key, summaryColumn(summarize(record.doc, [], extraFields)), packRecord(record, docsUrl), record]);
    this.dirty = true;
  }

  /** Stores an already packed record and, when known, its summary (problem counts are not stored). */
  setPacked(path: string, hash: string, key: string, packed: string, summary?: ChangeSummary): void {
    this.entries.set(path, [hash, key, summary ? summaryColumn(summary) : '', packed]);
    this.dirty = true;
  }

  /**
   * Writes the cache when something changed (or the file on disk was ignored). Throws on I/O
   * errors. The body is written and hashed in chunks of about 1 MB, then the first line is
   * rewritten in place with the hash (its length does not depend on it): a 10,000-document cache
   * never exists as one 20 MB string (plus its bytes) in memory, which was the language server's
   * peak.
   */
  async save(): Promise<void> {
    if (!this.dirty && this.ignored === undefined) return;
    const headerLine = (sha1: string) => `${JSON.stringify({ tool: TOOL, format: RECORD_FORMAT, version: this.version, sha1 } satisfies Header)}\n`;
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      const fh = await open(tmp, 'w');
      try {
        // A SHA-1 in base64 is always 28 characters: the placeholder has the final line's length.
        const placeholder = Buffer.from(headerLine('='.repeat(28)));
        await fh.write(placeholder, 0, placeholder.length, 0);
        const hash = crypto.createHash('sha1');
        let position = placeholder.length;
        let lines: string[] = [];
        let size = 0;
        const flush = async () => {
          const bytes = Buffer.from(lines.join(''));
          hash.update(bytes);
          await fh.write(bytes, 0, bytes.length, position);
          position += bytes.length;
          lines = [];
          size = 0;
        };
        let first = true;
        for (const [p, e] of this.entries) {
          const line = `${first ? '' : '\n'}${JSON.stringify([p, e[0], e[1]])}\t${e[2]}\t${e[3]}`;
          first = false;
          lines.push(line);
          size += line.length;
          if (size >= CHUNK) await flush();
        }
        if (lines.length) await flush();
        const header = Buffer.from(headerLine(hash.digest('base64')));
        if (header.length !== placeholder.length) throw new Error('cache header length changed');
        await fh.write(header, 0, header.length, 0);
      } finally {
        await fh.close();
      }
      await rename(tmp, this.file);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    this.dirty = false;
  }
}
