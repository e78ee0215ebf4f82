/**
 * URI <-> path and workspace folder lookups. On the desktop a document is named by its OS path;
 * in a virtual workspace (`useUriPaths`: Remote Repositories' `vscode-vfs://`, read through the
 * client) by its URI path, as in the browser build (browser/paths.ts, the same functions).
 */
import { URI } from 'vscode-uri';
import { relative, sep } from 'node:path';
import { innermostFolder } from '../fs/folders';
import type { Folder } from '../fs/folders';
import * as uriMode from '../browser/paths';

export type { Folder } from '../fs/folders';

let uriPaths = false;

/**
 * Names documents by URI paths from now on (server.ts, before the server starts, when the client
 * says the workspace is virtual): the file system is then the client's, which takes URI paths.
 */
export function useUriPaths(): void {
  uriPaths = true;
}

/** The file system path of a `file:` URI, else undefined (untitled and virtual documents). */
export function pathOf(uri: string): string | undefined {
  if (uriPaths) return uriMode.pathOf(uri);
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path, in the form clients send. */
export function uriOf(path: string): string {
  if (uriPaths) return uriMode.uriOf(path);
  return URI.file(path).toString();
}

/** Whether `path` is inside (or is) `dir`. */
export function isInside(path: string, dir: string): boolean {
  if (uriPaths) return uriMode.isInside(path, dir);
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** The innermost workspace folder holding a path. */
export function folderOf(folders: readonly Folder[], path: string | undefined): Folder | undefined {
  return innermostFolder(folders, path, isInside);
}

/** A path relative to a folder with forward slashes, as globs are matched. */
export function relPath(folder: Folder | undefined, path: string): string {
  if (uriPaths) return uriMode.relPath(folder, path);
  const rel = folder ? relative(folder.path, path) : path.replace(/^[a-zA-Z]:/, '');
  return rel.split(sep).join('/').replace(/^\/+/, '');
}
