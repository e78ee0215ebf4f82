/**
 * A real git repository in a temp folder for the CLI tests (--changed, audit, repository facts):
 * identity and dates are set per commit, so history is deterministic on any machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temp git repository; `commit` writes files (null deletes) and commits them at a given time. */
export class GitRepo {
  readonly dir: string;

  constructor() {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), 'itsmote-git-')));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test Author');
    this.git('config', 'user.email', 'author@example.com');
    this.git('config', 'commit.gpgsign', 'false');
  }

  /** Runs git in the repository; throws with git's message when it fails. */
  git(...args: string[]): string {
    return this.gitAt(undefined, ...args);
  }

  /** Runs git with author and committer date `iso` (e.g. 2026-11-27T09:20:00Z). */
  gitAt(iso: string | undefined, ...args: string[]): string {
    const env = {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: this.dir,
      ...(iso ? { GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso } : {}),
    };
    const r = spawnSync('git', args, { cwd: this.dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** Writes files (relative paths; null deletes) without committing. */
  write(files: Record<string, string | null>): void {
    for (const [rel, content] of Object.entries(files)) {
      const abs = join(this.dir, rel);
      if (content === null) unlinkSync(abs);
      else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
  }

  /** Writes files and commits them (only them) at `iso`; returns the commit hash. */
  commit(iso: string, message: string, files: Record<string, string | null>): string {
    this.write(files);
    this.git('add', '-A', '--', ...Object.keys(files));
    this.gitAt(iso, 'commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
