/** Runs the built CLI (dist/cli.js, built by `npm test` before these tests) as a child process. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const EXAMPLES = join(ROOT, 'examples');
/** The fixed clock of the example workspace (see examples/EXPECTED.md). */
export const NOW = '2026-11-28T12:00:00Z';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js ...args` and waits for it. The process is killed after `timeoutMs`
 * (default 60 s), which fails the test: a limit on the process, not a timed assertion.
 */
export function itsmote(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; uid?: number; gid?: number; timeoutMs?: number } = {},
): RunResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    ITSMOTE_NOW: undefined,
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const ids = opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {};
  const timeout = opts.timeoutMs ?? 60_000;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
    ...ids,
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT')
    throw new Error(
      `itsmote ${args.join(' ')} did not finish within ${timeout} ms (killed); stderr so far:\n${r.stderr?.slice(0, 2000)}`,
    );
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses stdout as JSON, with the output in the failure message. */
export function json<T = unknown>(r: RunResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

/**
 * A temporary folder with files, made on first use of `dir` (so a suite declared but filtered
 * out by --grep leaves nothing behind); `cleanup` removes it.
 */
export function tempTree(files: Record<string, string | Uint8Array>): { readonly dir: string; cleanup(): void } {
  let made: string | undefined;
  return {
    get dir() {
      if (made === undefined) {
        made = mkdtempSync(join(tmpdir(), 'itsmote-cli-'));
        for (const [rel, content] of Object.entries(files)) {
          mkdirSync(dirname(join(made, rel)), { recursive: true });
          writeFileSync(join(made, rel), content);
        }
      }
      return made;
    },
    cleanup() {
      if (made !== undefined) rmSync(made, { recursive: true, force: true });
      made = undefined;
    },
  };
}

/** A valid Normal change (clean at NOW) whose window and services can be chosen. */
export function validChange(
  opts: { window?: string; services?: string; status?: string; log?: string[] } = {},
): string {
  return `# Upgrade payments-db

- Change type: Normal
- Change Owner: @alice
- Affected services: ${opts.services ?? 'payments-db'}
- Risk level: High
- Status: ${opts.status ?? 'Approved'}
- Planned execution time: ${opts.window ?? '2026-12-01 14:00 UTC, 60 min'}
- Rollback plan: point payments-api back at the old primary
- Verification plan: error rate < 0.1% for 30 min
- Expected user impact: checkout is read-only for up to 2 minutes
- Approval (if required): @bob, 2026-11-27

## Status log

${(opts.log ?? ['2026-11-26 10:02 UTC Planned by @alice', '2026-11-27 09:15 UTC Approved by @bob']).map((l) => `- ${l}`).join('\n')}
`;
}

/** Asserts-friendly: a usage error is one line on stderr, no stack trace. */
export function isOneLineError(stderr: string): boolean {
  const lines = stderr.trimEnd().split('\n');
  return lines.length === 1 && lines[0]!.startsWith('itsmote: ') && !/\n\s+at /.test(stderr);
}
