/**
 * Reads a file as UTF-8 text without ever throwing: binary files (NUL bytes), invalid UTF-8 and
 * I/O errors come back as a reason, so one bad file never stops a run over many. Only regular
 * files are read: a FIFO named `x.md` would block a read forever, a device never ends.
 */
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { decodeText } from '../fs/file-system';
import type { ReadResult } from '../fs/file-system';

export type { ReadResult } from '../fs/file-system';
export { decodeText } from '../fs/file-system';

/** Why an fs error happened, in words a user understands (`permission denied`, not `EACCES`). */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return err?.code ? `${err.code.toLowerCase()}: ${err.message}` : String((e as Error)?.message ?? e);
  }
}

/** Why a path that is not a regular file cannot be read, or undefined when it is one. */
export function notRegular(
  s: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>,
): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'is a directory';
  const kind = s.isFIFO()
    ? 'a FIFO'
    : s.isSocket()
      ? 'a socket'
      : s.isCharacterDevice()
        ? 'a character device'
        : s.isBlockDevice()
          ? 'a block device'
          : 'a special file';
  return `not a regular file (${kind})`;
}

// O_NONBLOCK: should the path become a FIFO between the check and the open, the open does not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads and decodes a regular file (links followed); never throws, never blocks on a special file. */
export async function readTextFile(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    const bad = notRegular(await stat(path));
    if (bad) return { ok: false, reason: bad };
    const fh = await open(path, OPEN_FLAGS);
    try {
      const again = notRegular(await fh.stat());
      if (again) return { ok: false, reason: again };
      bytes = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  }
  return decodeText(bytes);
}
