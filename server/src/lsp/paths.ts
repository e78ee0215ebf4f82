/** URI <-> path and workspace folder lookups. */
import { URI } from 'vscode-uri';
import { relative, sep } from 'node:path';
import { innermostFolder } from '../fs/folders';
import type { Folder } from '../fs/folders';

export type { Folder } from '../fs/folders';

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
  return innermostFolder(folders, path, isInside);
}

/** A path relative to a folder with forward slashes, as globs are matched. */
export function relPath(folder: Folder | undefined, path: string): string {
  const rel = folder ? relative(folder.path, path) : path.replace(/^[a-zA-Z]:/, '');
  return rel.split(sep).join('/').replace(/^\/+/, '');
}
