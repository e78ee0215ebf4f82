/**
 * The synchronous twin of `readTextFile` for the command line, which reads thousands of small
 * files and has no event loop to keep free: one open, fstat, read and close per file instead of a
 * round trip to the thread pool for each. Same guarantees: never throws, reads regular files only,
 * and opens with O_NONBLOCK so that a FIFO named `x.md` cannot block it.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import type { ReadResult } from './read-text-file';
import { describeFsError, notRegular } from './read-text-file';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
// A fatal decoder can be reused: each `decode` without `stream` starts afresh.
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads and decodes a regular file (links followed); never throws, never blocks on a special file. */
export function readTextFileSync(path: string): ReadResult {
  let fd: number;
  try {
    // The type is checked before the open too: opening a device can itself have effects.
    const bad = notRegular(statSync(path));
    if (bad) return { ok: false, reason: bad };
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  }
  try {
    const st = fstatSync(fd);
    const again = notRegular(st);
    if (again) return { ok: false, reason: again };
    const bytes = readFileSync(fd);
    if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    try {
      return { ok: true, text: decoder.decode(bytes) };
    } catch {
      return { ok: false, reason: 'not valid UTF-8' };
    }
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  } finally {
    closeSync(fd);
  }
}
