/**
 * Finding a repository's facts on disk for the core rules CM016 and CM017: the repository root
 * (nearest ancestor with `.git`), its CODEOWNERS file and its Backstage catalog-info.yaml files.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CODEOWNERS_LOCATIONS, parseCodeowners } from '../../core/repo/codeowners';
import { parseCatalog, serviceNames } from '../../core/repo/catalog';
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

/** The repository facts read from disk, with where they came from and what was wrong. */
export interface RepoFiles {
  root: string;
  /** The CODEOWNERS file used (GitHub's order: .github/, root, docs/) and its owners. */
  codeowners?: { file: string; people: string[] };
  /** The catalog files read and the service names they give (absent: no catalog file). */
  catalog?: { files: string[]; services: string[] };
  /** Unreadable or invalid files (absolute paths), one entry per problem. */
  problems: { file: string; message: string }[];
}

const CATALOG_NAME = /^catalog-info\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'vendor']);
const MAX_DEPTH = 8;

/** How long catalog discovery may wait for git (a config that includes a FIFO would block it) before walking instead. */
const GIT_TIMEOUT_MS = 5000;

/** Catalog files under `root`: from `git ls-files` (honours .gitignore) in a repository when git may run, else a bounded walk. */
export async function findCatalogFiles(root: string, inGit: boolean): Promise<string[]> {
  if (inGit) {
    const r = await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ':(glob)**/catalog-info.yaml', ':(glob)**/catalog-info.yml'], root, Math.min(GIT_TIMEOUT_MS, defaultGitTimeoutMs()));
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

/** How the repository files are found. */
export interface RepoReadOptions {
  /** Whether git may run (catalog discovery through `git ls-files`); false in an untrusted workspace. Default true. */
  git?: boolean;
}

/** Reads CODEOWNERS and catalog-info.yaml files of a repository root (or of a plain folder). */
export async function readRepoFiles(root: string, opts: RepoReadOptions = {}): Promise<RepoFiles> {
  const problems: RepoFiles['problems'] = [];
  const result: RepoFiles = { root, problems };
  const rootReal = await realpath(root).catch(() => root);
  // A repository file is data of this repository: a link to a file elsewhere is not read.
  const readInside = async (file: string) => {
    const real = await realpath(file).catch(() => file);
    return isInside(rootReal, real) ? readTextFile(real) : ({ ok: false, reason: `a symbolic link to ${real}, outside the repository` } as const);
  };
  for (const loc of CODEOWNERS_LOCATIONS) {
    const file = join(root, ...loc.split('/'));
    const r = await readInside(file);
    if (r.ok) {
      result.codeowners = { file, people: parseCodeowners(r.text) };
      break;
    }
  }
  const inGit =
    opts.git !== false &&
    (await stat(join(root, '.git')).then(
      () => true,
      () => false,
    ));
  const files = await findCatalogFiles(root, inGit);
  if (files.length) {
    const entities = [];
    const read: string[] = [];
    for (const f of files) {
      const r = await readInside(f);
      if (!r.ok) {
        problems.push({ file: f, message: `skipped: ${r.reason}` });
        continue;
      }
      const parsed = parseCatalog(r.text);
      for (const e of parsed.errors) problems.push({ file: f, message: e });
      entities.push(...parsed.entities);
      read.push(f);
    }
    if (read.length) result.catalog = { files: read, services: serviceNames(entities) };
  }
  return result;
}
