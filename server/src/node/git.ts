/**
 * Running `git` for the CLI (--changed, audit, catalog discovery): real git, never a library
 * that re-implements it. Every call resolves (never throws); callers decide what a failure means.
 */
import { execFile, spawn } from 'node:child_process';

/** What a git call gave. `missing` is true when git itself is not installed. */
export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  missing?: boolean;
}

/** Runs `git ...args` in `cwd` with a stable, locale-free environment (killed after `timeoutMs` when given). */
export function git(args: readonly string[], cwd: string, timeoutMs = 0): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      { cwd, timeout: timeoutMs, windowsHide: true, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' } },
      (err, stdout, stderr) => {
        const missing = (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
        resolve({ ok: !err, stdout: stdout ?? '', stderr: (stderr ?? '').trim(), ...(missing ? { missing: true } : {}) });
      },
    );
  });
}

/** The first line of git's error output, for one-line messages. */
export function gitError(r: GitResult): string {
  if (r.missing) return 'git is not installed (or not on PATH)';
  return r.stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '') ?? 'git failed';
}

/** The top folder of the work tree that holds `dir`, or undefined when `dir` is not in one. */
export async function gitToplevel(dir: string): Promise<string | undefined> {
  const r = await git(['rev-parse', '--show-toplevel'], dir);
  return r.ok ? r.stdout.trim() : undefined;
}

/** Splits NUL-separated output into its non-empty parts. */
export function nulList(s: string): string[] {
  return s.split('\0').filter((x) => x !== '');
}

/**
 * Reads many blobs in one `git cat-file --batch` process: `specs` are `<commit>:<path>`; the
 * answer has the bytes of each, or undefined when it does not exist.
 */
export function catFiles(cwd: string, specs: readonly string[]): Promise<(Buffer | undefined)[]> {
  if (specs.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(specs.map(() => undefined)));
    child.on('close', () => {
      const buf = Buffer.concat(chunks);
      const out: (Buffer | undefined)[] = [];
      let at = 0;
      for (let i = 0; i < specs.length; i++) {
        const nl = buf.indexOf(10, at);
        if (nl < 0) {
          out.push(undefined);
          continue;
        }
        const header = buf.toString('utf8', at, nl);
        at = nl + 1;
        const m = /^\S+ (\S+) (\d+)$/.exec(header);
        if (!m) {
          out.push(undefined); // `<spec> missing` or `ambiguous`
          continue;
        }
        const size = Number(m[2]);
        out.push(m[1] === 'blob' ? buf.subarray(at, at + size) : undefined);
        at += size + 1; // the content is followed by a LF
      }
      resolve(out);
    });
    // A spec with a newline cannot be asked for in batch mode: ask for something that is missing.
    child.stdin.end(specs.map((s) => (/[\r\n]/.test(s) ? 'itsmote-invalid-spec' : s)).join('\n') + '\n');
  });
}
