/** `check --changed <ref>` on a real git repository built in the test. */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, validChange } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';
import { GitRepo } from './audit-git-repo';

const broken = (services = 'payments-db') =>
  validChange({ services }).replace('- Rollback plan: point payments-api back at the old primary\n', '');

describe('itsmote check --changed <ref>', () => {
  let repo: GitRepo;
  before(() => {
    repo = new GitRepo();
    repo.commit('2026-11-20T10:00:00Z', 'base', {
      'changes/old-broken.md': broken(),
      'changes/old-clean.md': validChange({ window: '2026-12-05 10:00 UTC, 60 min' }),
      'changes/overlap-base.md': validChange({ services: 'search', window: '2026-12-02 10:00 UTC, 60 min' }),
    });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('2026-11-21T10:00:00Z', 'edit on the branch', { 'changes/old-clean.md': broken() });
    // Staged, unstaged and untracked work also counts as changed.
    repo.write({
      'changes/new-untracked.md': validChange({ services: 'search', window: '2026-12-02 10:30 UTC, 60 min' }),
    });
    repo.write({ 'changes/ignored.md': broken(), '.gitignore': 'changes/ignored.md\n' });
  });
  after(() => repo.cleanup());

  it('reports only documents changed since the merge base, plus untracked ones', () => {
    const r = itsmote(['check', '--changed', 'main', '--format', 'json', '--now', NOW, '.'], { cwd: repo.dir });
    const files = json<JsonFileResult[]>(r)
      .map((f) => f.file)
      .sort();
    assert.deepEqual(files, ['changes/new-untracked.md', 'changes/old-clean.md']);
    assert.equal(r.code, 1); // old-clean.md lost its rollback plan on the branch
    assert.match(r.stderr, /itsmote: 2 of 5 change documents changed since main/);
  });

  it('still uses unchanged documents as context: CM040 against an unchanged change is reported on the changed one only', () => {
    const r = itsmote(['check', '--changed', 'main', '--format', 'json', '--now', NOW, '.'], { cwd: repo.dir });
    const out = json<JsonFileResult[]>(r);
    const fresh = out.find((f) => f.file === 'changes/new-untracked.md')!;
    assert.deepEqual(
      fresh.diagnostics.map((d) => d.code),
      ['CM040'],
    );
    assert.match(fresh.diagnostics[0]!.message, /overlaps overlap-base/);
    assert.equal(
      out.find((f) => f.file === 'changes/overlap-base.md'),
      undefined,
    );
  });

  it('a commit on main after the branch point does not count as changed on the branch', () => {
    repo.git('checkout', '-q', 'main');
    repo.commit('2026-11-22T10:00:00Z', 'main moves on', { 'changes/old-broken.md': broken('billing') });
    repo.git('checkout', '-q', 'feature');
    const r = itsmote(['check', '--changed', 'main', '--format', 'json', '--now', NOW, 'changes'], { cwd: repo.dir });
    assert.deepEqual(
      json<JsonFileResult[]>(r)
        .map((f) => f.file)
        .sort(),
      ['changes/new-untracked.md', 'changes/old-clean.md'],
    );
  });

  it('a committed-then-clean tree since HEAD reports nothing and exits 0', () => {
    const r = itsmote(['check', '--changed', 'HEAD', '--now', NOW, 'changes/old-broken.md'], { cwd: repo.dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /0 errors, 0 warnings, 0 infos in 0 files/);
  });

  it('an unknown ref or a folder outside git is a one-line usage error (exit 2)', () => {
    const bad = itsmote(['check', '--changed', 'no-such-branch', '.'], { cwd: repo.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^itsmote: --changed: "no-such-branch" is not a commit, branch or tag/m);
    const empty = itsmote(['check', '--changed', '', '.'], { cwd: repo.dir });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /--changed needs a git ref/);
  });
});
