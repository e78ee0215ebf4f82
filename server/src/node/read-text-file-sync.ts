/**
 * The synchronous twin of `readTextFile` for the command line, which reads thousands of small
 * files and has no event loop to keep free: one open, fstat, read and close per file instead of a
 * round trip to the thread pool for each. Same guarantees: never throws, reads regular files only,
 * and opens with O_NONBLOCK so that a FIFO named `x.md` cannot block it.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { ReadResult } from './read-text-file';
import { decodeText, describeFsError, notRegular } from './read-text-file';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What the caller already knows of the file. */
export interface ReadSyncOptions {
  /**
   * A walk (`findChangeFiles`) just found it a regular file: the stat before the open is skipped
   * (the fstat after it still checks). That stat is as racy as the walk's own, and on a machine
   * where a system call costs microseconds it is 10-15% of a warm `list`'s reading.
   */
  regular?: boolean;
  /**
   * Read into this buffer when the file fits: the bytes returned are a view of it, valid until the
   * caller's next read into it (a warm cache hashes them and keeps nothing: no buffer per file).
   */
  into?: Buffer;
}

/** The bytes of a file, or why they cannot be read. */
export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Reads and decodes a regular file (links followed); never throws, never blocks on a special file. */
export function readTextFileSync(path: string, opts: ReadSyncOptions = {}): ReadResult {
  const read = readFileBytesSync(path, opts);
  return read.ok ? decodeText(read.bytes) : read;
}

/**
 * The bytes of a regular file (links followed), not yet checked as text: `decodeText` does
 * that. For a caller that may not need the text: a cache whose entry for these very bytes (their
 * hash) was made from a file that decoded. Never throws, never blocks on a special file.
 */
export function readFileBytesSync(path: string, opts: ReadSyncOptions = {}): BytesResult {
  let fd: number;
  try {
    // The type is checked before the open too: opening a device can itself have effects.
    const bad = opts.regular ? undefined : notRegular(statSync(path));
    if (bad) return { ok: false, reason: bad };
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  }
  try {
    const st = fstatSync(fd);
    const again = notRegular(st);
    if (again) return { ok: false, reason: again };
    return { ok: true, bytes: readAll(fd, st.size, opts.into) };
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of an open regular file of `size` bytes, as `readFileSync(fd)` reads them (up to the
 * size it was when stat'ed) without the second fstat it makes; size 0 (which may still hold
 * bytes) is left to it.
 */
function readAll(fd: number, size: number, into?: Buffer): Buffer {
  if (size === 0) return readFileSync(fd);
  const buf = into && into.length >= size ? into : Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const r = readSync(fd, buf, n, size - n, null);
    if (r === 0) break;
    n += r;
  }
  return n === buf.length ? buf : buf.subarray(0, n);
}
