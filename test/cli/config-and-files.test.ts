/** `.itsmote.json` per file, discovery on disk, and files that cannot be read. */
import { strict as assert } from 'node:assert';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { itsmote, json, NOW, tempTree, validChange } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';
import { skipBecause } from '../support/skip';

// Each document names its own service, so that no two of them conflict (CM040) unless a test wants it.
let serial = 0;
const clean = () => validChange({ services: `service-${++serial}` });
const noRollback = () => clean().replace(/^- Rollback plan: .*\n/m, '');
const noImpact = () => clean().replace(/^- Expected user impact: .*\n/m, '');

function byFile(r: ReturnType<typeof itsmote>): Record<string, string[]> {
  return Object.fromEntries(
    json<JsonFileResult[]>(r).map((f) => [f.file, f.diagnostics.map((d) => `${d.code}:${d.severity}`)]),
  );
}

describe('.itsmote.json', () => {
  const t = tempTree({
    '.itsmote.json': JSON.stringify({ rules: { CM010: 'warning', 'impact-missing': 'error' } }),
    'changes/a.md': noRollback(),
    'changes/b.md': noImpact(),
    // A nearer config replaces the outer one for the files below it.
    'team/changes/.itsmote.json': JSON.stringify({ rules: { CM010: 'off' }, staleAfterHours: 1 }),
    'team/changes/c.md': noRollback(),
  });
  after(() => t.cleanup());

  it('changes severities by rule ID or name, from the nearest ancestor folder', () => {
    const r = itsmote(['check', '-f', 'json', '--now', NOW, '.'], { cwd: t.dir });
    assert.deepEqual(byFile(r), {
      'changes/a.md': ['CM010:warning'],
      'changes/b.md': ['CM013:error'],
      'team/changes/c.md': [],
    });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
  });

  it('applies to set rules per file: CM040 can be off for one side only', () => {
    const u = tempTree({
      'one/.itsmote.json': '{"rules": {"window-conflict": "off"}}',
      'one/changes/a.md': validChange(),
      'two/changes/b.md': validChange({ window: '2026-12-01 14:30 UTC' }),
    });
    try {
      const r = itsmote(['check', '-f', 'json', '--now', NOW, 'one', 'two'], { cwd: u.dir });
      assert.deepEqual(byFile(r), { 'one/changes/a.md': [], 'two/changes/b.md': ['CM040:warning'] });
    } finally {
      u.cleanup();
    }
  });

  it('reports an invalid config once, naming the file and the key, and goes on with the defaults there', () => {
    const u = tempTree({
      '.itsmote.json': JSON.stringify({ rules: { CM010: 'loud', CM013: 'off' }, colour: true }),
      'changes/a.md': noRollback(),
      'changes/b.md': noImpact(),
    });
    try {
      const r = itsmote(['check', '-f', 'json', '--now', NOW, '.'], { cwd: u.dir });
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, r.stderr);
      assert.match(
        lines.find((l) => l.includes('rules.CM010'))!,
        /^\.itsmote\.json:1:19: "rules\.CM010" must be one of .*, not "loud"; e\.g\. "CM010": "warning"\. The default applies\.$/,
      );
      assert.match(
        lines.find((l) => l.includes('colour'))!,
        /^\.itsmote\.json:1:41: unknown key "colour"; the keys are .*\. It is ignored\.$/,
      );
      // The valid part (CM013 off) applies; CM010 keeps its default severity.
      assert.deepEqual(byFile(r), { 'changes/a.md': ['CM010:error'], 'changes/b.md': [] });
      assert.equal(r.code, 1);
    } finally {
      u.cleanup();
    }
  });

  it('says so for a config that is not JSON', () => {
    const u = tempTree({ '.itsmote.json': '{ rules: ', 'changes/a.md': clean() });
    try {
      const r = itsmote(['check', '--now', NOW, '.'], { cwd: u.dir });
      assert.match(
        r.stderr,
        /^\.itsmote\.json:1:3: not valid JSON: an unexpected character \(keys and strings need double quotes\); .*\. The defaults apply\.$/m,
      );
      assert.equal(r.code, 0);
    } finally {
      u.cleanup();
    }
  });

  it('selects documents with the include and exclude globs of the config, relative to the folder given', () => {
    const u = tempTree({
      'repo/.itsmote.json': JSON.stringify({ include: ['rfc/**/*.md'], exclude: ['rfc/drafts/**'] }),
      'repo/rfc/001.md': clean(),
      'repo/rfc/drafts/002.md': clean(),
      'repo/changes/003.md': clean(),
    });
    try {
      const files = json<JsonFileResult[]>(itsmote(['check', '-f', 'json', '--now', NOW, 'repo'], { cwd: u.dir })).map(
        (f) => f.file,
      );
      // changes/003.md is outside the globs but still has a Change type item in its header.
      assert.deepEqual(files, ['repo/changes/003.md', 'repo/rfc/001.md']);
      // Walking from inside repo/rfc, the globs still apply as written for repo/.
      const inside = json<JsonFileResult[]>(
        itsmote(['check', '-f', 'json', '--now', NOW, 'repo/rfc'], { cwd: u.dir }),
      ).map((f) => f.file);
      assert.deepEqual(inside, ['repo/rfc/001.md']);
    } finally {
      u.cleanup();
    }
  });
});

