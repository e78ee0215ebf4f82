/**
 * A persisted cache of document records (core/record.ts), keyed like ESLint's and Prettier's
 * `--cache --cache-strategy content`: per file, the hash of its content and of the resolved
 * config it was checked with; per cache file, the tool's version and the record format.
 *
 * The file is never trusted: its first line names the tool, format, version and the SHA-1 of the
 * rest, and a file that is not ours, is of another version, does not parse or does not match its
 * hash is ignored as a whole (and replaced on save). It is written to a temporary file and
 * renamed, so that an interrupted or concurrent run leaves either the old file or a whole new one.
 */
import * as crypto from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Config } from '../core/config';
import type { DocumentRecord } from '../core/record';
import { RECORD_FORMAT } from '../core/record';
import { decodeRecord, encodeRecord } from '../core/record-codec';

/** The default cache file name (in the current folder, like `.eslintcache`). */
export const CACHE_FILE_NAME = '.itsmotecache';

const TOOL = 'itsmote-changes';

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

/** One cached file: content hash, config key, and the record (encoded until first read). */
type Entry = [hash: string, key: string, record: unknown, decoded?: DocumentRecord];

interface Header {
  tool: string;
  format: number;
  version: string;
  sha1: string;
}

function isEntry(x: unknown): x is Entry {
  return Array.isArray(x) && x.length === 3 && typeof x[0] === 'string' && typeof x[1] === 'string';
}

/** The record of an entry, decoded on first use; undefined when it does not decode (a miss, never a wrong result). */
function recordOf(e: Entry): DocumentRecord | undefined {
  if (e[3] === undefined) {
    try {
      e[3] = decodeRecord(e[2]);
    } catch {
      return undefined;
    }
  }
  return e[3];
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
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      return 'corrupt (not JSON)';
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'corrupt (not a map of files)';
    const entries = new Map<string, Entry>();
    for (const [path, e] of Object.entries(raw)) if (isEntry(e)) entries.set(path, e);
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

  /** What is cached for `path`, whatever its hash and key (the caller compares). */
  peek(path: string): { hash: string; key: string; record: DocumentRecord } | undefined {
    const e = this.entries.get(path);
    const record = e ? recordOf(e) : undefined;
    return e && record ? { hash: e[0], key: e[1], record } : undefined;
  }

  /** Stores the record of `path` for this content hash and config key (checked with `docsUrl`). */
  set(path: string, hash: string, key: string, record: DocumentRecord, docsUrl?: string): void {
    const prev = this.entries.get(path);
    if (prev && prev[0] === hash && prev[1] === key && prev[3] === record) return;
    this.entries.set(path, [hash, key, encodeRecord(record, docsUrl), record]);
    this.dirty = true;
  }

  /** Forgets every entry whose path `keep` rejects (files no longer in the index). */
  retain(keep: (path: string) => boolean): void {
    for (const p of [...this.entries.keys()])
      if (!keep(p)) {
        this.entries.delete(p);
        this.dirty = true;
      }
  }

  /** Drops the decoded records (the server keeps its own; only the compact form stays). */
  compact(): void {
    for (const e of this.entries.values()) e.length = 3;
  }

  /** Writes the cache when something changed (or the file on disk was ignored). Throws on I/O errors. */
  async save(): Promise<void> {
    if (!this.dirty && this.ignored === undefined) return;
    const body = JSON.stringify(Object.fromEntries([...this.entries].map(([p, e]) => [p, [e[0], e[1], e[2]]])));
    const header: Header = { tool: TOOL, format: RECORD_FORMAT, version: this.version, sha1: contentHash(body) };
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify(header)}\n${body}`);
      await rename(tmp, this.file);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    this.dirty = false;
  }
}
