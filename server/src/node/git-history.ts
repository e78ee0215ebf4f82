/**
 * The committed versions of a file, for the audit: `git log --no-merges` for the commits, with
 * renames followed through `git diff-tree -M`, and one `git cat-file --batch` for all contents.
 */
import { dirname, relative, sep } from 'node:path';
import type { FileVersion } from '../core/repo/audit';
import { catFiles, git, gitError, gitToplevel, NO_DIFF_PROGRAMS, nulList } from './git';
import { decodeText } from './read-text-file';

/** The versions of a file, oldest first, or why they cannot be read. */
export type HistoryResult =
  { ok: true; versions: FileVersion[]; top: string } | { ok: false; reason: string; notInGit?: boolean };

const MAX_RENAMES = 50;

/** The repository of a folder: its top and whether it has a commit yet. */
async function repoOf(dir: string): Promise<{ top: string; hasHead: boolean } | undefined> {
  // A timeout is not "no repository": it reaches the command, which stops with the reason.
  const top = await gitToplevel(dir);
  if (!top) return undefined;
  const head = await git(['rev-parse', '--verify', '--quiet', 'HEAD'], top);
  return { top, hasHead: head.ok };
}

/** Per-folder answers shared by the files of one audit run. */
export type HistoryCache = Map<string, Promise<{ top: string; hasHead: boolean } | undefined>>;

/** The old path of `path` when `commit` renamed it (compared with its first parent), else undefined. */
async function renameSource(top: string, commit: string, path: string): Promise<string | undefined> {
  const r = await git(
    ['diff-tree', ...NO_DIFF_PROGRAMS, '-r', '-M', '--no-commit-id', '--name-status', '-z', '--root', commit],
    top,
  );
  if (!r.ok) return undefined;
  const t = nulList(r.stdout);
  for (let i = 0; i < t.length;) {
    const status = t[i]!;
    if (/^[RC]\d*$/.test(status)) {
      if (status.startsWith('R') && t[i + 2] === path) return t[i + 1];
      i += 3;
    } else i += 2;
  }
  return undefined;
}

/** Reads the committed history of `file` (an absolute, real path). */
export async function fileHistory(file: string, cache: HistoryCache = new Map()): Promise<HistoryResult> {
  const dir = dirname(file);
  if (!cache.has(dir)) cache.set(dir, repoOf(dir));
  const repo = await cache.get(dir)!;
  const top = repo?.top;
  if (!top) {
    const probe = await git(['--version'], dirname(file));
    return { ok: false, reason: probe.missing ? gitError(probe) : 'not in a git repository', notInGit: true };
  }
  const commits: { commit: string; at: number; author: string; path: string }[] = [];
  let path = relative(top, file).split(sep).join('/');
  let from = 'HEAD';
  if (!repo.hasHead) return { ok: true, versions: [], top }; // no commit yet
  // Follow renames by hand: `git log --follow` also follows copies, so a change created from a
  // copy of another document would inherit that document's history.
  for (let hops = 0; hops < MAX_RENAMES; hops++) {
    const log = await git(
      [
        'log',
        ...NO_DIFF_PROGRAMS,
        '--no-show-signature',
        '--no-merges',
        '--format=%x1e%H%x1f%at%x1f%an',
        from,
        '--',
        path,
      ],
      top,
    );
    if (!log.ok) return { ok: false, reason: gitError(log) };
    const found = log.stdout
      .split('\x1e')
      .filter((r) => r.trim() !== '')
      .map((r) => {
        const [commit = '', at = '0', author = ''] = r.trim().split('\x1f');
        return { commit, at: Number(at) * 1000, author, path };
      });
    commits.push(...found);
    const oldest = found[found.length - 1];
    if (!oldest) break;
    const renamedFrom = await renameSource(top, oldest.commit, path);
    if (!renamedFrom) break;
    path = renamedFrom;
    from = `${oldest.commit}^`;
  }
  commits.reverse();
  const texts = await catFiles(
    top,
    commits.map((c) => `${c.commit}:${c.path}`),
  );
  const versions: FileVersion[] = [];
  commits.forEach((c, i) => {
    const raw = texts[i];
    if (raw === undefined) return; // deleted in that commit
    const d = decodeText(raw);
    if (d.ok) versions.push({ ...c, text: d.text });
  });
  return { ok: true, versions, top };
}
