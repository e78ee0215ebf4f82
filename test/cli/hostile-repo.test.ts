/**
 * The CLI on hostile repositories (issue 17): a repository's git config, links and special files
 * must not make `itsmote` run a program, walk outside the folder, or hang. Each run is killed
 * after 10 s (a limit on the process, which fails the test), no marker file may appear, and the
 * ordinary document beside the trap is still checked.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_CASES, NORMAL_CODE, NORMAL_REL, buildCase, canRunAsNobody, churn } from '../helpers/hostile-repo';
import type { BuiltCase, HostileCase } from '../helpers/hostile-repo';
import type { JsonFileResult } from '../../server/src/cli/format/json';
import { CLI, NOW, itsmote, json } from './run';
import type { RunResult } from './run';
import { skipBecause } from '../support/skip';

const LIMIT_MS = 10_000;

/** The files of a JSON check result and their codes. */
function codesByFile(r: RunResult): Record<string, string[]> {
  return Object.fromEntries(json<JsonFileResult[]>(r).map((f) => [f.file, f.diagnostics.map((d) => String(d.code))]));
}

/** The ordinary document was checked (its one finding is there) and nothing else was. */
function onlyOrdinaryChecked(r: RunResult): void {
  assert.deepEqual(Object.keys(codesByFile(r)), [NORMAL_REL], r.stderr);
  assert.deepEqual(codesByFile(r)[NORMAL_REL], [NORMAL_CODE]);
  assert.doesNotMatch(r.stderr, /internal error/);
}

const asRoot = process.getuid?.() === 0;
const NOBODY_CANNOT_RUN =
  'running as root, and the unprivileged user `nobody` cannot reach dist/cli.js in this checkout (a private parent folder)';
/** Runs as `nobody` when the tests run as root (root reads any folder whatever its mode). */
const userOf = (c: HostileCase) => (c.name === 'a 0-permission folder' && asRoot ? { uid: 65534, gid: 65534 } : {});

