/**
 * The synchronous twin of `readTextFile` for the command line, which reads thousands of small
 * files and has no event loop to keep free: one open, fstat, read and close per file instead of a
 * round trip to the thread pool for each. Same guarantees: never throws, reads regular files only,
 * and opens with O_NONBLOCK so that a FIFO named `x.md` cannot block it.
 */
import * as buffer from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { ReadResult } from './read-text-file';
import { describeFsError, notRegular } from './read-text-file';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
// A fatal decoder can be reused: each `decode` without `stream` starts afresh.
const decoder = new TextDecoder('utf-8', { fatal: true });
// buffer.isUtf8 (node >= 18.14) validates without making a string; then the plain decode is a
// copy (a third of the fatal decoder's time on 10,000 files).
const isUtf8 = (buffer as { isUtf8?: (b: Uint8Array) => boolean }).isUtf8;

/** The text of valid UTF-8 bytes as the fatal decoder gives it (a leading BOM dropped); throws on invalid bytes. */
function decodeUtf8(bytes: Buffer): string {
  if (!isUtf8) return decoder.decode(bytes);
  if (!isUtf8(bytes)) throw new TypeError('not valid UTF-8');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What the caller already knows of the file. */
export interface ReadSyncOptions {
  /**
   * A walk (`findChangeFiles`) just found it a regular file: the stat before the open is skipped
   * (the fstat after it still checks). That stat is as racy as the walk's own, and on a machine
   * where a system call costs microseconds it is 10-15% of a warm `list`'s reading.
   */
  regular?: boolean;
}

/** Reads and decodes a regular file (links followed); never throws, never blocks on a special file. */
export function readTextFileSync(path: string, opts: ReadSyncOptions = {}): ReadResult {
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
    const bytes = readAll(fd, st.size);
    if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    try {
      return { ok: true, text: decodeUtf8(bytes) };
    } catch {
      return { ok: false, reason: 'not valid UTF-8' };
    }
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
function readAll(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd);
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const r = readSync(fd, buf, n, size - n, null);
    if (r === 0) break;
    n += r;
  }
  return n === size ? buf : buf.subarray(0, n);
}
