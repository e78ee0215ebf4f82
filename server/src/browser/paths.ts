/**
 * The browser twin of lsp/paths.ts (the browser build puts it in that module's place): documents
 * of any scheme the editor serves are named by URI paths (fs/uri-paths.ts), not by OS paths.
 * Same exports, same meaning.
 */
import { innermostFolder } from '../fs/folders';
import type { Folder } from '../fs/folders';
import { uriOfPath, uriPathOf, uriPaths } from '../fs/uri-paths';

export type { Folder } from '../fs/folders';

/** The URI path of a document URI, else undefined (untitled documents). */
export function pathOf(uri: string): string | undefined {
  return uriPathOf(uri);
}

/** The URI of a path, in the form clients send. */
export function uriOf(path: string): string {
  return uriOfPath(path);
}

/** Whether `path` is inside (or is) `dir`. */
export function isInside(path: string, dir: string): boolean {
  const a = uriPaths.resolve(dir);
  const b = uriPaths.resolve(path);
  return a === b || b.startsWith(a.endsWith('/') ? a : `${a}/`);
}

/** The innermost workspace folder holding a path. */
export function folderOf(folders: readonly Folder[], path: string | undefined): Folder | undefined {
  return innermostFolder(folders, path, isInside);
}

/** A path relative to a folder with forward slashes, as globs are matched. */
export function relPath(folder: Folder | undefined, path: string): string {
  const rel = folder ? uriPaths.relative(folder.path, path) : path.replace(/^[a-zA-Z][\w+.-]*:\/\/[^/]*/, '');
  return rel.replace(/^\/+/, '');
}
