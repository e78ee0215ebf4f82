/**
 * The browser twin of node/record-cache.ts (the browser build puts it in that module's place):
 * the same content hash (SHA-1, base64, by @noble/hashes: a worker has no synchronous
 * node:crypto, and WebCrypto's digest is asynchronous), config key and packed records, but no
 * cache file: the browser server is never given a storage folder, so `RecordCache` is never
 * opened there and says so if it is.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { configKeyWith } from '../core/config-key';
import type { DocumentRecord } from '../core/record';
import { decodeRecord, encodeRecord } from '../core/record-codec';

const encoder = new TextEncoder();

/** SHA-1 of a text, base64: the content part of a cache key. */
export function contentHash(text: string): string {
  const digest = sha1(encoder.encode(text));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The config part of a cache key: a hash of the resolved config and the other check inputs. */
export const configKey = configKeyWith(contentHash);

/** A record packed for the index's compact entries (JSON; the Latin-1 flattening is a Node economy). */
export function packRecord(r: DocumentRecord, docsUrl?: string): string {
  return JSON.stringify(encodeRecord(r, docsUrl));
}

/** The record of a packed string; undefined when it does not decode (a miss, never a wrong result). */
export function unpackRecord(packed: string): DocumentRecord | undefined {
  try {
    return decodeRecord(JSON.parse(packed));
  } catch {
    return undefined;
  }
}

/** No cache file in a browser: the server keeps its index in memory only. */
export class RecordCache {
  static empty(): never {
    throw new Error('no record cache in the browser (the index lives in memory)');
  }

  static open(): Promise<never> {
    return Promise.reject(new Error('no record cache in the browser (the index lives in memory)'));
  }
}

/** No cache file in a browser (see `RecordCache`). */
export class RecordCacheWriter {
  static create(): Promise<never> {
    return Promise.reject(new Error('no record cache in the browser (the index lives in memory)'));
  }
}
