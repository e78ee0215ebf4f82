/**
 * Hostile repositories for the CLI and protocol suites (issue 17): real git repositories in
 * temporary folders whose `.git/config`, links and special files try to make the tools run a
 * program or walk outside the folder. A hostile program would `touch` a file in `markers/`, a
 * folder beside the repository (outside the walk): a test asserts that it stays empty, and that
 * the ordinary change documents beside the trap are still checked.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { VALID_NORMAL } from './doc';

/** The ordinary change document of every case: it has exactly one finding, CM011 (no verification plan). */
export const NORMAL_REL = 'changes/normal.md';
/** The rule the ordinary document breaks. */
export const NORMAL_CODE = 'CM011';

const NORMAL_V1 = VALID_NORMAL.replace(/^- Verification plan:.*\n/m, '')
  .replace('- Status: Approved', '- Status: Planned')
  .replace('- 2026-11-27 09:15 UTC Approved by @bob\n', '');
const NORMAL_V2 = VALID_NORMAL.replace(/^- Verification plan:.*\n/m, '');

/** A built case: its repository, the marker folder, and how to clean up. */
export interface BuiltCase {
  /** The repository (the folder the tools are pointed at), a real path. */
  dir: string;
  /** Where hostile programs would leave files; must stay empty. */
  markers: string;
  /** Files that appeared in `markers`. */
  touched(): string[];
  cleanup(): void;
}

/** What a case does to its repository after the ordinary history is committed. */
export interface HostileCase {
  name: string;
  /** True when the trap is in git's config (the git-running commands matter). */
  git: boolean;
  /** Why the case cannot be built on this machine, if it cannot. */
  skip?(): string | undefined;
  /** A `.gitattributes` committed with the ordinary history. */
  gitattributes?: string;
  /** The case makes its repository itself (`arm` gets a folder that does not exist yet). */
  ownRepo?: boolean;
  /** Sets the trap; `marker(name)` is a path in the marker folder, `base` the case's temp folder (outside the repository). */
  arm(dir: string, marker: (name: string) => string, base: string): void;
}

/** Runs the test's own git (never on an armed repository: traps are set after the last call). */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_DATE: '2026-11-27T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-27T10:00:00Z',
    },
  });
}

function write(dir: string, rel: string, text: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

/** A repository with the ordinary document committed twice (Planned, then Approved): history for the audit. */
function ordinaryRepo(dir: string, extra: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  gitIn(dir, 'init', '-q', '-b', 'main', '.');
  gitIn(dir, 'config', 'user.name', 'Trusted Tess');
  gitIn(dir, 'config', 'user.email', 'tess@example.com');
  for (const [rel, text] of Object.entries(extra)) write(dir, rel, text);
  write(dir, NORMAL_REL, NORMAL_V1);
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '-q', '-m', 'plan');
  write(dir, NORMAL_REL, NORMAL_V2);
  gitIn(dir, 'commit', '-q', '-am', 'approve');
}

