/**
 * Reads a file as UTF-8 text without ever throwing: binary files (NUL bytes), invalid UTF-8 and
 * I/O errors come back as a reason, so one bad file never stops a run over many.
 */
import { readFile } from 'node:fs/promises';

/** The text of a file, or why it could not be read. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

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

/** Decodes bytes as strict UTF-8 (a leading BOM is dropped); a reason when they are not text. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

/** Reads and decodes a file; never throws. */
export async function readTextFile(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, reason: describeFsError(e) };
  }
  return decodeText(bytes);
}
