/** Which files are change documents (SPEC section 1): globs, header detection, and the Node-side walk. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import picomatch from 'picomatch';
import {
  anchoredMatcher,
  hasChangeTypeItem,
  mayHaveChangeType,
  normalizeRelPath,
  pathMatcher,
} from '../../server/src/core/discovery';
import { defaultConfig } from '../../server/src/core/config';
import { analyze } from '../../server/src/core/model';
import { findChangeFiles } from '../../server/src/node/find-change-files';
import { ConfigResolver } from '../../server/src/node/config-resolver';
import { decodeText, readTextFile } from '../../server/src/node/read-text-file';

describe('pathMatcher with the default globs', () => {
  const m = pathMatcher(defaultConfig());
  it('selects markdown under a changes folder at any depth, and *.change.md anywhere', () => {
    for (const p of [
      'changes/2026-12-01-x.md',
      'ops/changes/x.md',
      'changes/2026/12/x.md',
      'x.change.md',
      'docs/db.change.md',
      './changes/x.md',
    ]) {
      assert.equal(m.matches(p), true, p);
    }
  });
  it('does not select other files', () => {
    for (const p of ['notes.md', 'changes.md', 'changes/x.txt', 'docs/change.md', 'changesets/x.md'])
      assert.equal(m.matches(p), false, p);
  });
  it('excludes README.md, node_modules and .git, also inside changes folders', () => {
    for (const p of [
      'changes/README.md',
      'README.md',
      'node_modules/pkg/changes/x.md',
      'a/node_modules/x.change.md',
      '.git/changes/x.md',
    ]) {
      assert.equal(m.matches(p), false, p);
      assert.equal(m.excluded(p), true, p);
    }
  });
  it('excludes the excluded folders themselves, so a walk never enters them', () => {
    assert.equal(m.excluded('node_modules'), true);
    assert.equal(m.excluded('sub/.git'), true);
    assert.equal(m.excluded('changes'), false);
  });
  it('accepts Windows separators', () => {
    assert.equal(m.matches('ops\\changes\\x.md'), true);
  });
  it('drops one leading ./ (also written .\\) before matching', () => {
    assert.equal(m.matches('./x.change.md'), true);
    assert.equal(m.matches('.\\x.change.md'), true);
    assert.equal(m.excluded('./node_modules'), true);
    assert.equal(m.excluded('.\\node_modules'), true);
  });
});

describe('pathMatcher against picomatch', () => {
  // The matcher tests each glob's expression itself; it must answer as picomatch's matchers do.
  const globSets = [
    { include: defaultConfig().include, exclude: defaultConfig().exclude },
    { include: ['rfc/*.md', 'a[b].md', '**/*.{md,markdown}', 'docs/!(draft)*.md'], exclude: ['**/.*/**', 'x?.md'] },
    { include: ['*.md', 'changes/**'], exclude: ['changes/old/**', '**/README.md'] },
    // Brackets: a class, or the text itself.
    { include: ['a[b].md', 'x[1].md'], exclude: ['x[1].md'] },
  ];
  const paths = [
    '',
    'x.md',
    'a[b].md',
    'ab.md',
    'rfc/1.md',
    'rfc/sub/1.md',
    'changes/x.md',
    'ops/changes/2026/x.md',
    'changes/old/x.md',
    'changes',
    '.hidden/changes/x.md',
    'node_modules/changes/x.md',
    'sub/.git',
    'docs/draft-1.md',
    'docs/final.md',
    'x1.md',
    'x[1].md',
    'x.change.md',
    'deep/a.markdown',
    'README.md',
    'changes/README.md',
    'ünï cödé/changes/ä b.md',
    '../changes/x.md',
    '/abs/changes/x.md',
  ];
  it('selects and excludes exactly what picomatch with { dot: true } does', () => {
    let selected = 0;
    for (const globs of globSets) {
      const m = pathMatcher(globs);
      const inc = picomatch(globs.include, { dot: true });
      const exc = picomatch(globs.exclude, { dot: true });
      for (const p of paths) {
        assert.equal(m.matches(p), inc(p) && !exc(p), `${p} by ${globs.include.join()}`);
        assert.equal(m.excluded(p), exc(p), `${p} excluded by ${globs.exclude.join()}`);
        if (m.matches(p)) selected++;
      }
    }
    assert.ok(selected > 15, `${selected} selected`);
  });
});

