/**
 * Walks a folder for change-document candidates (SPEC section 1): files selected by the include
 * globs, and other markdown files that may be change documents by content (the caller reads
 * their header). Excluded folders (`node_modules`, `.git`, ...) are never entered.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PathMatcher } from '../core/discovery';
import { describeFsError } from './read-text-file';

/** A candidate file under the root. */
export interface FoundFile {
  /** Path as `join(root, rel)`: absolute when the root is. */
  path: string;
  /** Path relative to the root, forward slashes: what the globs were matched against. */
  rel: string;
  /** Selected by the include globs; otherwise a markdown file that counts only if its header has a Change type. */
  byGlob: boolean;
}

/** A path the walk could not read. */
export interface WalkProblem {
  path: string;
  reason: string;
}

export interface WalkResult {
  /** Candidates in a stable order (names sorted within each folder, files before subfolders). */
  files: FoundFile[];
  problems: WalkProblem[];
  /** Set when the root itself cannot be read as a folder. */
  rootError?: string;
}

const MARKDOWN = /\.(md|markdown)$/i;

/** Finds the candidates under `root`. Never throws. Symbolic links are followed, each real folder once. */
export async function findChangeFiles(root: string, matcher: PathMatcher): Promise<WalkResult> {
  const files: FoundFile[] = [];
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();
  try {
    seenDirs.add(await realpath(root));
  } catch (e) {
    return { files, problems, rootError: describeFsError(e) };
  }

  const consider = (path: string, rel: string) => {
    if (matcher.matches(rel)) files.push({ path, rel, byGlob: true });
    else if (MARKDOWN.test(rel) && !matcher.excluded(rel)) files.push({ path, rel, byGlob: false });
  };

  const walk = async (dir: string, relDir: string, isRoot: boolean): Promise<string | undefined> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (isRoot) return describeFsError(e);
      problems.push({ path: dir, reason: describeFsError(e) });
      return undefined;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: [string, string][] = [];
    for (const ent of entries) {
      const path = join(dir, ent.name);
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const s = await stat(path);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch (e) {
          // A broken link matters only where a change document was expected.
          if (matcher.matches(rel) || (MARKDOWN.test(rel) && !matcher.excluded(rel))) problems.push({ path, reason: describeFsError(e) });
          continue;
        }
      }
      if (isFile) consider(path, rel);
      else if (isDir && !matcher.excluded(rel)) subdirs.push([path, rel]);
    }
    for (const [path, rel] of subdirs) {
      let real: string;
      try {
        real = await realpath(path);
      } catch (e) {
        problems.push({ path, reason: describeFsError(e) });
        continue;
      }
      if (seenDirs.has(real)) continue; // a link back up the tree, or a second way to one folder
      seenDirs.add(real);
      await walk(path, rel, false);
    }
    return undefined;
  };

  const rootError = await walk(root, '', true);
  return rootError === undefined ? { files, problems } : { files, problems, rootError };
}
