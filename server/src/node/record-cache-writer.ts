/**
 * Writes a record cache file (the layout of record-cache-file.ts, read by `RecordCache`) record by
 * record: the language server's scan and `RecordCache.save` hand records over one at a time and
 * keep none of them. The file is written under a temporary name and renamed into place, so a
 * reader sees the old file or a whole new one.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChangeSummary } from '../core/summary';
import { asciiJson, headerLine, recordHash, summaryColumn, summaryLine } from './record-cache-file';

/** About how many characters of the body `save` writes at a time. */
const CHUNK = 1 << 20;

/** How many writers this process started (their temporary files are named by it). */
let writers = 0;

/** Writes bytes to a file handle in order, hashing them when asked, from a synchronous caller. */
class BlockWriter {
  private readonly hash: Hash | undefined;
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
    hashed: boolean,
  ) {
    if (hashed) this.hash = createHash('sha1');
  }

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
    this.hash?.update(bytes);
    const at = this.position;
    this.position += bytes.length;
    this.bytes += bytes.length;
    this.writing = this.writing
      .then(() => (this.failed === undefined ? this.fh.write(bytes, 0, bytes.length, at) : undefined))
      .catch((e: unknown) => (this.failed ??= e));
  }

  /** Writes what is queued; the SHA-1 of everything added ('' when not hashed). */
  async end(): Promise<string> {
    this.flush();
    await this.writing;
    if (this.failed !== undefined) throw this.failed;
    return this.hash?.digest('base64') ?? '';
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
    this.summaries = new BlockWriter(main, headerBytes, true);
    // Each record is hashed on its own (`recordHash`), in the summaries block.
    this.records = new BlockWriter(side, 0, false);
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
    const placeholder = Buffer.from(headerLine(version, '='.repeat(28), 0, 0));
    await main.write(placeholder, 0, placeholder.length, 0);
    return new RecordCacheWriter(file, version, main, side, tmp, sideTmp, placeholder.length);
  }

  /** Adds a packed record and, when known, its summary (problem counts are not stored); a path already added is skipped. */
  add(path: string, hash: string, key: string, packed: string, summary?: ChangeSummary): void {
    this.addColumn(path, hash, key, summary ? summaryColumn(summary) : '', packed);
  }

  /**
   * Adds a record with its summary column as stored, and when known its brief in compact form
   * (JSON of `encodeBrief`), its checks column (JSON of `encodeChecks`, written with a brief only)
   * and the record's hash (`recordHash`: a record carried over from the file as it was, checked
   * by the next reader).
   */
  addColumn(
    path: string,
    hash: string,
    key: string,
    summary: string,
    packed: string,
    brief?: string,
    checks?: string,
    packedHash?: string,
  ): void {
    if (this.written.has(path)) return;
    // Summaries: every line ends with a newline. Records: lines joined by newlines.
    const bytes = Buffer.byteLength(packed);
    this.summaries.add(
      asciiJson(summaryLine(path, hash, key, bytes, packedHash ?? recordHash(packed), summary, brief, checks)),
    );
    this.records.add(this.written.size ? `\n${packed}` : packed);
    this.written.add(path);
  }

  /** Appends the records to the summaries, writes the first line and puts the file in place. Throws on I/O errors (then call `abort`). */
  async finish(): Promise<void> {
    const summariesSha1 = await this.summaries.end();
    await this.records.end();
    let position = this.headerBytes + this.summaries.bytes;
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let from = 0; from < this.records.bytes;) {
      const { bytesRead } = await this.side.read(buf, 0, Math.min(CHUNK, this.records.bytes - from), from);
      if (bytesRead === 0) throw new Error('cache records cut short');
      await this.main.write(buf, 0, bytesRead, position);
      from += bytesRead;
      position += bytesRead;
    }
    const header = Buffer.from(headerLine(this.version, summariesSha1, this.summaries.bytes, this.records.bytes));
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
