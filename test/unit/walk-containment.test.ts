/**
 * The folder walk stays inside its root (issue 17): links out are not followed, a file reached
 * twice is one candidate, special files are never opened, the cap and cancellation stop it, and
 * a folder that vanishes mid-walk is a problem, not a crash. Real temporary folders.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/core/config';
import { pathMatcher } from '../../server/src/core/discovery';
import { findChangeFiles } from '../../server/src/node/find-change-files';
import { readTextFile } from '../../server/src/node/read-text-file';
import { isInside, isVirtualFs } from '../../server/src/node/inside';

describe('findChangeFiles stays inside its root', () => {
  let base: string;
  let root: string;
  const put = (rel: string, text = '# x\n') => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const walk = (opts = {}) => findChangeFiles(root, pathMatcher(defaultConfig()), opts);
  beforeEach(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'itsmote-walk-')));
    root = join(base, 'root');
    put('changes/a.md');
    put('changes/b.md');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('does not follow a link to / or to a folder or file outside, and says so', async () => {
    mkdirSync(join(base, 'outside/changes'), { recursive: true });
    writeFileSync(join(base, 'outside/changes/c.md'), '# c\n');
    symlinkSync('/', join(root, 'changes/root'));
    symlinkSync(join(base, 'outside'), join(root, 'changes/out'));
    symlinkSync(join(base, 'outside/changes/c.md'), join(root, 'changes/c.md'));
    const r = await walk();
    assert.deepEqual(
      r.files.map((f) => f.rel),
      ['changes/a.md', 'changes/b.md'],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.path.slice(root.length + 1), p.reason]),
      [
        ['changes/c.md', `a symbolic link to ${base}/outside/changes/c.md, outside ${root}: not read`],
        ['changes/out', `a symbolic link to ${base}/outside, outside ${root}: not followed`],
        ['changes/root', `a symbolic link to /, outside ${root}: not followed`],
      ],
    );
  });

  it('follows links inside the root, and gives each real file one path: its own', async () => {
    symlinkSync('b.md', join(root, 'changes/0-link-to-b.md'));
    mkdirSync(join(root, 'docs'));
    symlinkSync('../changes', join(root, 'docs/all-changes'));
    put('notes/n.md');
    symlinkSync('../notes', join(root, 'changes/notes'));
    const r = await walk();
    // notes/n.md is reached as changes/notes/n.md too (a glob match there): still one candidate, under its real path.
    assert.deepEqual(
      r.files.map((f) => f.rel),
      ['changes/a.md', 'changes/b.md', 'notes/n.md'],
    );
    assert.deepEqual(r.problems, []);
  });

  it('follows a link whose root is itself a link', async () => {
    symlinkSync(root, join(base, 'root-link'));
    const r = await findChangeFiles(join(base, 'root-link'), pathMatcher(defaultConfig()));
    assert.deepEqual(
      r.files.map((f) => f.path),
      [join(base, 'root-link/changes/a.md'), join(base, 'root-link/changes/b.md')],
    );
  });

  it('reports a FIFO and a device named like a document, and never opens them', async () => {
    execFileSync('mkfifo', [join(root, 'changes/x.md')]);
    let device = true;
    try {
      execFileSync('mknod', [join(root, 'changes/y.md'), 'c', '1', '5'], { stdio: 'ignore' });
    } catch {
      device = false; // not allowed here (no CAP_MKNOD)
    }
    const r = await walk();
    assert.deepEqual(
      r.files.map((f) => f.rel),
      ['changes/a.md', 'changes/b.md'],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.path.slice(root.length + 1), p.reason]),
      [
        ['changes/x.md', 'not a regular file (a FIFO)'],
        ...(device ? [['changes/y.md', 'not a regular file (a character device)']] : []),
      ],
    );
    // Read directly (a file named on the command line), they are refused at once, not read.
    assert.deepEqual(await readTextFile(join(root, 'changes/x.md')), {
      ok: false,
      reason: 'not a regular file (a FIFO)',
    });
    if (device)
      assert.deepEqual(await readTextFile(join(root, 'changes/y.md')), {
        ok: false,
        reason: 'not a regular file (a character device)',
      });
    assert.deepEqual(await readTextFile('/dev/zero'), { ok: false, reason: 'not a regular file (a character device)' });
  });

  it('refuses to start in /proc, /sys or /dev', async () => {
    const r = await findChangeFiles('/proc', pathMatcher(defaultConfig()));
    assert.equal(r.rootError, '/proc is a view of the kernel (/proc, /sys, /dev), not a folder of documents');
    assert.equal(isVirtualFs('/proc/1/fd'), true);
    assert.equal(isVirtualFs('/process'), false);
    assert.equal(isInside('/a/b', '/a/bc'), false);
    assert.equal(isInside('/a/b', '/a/b/c'), true);
    assert.equal(isInside('/', '/etc'), true);
  });

  it('stops at the cap, saying so, and counts only candidates', async () => {
    put('changes/notes.txt');
    assert.equal((await walk({ maxFiles: 2 })).capped, undefined, 'exactly the cap is not over it');
    put('changes/c.md');
    const r = await walk({ maxFiles: 2 });
    assert.equal(r.capped, 2);
    assert.deepEqual(
      r.files.map((f) => f.rel),
      ['changes/a.md', 'changes/b.md'],
    );
  });

  it('stops when cancelled, and reports progress per folder', async () => {
    put('more/changes/d.md');
    const seen: number[] = [];
    let asked = 0;
    const r = await walk({ onProgress: (found: number) => seen.push(found), isCancelled: () => ++asked > 2 });
    assert.equal(r.cancelled, true);
    assert.ok(seen.length >= 1 && seen.length < 4, `progress: ${seen.join()}`);
    assert.ok(r.files.length < 3);
  });

  it('a folder that vanishes between being listed and being read is a problem, not a crash', async () => {
    put('changes/sub/c.md');
    let folders = 0;
    // Told after `changes/` was listed (the second folder): its subfolder goes before it is read.
    const r = await walk({
      onProgress: () => ++folders === 2 && rmSync(join(root, 'changes/sub'), { recursive: true, force: true }),
    });
    assert.deepEqual(
      r.files.map((f) => f.rel),
      ['changes/a.md', 'changes/b.md'],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.path.slice(root.length + 1), p.reason]),
      [['changes/sub', 'no such file or directory']],
    );
    // A file that vanished after the walk: the read says so.
    rmSync(join(root, 'changes/a.md'));
    assert.deepEqual(await readTextFile(join(root, 'changes/a.md')), {
      ok: false,
      reason: 'no such file or directory',
    });
  });
});