/** Builds a case in a fresh temporary folder. */
export function buildCase(c: HostileCase): BuiltCase {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'itsmote-hostile-')));
  const dir = join(base, 'repo');
  const markers = join(base, 'markers');
  mkdirSync(markers);
  if (!c.ownRepo) ordinaryRepo(dir, c.gitattributes ? { '.gitattributes': c.gitattributes } : {});
  c.arm(dir, (name) => join(markers, name), base);
  return {
    dir,
    markers,
    touched: () => readdirSync(markers),
    cleanup: () => {
      // A 0-permission folder cannot be removed until it is opened again.
      for (const rel of ['changes/locked']) {
        try {
          chmodSync(join(dir, rel), 0o755);
        } catch {
          // not this case
        }
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** `touch <file>` as a shell command (the value of a config key git runs through sh); extra arguments go to `:`. */
const touch = (file: string) => `touch '${file}'; :`;

/** The command names we run (or might): an alias with one of these names must never run. */
const OUR_COMMANDS = [
  'rev-parse',
  'config',
  'ls-files',
  'diff',
  'log',
  'diff-tree',
  'cat-file',
  'merge-base',
  'status',
  'version',
];

/** Makes every file in the repository look modified to git (stat changed), so `git diff` reads work-tree files. */
function touchWorkTree(dir: string): void {
  const t = new Date('2030-01-01T00:00:00Z');
  utimesSync(join(dir, NORMAL_REL), t, t);
}

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every case of the suite, git traps first, then links and special files. */
export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'core.fsmonitor',
    git: true,
    arm: (dir, m) => gitIn(dir, 'config', 'core.fsmonitor', touch(m('fsmonitor'))),
  },
  {
    name: 'diff.external, a diff driver command and textconv',
    git: true,
    gitattributes: '*.md diff=evil\n',
    arm: (dir, m) => {
      gitIn(dir, 'config', 'diff.external', touch(m('diff-external')));
      gitIn(dir, 'config', 'diff.evil.command', touch(m('diff-command')));
      gitIn(dir, 'config', 'diff.evil.textconv', `touch '${m('textconv')}'; cat`);
      touchWorkTree(dir);
    },
  },
  {
    name: 'filter drivers (clean, smudge, process)',
    git: true,
    gitattributes: '*.md filter=evil\n',
    arm: (dir, m) => {
      gitIn(dir, 'config', 'filter.evil.clean', `touch '${m('filter-clean')}'; cat`);
      gitIn(dir, 'config', 'filter.evil.smudge', `touch '${m('filter-smudge')}'; cat`);
      gitIn(dir, 'config', 'filter.evil.process', touch(m('filter-process')));
      gitIn(dir, 'config', 'filter.evil.required', 'true');
      write(dir, NORMAL_REL, `${NORMAL_V2}\n`);
      touchWorkTree(dir);
    },
  },
  {
    name: 'core.pager and pager.<command>',
    git: true,
    arm: (dir, m) => {
      gitIn(dir, 'config', 'core.pager', `touch '${m('core-pager')}'; cat`);
      for (const c of OUR_COMMANDS) gitIn(dir, 'config', `pager.${c}`, `touch '${m(`pager-${c}`)}'; cat`);
    },
  },
  {
    name: 'aliases named like the commands we run',
    git: true,
    arm: (dir, m) => {
      for (const c of OUR_COMMANDS) gitIn(dir, 'config', `alias.${c}`, `!touch '${m(`alias-${c}`)}'`);
    },
  },
  {
    name: 'hooks (core.hooksPath and .git/hooks)',
    git: true,
    arm: (dir, m) => {
      const hooks = [
        'post-index-change',
        'reference-transaction',
        'post-checkout',
        'pre-auto-gc',
        'fsmonitor-watchman',
        'post-rewrite',
      ];
      for (const folder of [join(dir, '.githooks'), join(dir, '.git/hooks')]) {
        for (const h of hooks) {
          write(folder, h, `#!/bin/sh\ntouch '${m(`hook-${h}`)}'\n`);
          chmodSync(join(folder, h), 0o755);
        }
      }
      gitIn(dir, 'config', 'core.hooksPath', join(dir, '.githooks'));
      touchWorkTree(dir);
    },
  },
  {
    name: 'a signed commit with log.showSignature and gpg.program',
    git: true,
    arm: (dir, m) => {
      // A commit of the document carrying a (bogus) signature: `git log` verifies it through gpg.program.
      write(dir, NORMAL_REL, `${NORMAL_V2}\n`);
      gitIn(dir, 'add', NORMAL_REL);
      const tree = gitIn(dir, 'write-tree').trim();
      const parent = gitIn(dir, 'rev-parse', 'HEAD').trim();
      const body = `tree ${tree}\nparent ${parent}\nauthor T <t@x> 1795000000 +0000\ncommitter T <t@x> 1795000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned\n`;
      writeFileSync(join(dir, '.git/signed.txt'), body);
      const commit = gitIn(dir, 'hash-object', '-t', 'commit', '-w', '.git/signed.txt').trim();
      gitIn(dir, 'update-ref', 'refs/heads/main', commit);
      write(dir, 'tools/gpg.sh', `#!/bin/sh\ntouch '${m('gpg')}'\n`);
      chmodSync(join(dir, 'tools/gpg.sh'), 0o755);
      gitIn(dir, 'config', 'log.showSignature', 'true');
      gitIn(dir, 'config', 'gpg.program', join(dir, 'tools/gpg.sh'));
    },
  },
  {
    name: 'a partial clone whose remote is a command',
    git: true,
    ownRepo: true,
    arm: (dir, m, base) => {
      // Old versions of the document are not in the clone: reading them (the audit) would fetch
      // them from the remote, and the remote is `ext::<a command>`.
      const upstream = join(base, 'upstream');
      ordinaryRepo(upstream);
      gitIn(upstream, 'config', 'uploadpack.allowFilter', 'true');
      execFileSync(
        'git',
        ['-c', 'protocol.file.allow=always', 'clone', '-q', '--filter=blob:none', `file://${upstream}`, dir],
        { stdio: 'ignore' },
      );
      rmSync(upstream, { recursive: true, force: true });
      gitIn(dir, 'config', 'remote.origin.url', `ext::sh -c touch% ${m('lazy-fetch')}`);
      gitIn(dir, 'config', 'protocol.ext.allow', 'always');
    },
  },
  {
    name: 'a symbolic link to /',
    git: false,
    arm: (dir) => symlinkSync('/', join(dir, 'changes/root')),
  },
  {
    name: 'a symbolic link to a folder outside',
    git: false,
    arm: (dir, _m, base) => {
      write(base, 'outside/changes/secret.md', VALID_NORMAL);
      write(base, 'outside/secret.md', VALID_NORMAL);
      symlinkSync(join(base, 'outside'), join(dir, 'changes/outside'));
      symlinkSync(join(base, 'outside/secret.md'), join(dir, 'changes/secret-link.md'));
    },
  },
  {
    name: 'symbolic link loops, and links inside the folder',
    git: false,
    arm: (dir) => {
      symlinkSync('..', join(dir, 'changes/up'));
      symlinkSync('loop-b.md', join(dir, 'changes/loop-a.md'));
      symlinkSync('loop-a.md', join(dir, 'changes/loop-b.md'));
      // The ordinary document, linked from elsewhere in the folder: checked once, under its own path.
      symlinkSync('normal.md', join(dir, 'changes/0-alias.md'));
      mkdirSync(join(dir, 'docs'));
      symlinkSync('../changes', join(dir, 'docs/linked-changes'));
    },
  },
  {
    name: 'a FIFO named x.md (and as .itsmote.json and CODEOWNERS)',
    git: false,
    skip: () => (hasCommand('mkfifo') ? undefined : 'mkfifo is not available'),
    arm: (dir) => {
      for (const rel of ['changes/x.md', '.itsmote.json', 'CODEOWNERS']) execFileSync('mkfifo', [join(dir, rel)]);
    },
  },
  {
    name: 'a device file named y.md',
    git: false,
    arm: (dir) => {
      // A real character device (/dev/zero's numbers) where mknod is allowed; else a link to it.
      try {
        execFileSync('mknod', [join(dir, 'changes/y.md'), 'c', '1', '5'], { stdio: 'ignore' });
      } catch {
        symlinkSync('/dev/zero', join(dir, 'changes/y.md'));
      }
      symlinkSync('/dev/null', join(dir, 'changes/z.md'));
    },
  },
  {
    name: 'a 0-permission folder',
    git: false,
    arm: (dir) => {
      write(dir, 'changes/locked/hidden.md', VALID_NORMAL);
      // Whoever runs the tool (`nobody` when the tests run as root) must reach everything else.
      chmodSync(dirname(dir), 0o755);
      for (const d of [dir, join(dir, 'changes')]) chmodSync(d, 0o755);
      chmodSync(join(dir, NORMAL_REL), 0o644);
      chmodSync(join(dir, 'changes/locked'), 0o000);
    },
  },
];

/**
 * A process that keeps creating and deleting change documents and folders in `changes/` (for
 * "a file disappears mid-scan"); `stop()` ends it. The scan cannot be paused at the right moment
 * from outside, so the churn makes files vanish between the walk and the read many times a run.
 */
export function churn(dir: string): { stop(): void } {
  const script = `
const fs = require('fs'), path = require('path');
const root = ${JSON.stringify(join(dir, 'changes'))};
for (let i = 0; ; i = (i + 1) % 200) {
  const f = path.join(root, 'churn-' + i + '.md'), d = path.join(root, 'churn-dir-' + (i % 20));
  try { fs.writeFileSync(f, '# churn\\n\\n- Change type: Normal\\n'); } catch {}
  try { fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(path.join(d, 'x.md'), '# x\\n'); } catch {}
  try { fs.unlinkSync(path.join(root, 'churn-' + ((i + 100) % 200) + '.md')); } catch {}
  try { fs.rmSync(path.join(root, 'churn-dir-' + ((i + 10) % 20)), { recursive: true, force: true }); } catch {}
}`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  return {
    stop: () => {
      child.kill('SIGKILL');
    },
  };
}

/** Whether `nobody` (uid 65534) can run node on `file` here; when the tests run as root, the 0-permission case runs as `nobody`. */
export function canRunAsNobody(file: string): boolean {
  try {
    execFileSync(process.execPath, [file, '--version'], {
      uid: 65534,
      gid: 65534,
      cwd: '/',
      stdio: 'ignore',
      timeout: 10_000,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * A `git` on PATH that records each call (working folder and arguments, one line each) and then
 * runs the real git: put `dir` first on PATH of the process under test, then read `calls()`.
 */
export function gitShim(base: string): { dir: string; calls(): string[] } {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = join(base, 'shim-bin');
  const log = join(base, 'git-calls.log');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'git'), `#!/bin/sh\nprintf '%s: %s\\n' "$PWD" "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(dir, 'git'), 0o755);
  return {
    dir,
    calls: () => {
      try {
        return readFileSync(log, 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
  };
}