describe('discovery with the default globs', () => {
  const t = tempTree({
    'changes/a.md': clean(),
    'changes/README.md': '# How to write a change\n\n- Change type: Standard, Normal or Emergency\n',
    'docs/db.change.md': '# Not filled in yet\n',
    'docs/notes.md': '# Notes\n\n- Owner: @alice\n',
    'docs/stray.md': clean(),
    'empty/notes.md': '# Notes\n',
    'node_modules/pkg/changes/x.md': '# broken\n',
    '.git/changes/y.md': '# broken\n',
  });
  after(() => t.cleanup());

  it('finds globbed files and headers with a Change type; skips README, node_modules and .git', () => {
    const files = json<JsonFileResult[]>(itsmote(['check', '-f', 'json', '--now', NOW, '.'], { cwd: t.dir })).map(
      (f) => f.file,
    );
    assert.deepEqual(files, ['changes/a.md', 'docs/db.change.md', 'docs/stray.md']);
  });

  it('finds documents without a Change type when the walk starts inside the changes folder', () => {
    const u = tempTree({
      'changes/untyped.md': '# Half written\n\n- Status: Planned\n',
      'changes/notes/README.md': '# How to\n',
    });
    try {
      const r = itsmote(['check', '-f', 'json', '--now', NOW, 'changes'], { cwd: u.dir });
      assert.deepEqual(byFile(r)['changes/untyped.md']?.filter((c) => c.startsWith('CM002')).length, 3);
      assert.deepEqual(Object.keys(byFile(r)), ['changes/untyped.md']);
    } finally {
      u.cleanup();
    }
  });

  it('says when a folder holds no change document, and exits with 0', () => {
    const r = itsmote(['check', '--now', NOW, 'empty'], { cwd: t.dir });
    assert.equal(r.stderr, 'empty: no change documents found\n');
    assert.equal(r.stdout, '0 errors, 0 warnings, 0 infos in 0 files\n');
    assert.equal(r.code, 0);
  });
});

describe('files that cannot be read', () => {
  const t = tempTree({
    'changes/a-good.md': clean(),
    'changes/b-binary.md': new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]),
    'changes/c-latin1.md': new Uint8Array([...Buffer.from('# Caf'), 0xe9, 0x0a]),
    'changes/d-bad.md': noRollback(),
  });
  after(() => t.cleanup());

  it('are skipped with a reason on stderr, and the rest is still checked', () => {
    const r = itsmote(['check', '-f', 'json', '--now', NOW, '.'], { cwd: t.dir });
    assert.equal(
      r.stderr,
      'changes/b-binary.md: skipped: binary file (contains NUL bytes)\nchanges/c-latin1.md: skipped: not valid UTF-8\n',
    );
    assert.deepEqual(byFile(r), { 'changes/a-good.md': [], 'changes/d-bad.md': ['CM010:error'] });
    // The skips do not change the exit code: 1 comes from CM010.
    assert.equal(r.code, 1);
  });

  it('exit with 2 when a file named explicitly cannot be read', () => {
    const r = itsmote(['check', '--now', NOW, 'changes/a-good.md', 'changes/b-binary.md'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'changes/b-binary.md: skipped: binary file (contains NUL bytes)\n');
    assert.match(r.stdout, /0 errors, 0 warnings, 0 infos in 1 file\n$/);
  });

  it('include files without read permission', function () {
    // root reads any file whatever its mode, so as root the CLI runs as the unprivileged `nobody`,
    // which needs to reach dist/cli.js (a checkout inside a private folder would not let it).
    const asRoot = process.getuid?.() === 0;
    if (asRoot && itsmote(['--version'], { uid: 65534, gid: 65534, cwd: '/' }).code !== 0) {
      skipBecause(
        this,
        'running as root, and the unprivileged user `nobody` cannot reach dist/cli.js in this checkout (a private parent folder)',
      );
    }
    const u = tempTree({ 'changes/a.md': clean(), 'changes/locked.md': clean() });
    try {
      chmodSync(u.dir, 0o755);
      chmodSync(join(u.dir, 'changes'), 0o755);
      chmodSync(join(u.dir, 'changes/a.md'), 0o644);
      chmodSync(join(u.dir, 'changes/locked.md'), 0o000);
      const r = itsmote(['check', '-f', 'json', '--now', NOW, '.'], {
        cwd: u.dir,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      assert.equal(r.stderr, 'changes/locked.md: skipped: permission denied\n');
      assert.deepEqual(Object.keys(byFile(r)), ['changes/a.md']);
      assert.equal(r.code, 0);
      const named = itsmote(['check', '--now', NOW, 'changes/locked.md'], {
        cwd: u.dir,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      assert.equal(named.code, 2);
    } finally {
      chmodSync(join(u.dir, 'changes/locked.md'), 0o600);
      u.cleanup();
    }
  });
});
