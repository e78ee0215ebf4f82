/**
 * What the loader keeps of a document whose record is in the cache (`CachedDocument`), and the
 * ID source the core reads a document's ID from (`idSource`).
 */
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fastAnalysis } from '../core/fast/index';
import type { Analysis } from '../core/model';
import type { Config } from '../core/config';
import type { DocumentRecord, RecordBrief, RecordChecks } from '../core/record';
import { makeRecord, recordAnalysis } from '../core/record';
import type { RecordCache } from '../node/record-cache';
import { contentHash } from '../node/record-cache';
import { readFileBytesSync } from '../node/read-text-file-sync';
import { decodeText } from '../fs/file-system';
import type { LoadedDocument } from './load-documents';

/**
 * What the core reads a document's ID from (`idFromPath`: the last segment, URI-decoded): the
 * file name, encoded as its file URL would carry it, so `50%-rollout.md` stays intact. Equal to
 * `pathToFileURL(abs).href` for that purpose, without a URL parse per file (0.1-0.2 s of a
 * 10,000-document check); names `encodeURIComponent` refuses (lone surrogates) take the URL.
 */
export function idSource(abs: string): string {
  try {
    return encodeURIComponent(basename(abs));
  } catch {
    return pathToFileURL(abs).href;
  }
}

/**
 * A document whose record is in the cache, decoded on first read (`LoadedDocument.brief`). A
 * class, not a literal with getters (see `Candidate` in load-documents.ts). Its fields are
 * `declare`d and assigned in the constructor: a declared field or a parameter property is a
 * define on each instance before the assignments (class fields semantics), eight per document.
 */
export class CachedDocument implements LoadedDocument {
  declare readonly file: string;
  declare readonly config: Config;
  declare readonly brief: RecordBrief;
  declare private readonly abs: string;
  declare private readonly cache: RecordCache;
  declare private readonly hash: string;
  declare private readonly key: string;
  /** The record once decoded (or made again). */
  declare private decodedRecord: DocumentRecord | undefined;

  constructor(
    file: string,
    abs: string,
    config: Config,
    brief: RecordBrief,
    cache: RecordCache,
    hash: string,
    key: string,
  ) {
    this.file = file;
    this.abs = abs;
    this.config = config;
    this.brief = brief;
    this.cache = cache;
    this.hash = hash;
    this.key = key;
    this.decodedRecord = undefined;
  }

  get record(): DocumentRecord {
    return (this.decodedRecord ??= this.cache.get(this.abs, this.hash, this.key) ?? this.remake());
  }

  get analysis(): Analysis {
    return recordAnalysis(this.record);
  }

  checks(): RecordChecks | undefined {
    return this.decodedRecord ?? this.cache.checks(this.abs, this.hash, this.key);
  }

  /**
   * The record made from the file again, when the cached one does not decode (only a cache
   * written by a broken build gets here: the file's hash was checked): its bytes were not kept,
   * so the file is read again.
   */
  private remake(): DocumentRecord {
    const bytes = readFileBytesSync(this.abs);
    const read = bytes.ok ? decodeText(bytes.bytes) : bytes;
    if (!read.ok || !bytes.ok)
      throw new Error(`${this.file}: ${read.ok ? 'unreadable' : read.reason} (and its cached record is damaged)`);
    // The bytes of now (the file may have changed since it was hashed): their hash is their key.
    const hash = contentHash(bytes.bytes);
    const record = makeRecord(fastAnalysis(read.text, idSource(this.abs)), { config: this.config });
    this.cache.set(this.abs, hash, this.key, record, undefined, this.config.extraFields);
    return record;
  }
}
