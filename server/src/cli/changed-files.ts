/**
 * `check --changed <ref>`: the change documents changed since a git ref. Changed means: differs
 * between the merge base of the ref and HEAD and the working tree (committed on the branch,
 * staged or not), or untracked and not ignored. Like `git diff <ref>...` plus the working tree,
 * so a pull request sees its own changes, not what landed on main meanwhile.
 */
import { realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { filterOverrides, git, gitError, gitToplevel, NO_DIFF_PROGRAMS, nulList } from '../node/git';
import { FatalError, UsageError } from './usage';

/** Real absolute paths of the files changed since `ref` in the repository that holds `dir`. */
export async function changedSince(ref: string, dir: string): Promise<Set<string>> {
  const top = await gitToplevel(dir);
  if (!top) {
    const probe = await git(['--version'], dir);
    if (probe.missing) throw new FatalError(`--changed needs git: ${gitError(probe)}`);
    throw new FatalError(`--changed: ${dir} is not in a git repository`);
  }
  const verify = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top);
  if (!verify.ok) throw new UsageError(`--changed: "${ref}" is not a commit, branch or tag in ${top}`);
  const base = await git(['merge-base', verify.stdout.trim(), 'HEAD'], top);
  // No common history (or an unborn HEAD): compare with the ref itself.
  const from = base.ok ? base.stdout.trim() : verify.stdout.trim();
  // Comparing with the work tree hashes changed files through their clean filter: switch filters off.
  const filters = await filterOverrides(top);
  if (!filters)
    throw new FatalError(
      `--changed: ${top} names a git filter driver with "=" in its name; refusing to run git diff there`,
    );
  const diff = await git(
    [...filters, 'diff', ...NO_DIFF_PROGRAMS, '--name-only', '-z', '--no-renames', from, '--'],
    top,
  );
  if (!diff.ok) throw new FatalError(`--changed: git diff failed: ${gitError(diff)}`);
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard'], top);
  const out = new Set<string>();
  for (const rel of [...nulList(diff.stdout), ...(untracked.ok ? nulList(untracked.stdout) : [])])
    out.add(join(top, rel));
  return out;
}

/** The real path of a file (links resolved), or its absolute path when it cannot be resolved. */
export async function realFile(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    return abs;
  }
}

/**
 * Which of `files` changed since `ref`: each file is looked up in the repository that holds it
 * (several repositories may be checked at once). Returns the set of files (as given) that changed.
 */
export async function filterChanged(files: readonly string[], ref: string): Promise<Set<string>> {
  const byTop = new Map<string, Set<string>>();
  const dirs = new Map<string, Promise<string>>();
  const out = new Set<string>();
  for (const f of files) {
    const real = await realFile(f);
    const dir = dirname(real);
    if (!dirs.has(dir))
      dirs.set(
        dir,
        gitToplevel(dir).then((t) => t ?? ''),
      );
    const top = await dirs.get(dir)!;
    if (!top) throw new FatalError(`--changed: ${f} is not in a git repository`);
    let changed = byTop.get(top);
    if (!changed) {
      changed = await changedSince(ref, top);
      byTop.set(top, changed);
    }
    if (changed.has(real)) out.add(f);
  }
  return out;
}