describe('normalizeRelPath', () => {
  // The two replaces it skips for a walk's paths, as they were before the shortcut.
  const slow = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  it('returns a path with forward slashes and no leading ./ as it is', () => {
    for (const p of ['changes/x.md', 'x.md', '.git', '..', '../x.md', '.changes/x.md', 'a/./b.md', ''])
      assert.equal(normalizeRelPath(p), p);
  });
  it('turns backslashes into slashes and drops one leading ./, like the two replaces', () => {
    const cases: [string, string][] = [
      ['./x.md', 'x.md'],
      ['././x.md', './x.md'],
      ['.\\x.md', 'x.md'],
      ['.\\./x.md', './x.md'],
      ['a\\b\\c.md', 'a/b/c.md'],
      ['\\x.md', '/x.md'],
      ['./', ''],
      ['a\\./b', 'a/./b'],
    ];
    for (const [p, want] of cases) {
      assert.equal(normalizeRelPath(p), want, p);
      assert.equal(normalizeRelPath(p), slow(p), p);
    }
  });
});

describe('pathMatcher with custom globs', () => {
  it('uses include and exclude from the config instead of the defaults', () => {
    const m = pathMatcher({ include: ['rfc/*.md'], exclude: ['rfc/draft-*.md'] });
    assert.equal(m.matches('rfc/001.md'), true);
    assert.equal(m.matches('rfc/draft-002.md'), false);
    assert.equal(m.matches('changes/x.md'), false);
    // With no exclude at all, README.md is a document like any other.
    assert.equal(m.matches('rfc/README.md'), true);
  });
  it('treats an empty exclude list as excluding nothing', () => {
    const m = pathMatcher({ include: ['**/*.md'], exclude: [] });
    assert.equal(m.excluded('node_modules/x.md'), false);
    assert.equal(m.matches('node_modules/x.md'), true);
  });
});

describe('anchoredMatcher', () => {
  it('matches a walk that starts inside a changes folder as if it started at the anchor', () => {
    const m = anchoredMatcher(pathMatcher(defaultConfig()), 'ops/changes');
    assert.equal(m.matches('x.md'), true);
    assert.equal(m.matches('2026/x.md'), true);
    assert.equal(m.matches('README.md'), false);
    assert.equal(pathMatcher(defaultConfig()).matches('x.md'), false);
  });
  it('applies custom globs written for the anchor, and excludes under either form', () => {
    const m = anchoredMatcher(pathMatcher({ include: ['rfc/**/*.md'], exclude: ['rfc/drafts/**'] }), 'rfc');
    assert.equal(m.matches('001.md'), true);
    assert.equal(m.matches('drafts/002.md'), false);
    assert.equal(m.excluded('drafts'), true);
  });
  it('excludes a folder walked from inside node_modules', () => {
    const m = anchoredMatcher(pathMatcher(defaultConfig()), 'node_modules/pkg');
    assert.equal(m.matches('changes/x.md'), false);
    assert.equal(m.excluded('changes'), true);
  });
  it('is the inner matcher for an empty prefix', () => {
    const inner = pathMatcher(defaultConfig());
    assert.equal(anchoredMatcher(inner, ''), inner);
    assert.equal(anchoredMatcher(inner, './'), inner);
  });
});

describe('hasChangeTypeItem and mayHaveChangeType', () => {
  it('find a Change type item or its alias in the header', () => {
    for (const text of ['- Change type: Normal\n', '# T\n\n* **Type**: Standard\n', '- change  TYPE : nonsense\n']) {
      assert.equal(mayHaveChangeType(text), true, text);
      assert.equal(hasChangeTypeItem(analyze(text, 'x.md').doc), true, text);
    }
  });
  it('ignore markdown without one', () => {
    for (const text of ['# Notes\n\n- Owner: @a\n', 'Change type: Normal\n', '']) {
      assert.equal(hasChangeTypeItem(analyze(text, 'x.md').doc), false, text);
    }
    assert.equal(mayHaveChangeType('# Notes\n\n- Owner: @a\n'), false);
  });
  it('ignore a Change type item in a list after the first ## heading', () => {
    assert.equal(hasChangeTypeItem(analyze('# T\n\n## Later\n\n- Change type: Normal\n', 'x.md').doc), false);
  });
});

