/** URI <-> path and workspace folder lookups. */
import { URI } from 'vscode-uri';
import { relative, sep } from 'node:path';

/** A workspace folder with its file system path. */
export interface Folder {
  uri: string;
  path: string;
}

/** The file system path of a `file:` URI, else undefined (untitled and virtual documents). */
export function pathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path, in the form clients send. */
export function uriOf(path: string): string {
  return URI.file(path).toString();
}

/** Whether `path` is inside (or is) `dir`. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** The innermost workspace folder holding a path. */
export function folderOf(folders: readonly Folder[], path: string | undefined): Folder | undefined {
  if (!path) return undefined;
  let best: Folder | undefined;
  for (const f of folders) if (isInside(path, f.path) && (!best || f.path.length > best.path.length)) best = f;
  return best;
}

/** A path relative to a folder with forward slashes, as globs are matched. */
export function relPath(folder: Folder | undefined, path: string): string {
  const rel = folder ? relative(folder.path, path) : path.replace(/^[a-zA-Z]:/, '');
  return rel.split(sep).join('/').replace(/^\/+/, '');
}
