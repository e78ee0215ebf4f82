/**
 * Running `git` for the CLI (--changed, audit, catalog discovery) and for the language server in
 * a trusted workspace: real git, never a library that re-implements it. Every call resolves
 * (never throws); callers decide what a failure means.
 *
 * Every call is hardened against the repository it runs in: a `.git/config` arrives with any zip
 * or copied folder, and git would run the programs it names (see docs/reliability.md, "Git").
 * Command-line `-c` settings win over every config file, so the repository cannot undo them.
 */
import type * as ChildProcess from 'node:child_process';
import { createRequire } from 'node:module';

/** node:child_process, loaded on first use: it costs ~2.5 ms, which a CLI run that calls no git would pay at load. */
let childProcess: typeof ChildProcess | undefined;
function cp(): typeof ChildProcess {
  return (childProcess ??= createRequire(__filename)('node:child_process') as typeof ChildProcess);
}

/** What a git call gave. `missing` is true when git itself is not installed; `timedOut` when it was stopped. */
export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  missing?: boolean;
  timedOut?: boolean;
}

/**
 * How long one git call may take unless its caller says otherwise. A repository's config can make
 * git block forever (an `[include]` of a FIFO, a path on a dead network mount), and a CI job that
 * hangs until its runner's limit is worse than one that fails with the reason. Generous, because
 * `log` on a long history is legitimately slow; `ITSMOTE_GIT_TIMEOUT_MS` overrides it.
 */
export function defaultGitTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ITSMOTE_GIT_TIMEOUT_MS);
  return Number.isInteger(n) && n > 0 ? n : 60_000;
}

/**
 * `-c` settings on every call: each switches off a program that repository config can make the
 * commands we run start (docs/reliability.md lists why each one is here).
 */
export const HARDENED_CONFIG: readonly string[] = [
  'core.fsmonitor=false', // a hook run on every index read (ls-files, diff)
  'core.hooksPath=/dev/null', // hooks such as post-index-change, run when `diff` refreshes the index
  'core.pager=cat', // pagers run only on a terminal, which we never give git; belt and braces
  'diff.external=', // with --no-ext-diff below; an empty value makes git fail rather than run one
  'log.showSignature=false', // `log` would run gpg.program on signed commits
  'credential.helper=', // an empty value clears every helper, url-specific ones included
  'core.askPass=', // an empty value runs no program (GIT_ASKPASS from the user's environment still wins)
  'core.sshCommand=ssh', // plain ssh, not the repository's command (transports are off anyway)
  'core.quotePath=false', // not security: paths come back unquoted
];

/** Flags for the commands that can produce diffs (`diff`, `diff-tree`, `log`): no external diff, no textconv. */
export const NO_DIFF_PROGRAMS: readonly string[] = ['--no-ext-diff', '--no-textconv'];

/** The arguments of a hardened call: `--no-pager`, the `-c` settings, then `args`. */
export function gitArgv(args: readonly string[]): string[] {
  return ['--no-pager', ...HARDENED_CONFIG.flatMap((c) => ['-c', c]), ...args];
}

/**
 * The environment of a call: a stable locale, no pager, no terminal prompt, and no transport at
 * all (GIT_ALLOW_PROTOCOL empty) unless the user's own environment allows some: a partial clone
 * would otherwise fetch missing objects from a remote the repository names, e.g. `ext::<command>`.
 */
export function gitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    LC_ALL: 'C',
    GIT_PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: base.GIT_ALLOW_PROTOCOL ?? '',
  };
}

/** Runs `git ...args` in `cwd`, hardened, with a stable environment, killed after `timeoutMs`. */
export function git(args: readonly string[], cwd: string, timeoutMs = defaultGitTimeoutMs()): Promise<GitResult> {
  return new Promise((resolve) => {
    cp().execFile(
      'git',
      gitArgv(args),
      { cwd, timeout: timeoutMs, windowsHide: true, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: gitEnv() },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; signal?: string | null }) | null;
        const missing = e?.code === 'ENOENT';
        const timedOut = !missing && e?.killed === true && e.signal === 'SIGTERM';
        const flags = { ...(missing ? { missing: true } : {}), ...(timedOut ? { timedOut: true } : {}) };
        const errText = timedOut
          ? `git gave no answer within ${timeoutMs / 1000} s and was stopped`
          : (stderr ?? '').trim();
        resolve({ ok: !err, stdout: stdout ?? '', stderr: errText, ...flags });
      },
    );
  });
}

/** The first line of git's error output, for one-line messages. */
export function gitError(r: GitResult): string {
  if (r.missing) return 'git is not installed (or not on PATH)';
  if (r.timedOut)
    return `${r.stderr} (a repository config can make git wait forever, e.g. an [include] of a FIFO; ITSMOTE_GIT_TIMEOUT_MS sets the limit)`;
  return (
    r.stderr
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.replace(/^(fatal|error): /, '') ?? 'git failed'
  );
}

/** The top folder of the work tree that holds `dir`, or undefined when `dir` is not in one. */
export async function gitToplevel(dir: string): Promise<string | undefined> {
  const r = await git(['rev-parse', '--show-toplevel'], dir);
  if (r.timedOut) throw new GitTimeoutError(r);
  return r.ok ? r.stdout.trim() : undefined;
}

/** Thrown where a timed-out call cannot be told from "no" (not a repository): the caller reports it. */
export class GitTimeoutError extends Error {
  constructor(readonly result: GitResult) {
    super(gitError(result));
  }
}

/** Splits NUL-separated output into its non-empty parts. */
export function nulList(s: string): string[] {
  return s.split('\0').filter((x) => x !== '');
}

/**
 * `-c` settings that switch off every filter driver the config names (`filter.<name>.clean`,
 * `.smudge`, `.process`), for commands that read work-tree files (`git diff <commit>` hashes a
 * file whose stat changed, through the clean filter `.gitattributes` names). Filter names are
 * arbitrary, so they are read from the config first. Undefined when a name cannot be written as
 * a `-c` key (it contains `=`): the caller must not run the command then.
 */
export async function filterOverrides(cwd: string): Promise<string[] | undefined> {
  const r = await git(['config', '-z', '--name-only', '--get-regexp', '^filter\\.'], cwd);
  // Exit 1 means no such key: nothing to switch off.
  if (!r.ok && r.stderr !== '') return undefined;
  const names = new Set<string>();
  for (const key of nulList(r.stdout)) {
    const m = /^filter\.(.+)\.[^.]+$/s.exec(key);
    if (m) names.add(m[1]!);
  }
  const out: string[] = [];
  for (const name of names) {
    if (name.includes('=') || /[\r\n]/.test(name)) return undefined;
    for (const k of ['clean', 'smudge', 'process']) out.push('-c', `filter.${name}.${k}=`);
    out.push('-c', `filter.${name}.required=false`);
  }
  return out;
}

/**
 * Reads many blobs in one `git cat-file --batch` process: `specs` are `<commit>:<path>`; the
 * answer has the bytes of each, or undefined when it does not exist.
 */
export function catFiles(cwd: string, specs: readonly string[]): Promise<(Buffer | undefined)[]> {
  if (specs.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const child = cp().spawn('git', gitArgv(['cat-file', '--batch']), {
      cwd,
      env: gitEnv(),
      windowsHide: true,
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: defaultGitTimeoutMs(),
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(specs.map(() => undefined)));
    // git may exit before reading all of stdin (a missing object of a partial clone): no EPIPE crash.
    child.stdin.on('error', () => undefined);
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