describe('findChangeFiles', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'itsmote-discovery-'));
    const put = (rel: string, text = '# x\n') => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    put('changes/b.md');
    put('changes/a.md');
    put('changes/README.md');
    put('changes/notes.txt');
    put('ops/db.change.md');
    put('docs/guide.md');
    put('node_modules/pkg/changes/x.md');
    put('.git/changes/y.md');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('returns glob matches and other markdown as candidates, sorted, never entering excluded folders', async () => {
    const r = await findChangeFiles(root, pathMatcher(defaultConfig()));
    assert.deepEqual(
      r.files.map((f) => `${f.rel}${f.byGlob ? '' : ' (by content)'}`),
      ['changes/a.md', 'changes/b.md', 'docs/guide.md (by content)', 'ops/db.change.md'],
    );
    assert.equal(r.files[0]!.path, join(root, 'changes/a.md'));
    assert.deepEqual(r.problems, []);
  });

  it('reports a broken link where a document was expected, and follows a folder link only once', async () => {
    symlinkSync(join(root, 'missing.md'), join(root, 'changes/broken.md'));
    symlinkSync(root, join(root, 'changes/loop'));
    const r = await findChangeFiles(root, pathMatcher(defaultConfig()));
    assert.deepEqual(
      r.problems.map((p) => [p.path, p.reason]),
      [[join(root, 'changes/broken.md'), 'no such file or directory']],
    );
    assert.equal(r.files.filter((f) => f.rel.includes('loop')).length, 0);
  });

  it('says when the root cannot be read', async () => {
    const r = await findChangeFiles(join(root, 'nope'), pathMatcher(defaultConfig()));
    assert.equal(r.rootError, 'no such file or directory');
  });
});

describe('ConfigResolver', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'itsmote-config-'));
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    writeFileSync(join(root, '.itsmote.json'), '{"staleAfterHours": 12}');
    writeFileSync(join(root, 'a/b/.itsmote.json'), '{"staleAfterHours": 48, "rules": {"CM999": "off"}}');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('uses the nearest ancestor config and reads each file once', async () => {
    const read: string[] = [];
    const r = new ConfigResolver((c) => read.push(c.file!));
    assert.equal((await r.forFile(join(root, 'a/x.md'))).config.staleAfterHours, 12);
    const deep = await r.forFile(join(root, 'a/b/c/y.md'));
    assert.equal(deep.config.staleAfterHours, 48);
    assert.equal(deep.file, join(root, 'a/b/.itsmote.json'));
    assert.deepEqual(
      deep.errors.map((e) => e.path),
      ['rules.CM999'],
    );
    await r.forFile(join(root, 'a/b/z.md'));
    assert.deepEqual(read.sort(), [join(root, '.itsmote.json'), join(root, 'a/b/.itsmote.json')].sort());
  });

  it('stops at the stop folder and uses the defaults above it', async () => {
    const r = new ConfigResolver(undefined, join(root, 'a'));
    const c = await r.forFile(join(root, 'a/x.md'));
    assert.equal(c.file, undefined);
    assert.equal(c.config.staleAfterHours, 24);
  });
});

describe('readTextFile', () => {
  let root: string;
  before(() => (root = mkdtempSync(join(tmpdir(), 'itsmote-read-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads UTF-8 and drops a BOM', async () => {
    writeFileSync(join(root, 'ok.md'), '\uFEFF# Café ✓\n');
    assert.deepEqual(await readTextFile(join(root, 'ok.md')), { ok: true, text: '# Café ✓\n' });
  });
  it('refuses binary files, invalid UTF-8, folders and missing files with a reason', async () => {
    assert.deepEqual(decodeText(new Uint8Array([0x23, 0x00, 0x41])), {
      ok: false,
      reason: 'binary file (contains NUL bytes)',
    });
    assert.deepEqual(decodeText(new Uint8Array([0x23, 0xff, 0xfe])), { ok: false, reason: 'not valid UTF-8' });
    assert.deepEqual(await readTextFile(root), { ok: false, reason: 'is a directory' });
    assert.deepEqual(await readTextFile(join(root, 'none.md')), { ok: false, reason: 'no such file or directory' });
  });
});
