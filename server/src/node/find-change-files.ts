/**
 * Walks a folder for change-document candidates (SPEC section 1): files selected by the include
 * globs, and other markdown files that may be change documents by content (the caller reads
 * their header). Excluded folders (`node_modules`, `.git`, ...) are never entered.
 *
 * The walk stays inside its root: a symbolic link is followed only when its real path is inside
 * the root's real path (a link to `/` in a cloned repository must not walk the disk), a file
 * reached by two paths is a candidate once, /proc, /sys and /dev are never entered, and only
 * regular files are candidates (a FIFO named `x.md` is reported, never opened). A cap on the
 * number of candidates and a cancellation check stop it early.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PathMatcher } from '../core/discovery';
import { DEFAULT_MAX_FILES } from '../fs/file-system';
import type { FoundFile, WalkOptions, WalkProblem, WalkResult } from '../fs/file-system';
import { isInside, isVirtualFs } from './inside';
import { describeFsError, notRegular } from './read-text-file';

export type { FoundFile, WalkProblem, WalkResult, WalkOptions } from '../fs/file-system';
export { DEFAULT_MAX_FILES } from '../fs/file-system';

const MARKDOWN = /\.(md|markdown)$/i;

interface Candidate extends FoundFile {
  real: string;
  viaLink: boolean;
}

/** Finds the candidates under `root`. Never throws. */
export async function findChangeFiles(root: string, matcher: PathMatcher, opts: WalkOptions = {}): Promise<WalkResult> {
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const found: Candidate[] = [];
  const problems: WalkProblem[] = [];
  const result: WalkResult = { files: [], problems };
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (e) {
    return { ...result, rootError: describeFsError(e) };
  }
  if (isVirtualFs(rootReal))
    return {
      ...result,
      rootError: `${rootReal} is a view of the kernel (/proc, /sys, /dev), not a folder of documents`,
    };
  const seenDirs = new Set<string>([rootReal]);
  const wanted = (rel: string) => matcher.matches(rel) || (MARKDOWN.test(rel) && !matcher.excluded(rel));
  let folders = 0;
  let stop = false;

  const consider = (path: string, rel: string, real: string, viaLink: boolean) => {
    const byGlob = matcher.matches(rel);
    if (!byGlob && !(MARKDOWN.test(rel) && !matcher.excluded(rel))) return;
    if (found.length >= maxFiles) {
      // One candidate more than the cap: stop here, the rest of the root is not looked at.
      result.capped = maxFiles;
      stop = true;
      return;
    }
    found.push({ path, rel, byGlob, real, viaLink });
  };

  // Folders reached through a link are walked after the real tree, so that a folder linked from
  // elsewhere in the root is walked (and its files named) under its own path.
  const linked: [path: string, real: string, rel: string][] = [];

  /** Walks `dir`, whose real path is `dirReal`; `viaLink` when a link led there. */
  const walk = async (dir: string, dirReal: string, relDir: string, viaLink: boolean): Promise<string | undefined> => {
    if (opts.isCancelled?.()) {
      result.cancelled = true;
      stop = true;
      return undefined;
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (relDir === '') return describeFsError(e);
      problems.push({ path: dir, reason: describeFsError(e) });
      return undefined;
    }
    folders++;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: [path: string, real: string, rel: string][] = [];
    // `join(dir, name)` for every entry, without normalizing the folder's part each time: a name
    // from readdir holds no separator and is never `.` or `..`, so the join of the folder with any
    // name is the folder's join with `x` less its `x`, plus the name.
    const under = join(dir, 'x').slice(0, -1);
    const underReal = join(dirReal, 'x').slice(0, -1);
    for (const ent of entries) {
      if (stop) break;
      const path = under + ent.name;
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      if (ent.isSymbolicLink()) await followLink(path, rel);
      else if (ent.isFile()) consider(path, rel, underReal + ent.name, viaLink);
      else if (ent.isDirectory()) {
        const real = underReal + ent.name;
        if (!matcher.excluded(rel) && !isVirtualFs(real)) subdirs.push([path, real, rel]);
      } else if (wanted(rel)) problems.push({ path, reason: notRegular(ent)! }); // a FIFO, socket or device: never opened
    }
    opts.onProgress?.(found.length, folders);
    for (const [path, real, rel] of subdirs) {
      if (stop) break;
      if (seenDirs.has(real)) continue;
      seenDirs.add(real);
      await walk(path, real, rel, viaLink);
    }
    return undefined;
  };

  /** A link: a folder inside the root is queued, a regular file inside it is a candidate, the rest is reported where a document was expected. */
  const followLink = async (path: string, rel: string): Promise<void> => {
    let real: string;
    let s;
    try {
      real = await realpath(path);
      s = await stat(real);
    } catch (e) {
      // A broken link (or a loop) matters only where a change document was expected.
      if (wanted(rel)) problems.push({ path, reason: describeFsError(e) });
      return;
    }
    const inside = isInside(rootReal, real) && !isVirtualFs(real);
    if (s.isDirectory()) {
      if (matcher.excluded(rel)) return;
      if (inside) linked.push([path, real, rel]);
      else problems.push({ path, reason: `a symbolic link to ${real}, outside ${rootReal}: not followed` });
    } else if (wanted(rel)) {
      if (!inside) problems.push({ path, reason: `a symbolic link to ${real}, outside ${rootReal}: not read` });
      else if (notRegular(s)) problems.push({ path, reason: notRegular(s)! });
      else consider(path, rel, real, true);
    }
  };

  const rootError = await walk(root, rootReal, '', false);
  if (rootError !== undefined) return { ...result, rootError };
  for (let i = 0; i < linked.length && !stop; i++) {
    const [path, real, rel] = linked[i]!;
    if (seenDirs.has(real)) continue; // a link back up the tree, or a second way to one folder
    seenDirs.add(real);
    await walk(path, real, rel, true);
  }
  result.files = onePathPerFile(found);
  return result;
}

/**
 * One candidate per real file: a document linked from elsewhere in the root is checked once,
 * under its own path when the walk found it (else under the first link found), in walk order.
 */
function onePathPerFile(found: readonly Candidate[]): FoundFile[] {
  // Without links, every file was reached once: the real folders walked are distinct.
  if (!found.some((c) => c.viaLink)) return found.map(({ path, rel, byGlob }) => ({ path, rel, byGlob }));
  const chosen = new Map<string, Candidate>();
  for (const c of found) {
    const prev = chosen.get(c.real);
    if (!prev || (prev.viaLink && !c.viaLink)) chosen.set(c.real, c);
  }
  const keep = new Set(chosen.values());
  return found.filter((c) => keep.has(c)).map(({ path, rel, byGlob }) => ({ path, rel, byGlob }));
}