describe('CLI on hostile repositories: nothing runs, nothing outside is walked, nothing hangs', () => {
  for (const c of HOSTILE_CASES) {
    describe(c.name, () => {
      let t: BuiltCase;
      const run = (args: string[]) => itsmote(args, { cwd: t.dir, timeoutMs: LIMIT_MS, ...userOf(c) });
      before(function () {
        const why = c.skip?.();
        if (why) skipBecause(this, why);
        if (c.name === 'a 0-permission folder' && asRoot && !canRunAsNobody(CLI)) {
          // Honest skip: as root the folder's mode means nothing, and `nobody` cannot reach dist/cli.js here.
          skipBecause(this, NOBODY_CANNOT_RUN);
        }
        t = buildCase(c);
      });
      after(() => t?.cleanup());

      it('check: finishes, runs nothing, checks the ordinary document only', () => {
        const r = run(['check', '-f', 'json', '--now', NOW, '.']);
        assert.deepEqual(t.touched(), []);
        onlyOrdinaryChecked(r);
        assert.equal(r.code, 1, r.stderr);
      });

      if (c.git) {
        it('check --changed: finishes and runs nothing', () => {
          const r = run(['check', '-f', 'json', '--now', NOW, '--changed', 'HEAD~1', '.']);
          assert.deepEqual(t.touched(), []);
          assert.doesNotMatch(r.stderr, /internal error/);
          assert.ok(
            r.code === 0 || r.code === 1 || /refusing|git diff failed/.test(r.stderr),
            `exit ${r.code}: ${r.stderr}`,
          );
        });

        it('audit: finishes, runs nothing, reads the ordinary document', () => {
          const r = run(['audit', '-f', 'json', '.']);
          assert.deepEqual(t.touched(), []);
          assert.doesNotMatch(r.stderr, /internal error/);
          const files = json<{ file: string }[]>(r).map((f) => f.file);
          assert.ok(
            files.includes(NORMAL_REL) || r.stderr.includes(`${NORMAL_REL}: not audited`),
            `${r.stdout}\n${r.stderr}`,
          );
        });
      }
    });
  }

  describe('what each trap is reported as', () => {
    const built = new Map<string, BuiltCase>();
    const caseNamed = (name: string) => {
      let b = built.get(name);
      if (!b) {
        b = buildCase(HOSTILE_CASES.find((c) => c.name === name)!);
        built.set(name, b);
      }
      return b;
    };
    const check = (name: string, args: string[] = ['.']) =>
      itsmote(['check', '-f', 'json', '--now', NOW, ...args], { cwd: caseNamed(name).dir, timeoutMs: LIMIT_MS });
    after(() => {
      for (const b of built.values()) b.cleanup();
    });

    it('a link to / is not followed, and said so once', () => {
      const r = check('a symbolic link to /');
      assert.equal(
        r.stderr,
        'changes/root: skipped: a symbolic link to /, outside ' +
          caseNamed('a symbolic link to /').dir +
          ': not followed\n',
      );
    });

    it('links to a folder and a file outside are not followed', () => {
      const r = check('a symbolic link to a folder outside');
      const dir = caseNamed('a symbolic link to a folder outside').dir;
      const outside = `${dir.replace(/\/repo$/, '')}/outside`;
      assert.equal(
        r.stderr,
        `changes/outside: skipped: a symbolic link to ${outside}, outside ${dir}: not followed\n` +
          `changes/secret-link.md: skipped: a symbolic link to ${outside}/secret.md, outside ${dir}: not read\n`,
      );
    });

    it('a link loop is reported, and a document linked from elsewhere in the folder is checked once under its own path', () => {
      const r = check('symbolic link loops, and links inside the folder');
      assert.equal(
        r.stderr,
        'changes/loop-a.md: skipped: too many levels of symbolic links\nchanges/loop-b.md: skipped: too many levels of symbolic links\n',
      );
      onlyOrdinaryChecked(r);
    });

    it('a FIFO is reported, never opened; named explicitly it is an error (exit 2), not a hang', function () {
      const why = HOSTILE_CASES.find((c) => c.name.startsWith('a FIFO'))!.skip?.();
      if (why) skipBecause(this, why);
      const name = 'a FIFO named x.md (and as .itsmote.json and CODEOWNERS)';
      const r = check(name);
      assert.match(
        r.stderr,
        /^\.itsmote\.json:1:1: cannot be read: not a regular file \(a FIFO\)\. The defaults apply\.$/m,
      );
      assert.match(r.stderr, /^changes\/x\.md: skipped: not a regular file \(a FIFO\)$/m);
      const named = check(name, ['changes/x.md']);
      assert.equal(named.code, 2);
      assert.match(named.stderr, /^changes\/x\.md: skipped: not a regular file \(a FIFO\)$/m);
    });

    it('a device is reported, never opened; named explicitly it is an error (exit 2)', () => {
      const name = 'a device file named y.md';
      const r = check(name);
      assert.match(
        r.stderr,
        /^changes\/y\.md: skipped: (not a regular file \(a character device\)|a symbolic link to \/dev\/zero, outside .*: not read)$/m,
      );
      assert.match(r.stderr, /^changes\/z\.md: skipped: a symbolic link to \/dev\/null, outside .*: not read$/m);
      const named = check(name, ['changes/y.md']);
      assert.equal(named.code, 2);
      assert.match(named.stderr, /^changes\/y\.md: skipped: not a regular file \(a character device\)$/m);
    });

    it('a 0-permission folder is reported, the rest checked', function () {
      if (asRoot && !canRunAsNobody(CLI)) skipBecause(this, NOBODY_CANNOT_RUN);
      const b = caseNamed('a 0-permission folder');
      const r = itsmote(['check', '-f', 'json', '--now', NOW, '.'], {
        cwd: b.dir,
        timeoutMs: LIMIT_MS,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      assert.equal(r.stderr, 'changes/locked: skipped: permission denied\n');
      onlyOrdinaryChecked(r);
    });
  });

  describe('a file that disappears mid-scan', () => {
    let t: BuiltCase;
    before(() => {
      t = buildCase({ name: 'churn', git: false, arm: () => undefined });
    });
    after(() => t.cleanup());

    it('check finishes, the vanished files are at most skipped, the ordinary document is checked', () => {
      const c = churn(t.dir);
      let r: RunResult;
      try {
        r = itsmote(['check', '-f', 'json', '--now', NOW, '.'], { cwd: t.dir, timeoutMs: LIMIT_MS });
      } finally {
        c.stop();
      }
      assert.doesNotMatch(r.stderr, /internal error/);
      // Churn files that vanished between the walk and the read are skipped, never fatal.
      for (const line of r.stderr.split('\n').filter(Boolean))
        assert.match(line, /^changes\/churn-.*: skipped: no such file or directory$/, r.stderr);
      assert.deepEqual(codesByFile(r)[NORMAL_REL], [NORMAL_CODE]);
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}`);
    });
  });

  describe('the cap on candidate files', () => {
    it('stops the walk with a warning naming the cap; the flag is validated', () => {
      const t = buildCase({ name: 'many', git: false, arm: () => undefined });
      try {
        const r = itsmote(['check', '-f', 'json', '--now', NOW, '--max-files', '1', '.'], {
          cwd: t.dir,
          timeoutMs: LIMIT_MS,
        });
        assert.deepEqual(Object.keys(codesByFile(r)), [NORMAL_REL]);
        assert.equal(r.stderr, '');
        writeFileSync(join(t.dir, 'changes/second.md'), '# second\n');
        const capped = itsmote(['check', '-f', 'json', '--now', NOW, '--max-files', '1', '.'], {
          cwd: t.dir,
          timeoutMs: LIMIT_MS,
        });
        assert.equal(
          capped.stderr,
          'itsmote: warning: .: stopped after 1 candidate file (the --max-files cap); the rest of the folder is not checked (raise the cap with --max-files <n>)\n',
        );
        assert.deepEqual(Object.keys(codesByFile(capped)), [NORMAL_REL]);
        const bad = itsmote(['check', '--max-files', '0', '.'], { cwd: t.dir, timeoutMs: LIMIT_MS });
        assert.equal(bad.code, 2);
        assert.equal(bad.stderr, 'itsmote: --max-files must be 1 or more\n');
      } finally {
        t.cleanup();
      }
    });
  });
});
