/**
 * Finding a repository's facts on disk for the core rules CM016 and CM017: the repository root
 * (nearest ancestor with `.git`), its CODEOWNERS file and its Backstage catalog-info.yaml files.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  assembleRepoFiles,
  CATALOG_NAME,
  CATALOG_MAX_DEPTH as MAX_DEPTH,
  CATALOG_SKIP_DIRS as SKIP_DIRS,
} from '../../fs/repo-files';
import type { RepoFiles, RepoReadOptions } from '../../fs/repo-files';
import { readTextFile } from '../read-text-file';
import { isInside } from '../inside';
import { defaultGitTimeoutMs, git, nulList } from '../git';

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in worktrees). */
export async function findRepoRoot(dir: string): Promise<string | undefined> {
  let d = dir;
  for (;;) {
    try {
      await stat(join(d, '.git'));
      return d;
    } catch {
      // not here: go up
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export type { RepoFiles, RepoReadOptions } from '../../fs/repo-files';

/** How long catalog discovery may wait for git (a config that includes a FIFO would block it) before walking instead. */
const GIT_TIMEOUT_MS = 5000;

/** Catalog files under `root`: from `git ls-files` (honours .gitignore) in a repository when git may run, else a bounded walk. */
export async function findCatalogFiles(root: string, inGit: boolean): Promise<string[]> {
  if (inGit) {
    const r = await git(
      [
        'ls-files',
        '-z',
        '--cached',
        '--others',
        '--exclude-standard',
        '--',
        ':(glob)**/catalog-info.yaml',
        ':(glob)**/catalog-info.yml',
      ],
      root,
      Math.min(GIT_TIMEOUT_MS, defaultGitTimeoutMs()),
    );
    if (r.ok) return [...new Set(nulList(r.stdout))].sort().map((p) => join(root, p));
  }
  const out: string[] = [];
  const walk = async (dir: string, depth: number) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory() && depth < MAX_DEPTH && !SKIP_DIRS.has(e.name)) await walk(join(dir, e.name), depth + 1);
      else if (e.isFile() && CATALOG_NAME.test(e.name)) out.push(join(dir, e.name));
    }
  };
  await walk(root, 0);
  return out;
}

/** Reads CODEOWNERS and catalog-info.yaml files of a repository root (or of a plain folder). */
export async function readRepoFiles(root: string, opts: RepoReadOptions = {}): Promise<RepoFiles> {
  const rootReal = await realpath(root).catch(() => root);
  const inGit =
    opts.git !== false &&
    (await stat(join(root, '.git')).then(
      () => true,
      () => false,
    ));
  return assembleRepoFiles(root, {
    join,
    // A repository file is data of this repository: a link to a file elsewhere is not read.
    readInside: async (file) => {
      const real = await realpath(file).catch(() => file);
      return isInside(rootReal, real)
        ? readTextFile(real)
        : ({ ok: false, reason: `a symbolic link to ${real}, outside the repository` } as const);
    },
    catalogFiles: () => findCatalogFiles(root, inGit),
  });
}
