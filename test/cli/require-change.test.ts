/** `check --changed <ref> --require-change` (CM050) on real git repositories built in the test. */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, validChange } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';
import { GitRepo } from './audit-git-repo';

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  owner: team-a\n`;
const SYSTEM = 'apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: shop\nspec:\n  owner: team-a\n';
const closed = (services: string) =>
  validChange({
    services,
    status: 'Closed',
    log: [
      '2026-11-01 10:00 UTC Planned by @alice',
      '2026-11-02 10:00 UTC Approved by @bob',
      '2026-11-03 10:00 UTC In Progress by @alice',
      '2026-11-03 11:00 UTC Verifying by @alice',
      '2026-11-03 12:00 UTC Closed by @alice',
    ],
  }).replace('- Approval', '- Outcome: done\n- Approval');

/** A repository on main with two components, a System at the root, and one Closed change. */
function baseRepo(): GitRepo {
  const repo = new GitRepo();
  repo.commit('2026-11-20T10:00:00Z', 'base', {
    'catalog-info.yaml': SYSTEM,
    '.itsmote.json': JSON.stringify({ requireChange: { ignore: ['**/*.md', '**/test/**'] } }),
    'services/payments-api/catalog-info.yaml': component('payments-api'),
    'services/payments-api/src/index.ts': 'export const v = 1;\n',
    'services/payments-api/plugins/fraud/catalog-info.yaml': component('fraud-check'),
    'services/payments-api/plugins/fraud/rules.ts': 'export const r = 1;\n',
    'services/search/catalog-info.yaml': component('search'),
    'services/search/src/query.ts': 'export const q = 1;\n',
    'services/search/test/query.test.ts': 'test;\n',
    'changes/2026-11-01-old-payments.md': closed('payments-api'),
    'tools/build.sh': 'echo build\n',
  });
  repo.git('checkout', '-q', '-b', 'feature');
  return repo;
}

const check = (repo: GitRepo, ...extra: string[]) =>
  itsmote(['check', '--changed', 'main', '--require-change', '--now', NOW, '-f', 'json', ...extra], { cwd: repo.dir });
const cm050 = (r: ReturnType<typeof itsmote>) =>
  json<JsonFileResult[]>(r).flatMap((f) =>
    f.diagnostics
      .filter((d) => d.code === 'CM050')
      .map((d) => ({ file: f.file, severity: d.severity, message: d.message })),
  );

describe('itsmote check --changed <ref> --require-change (CM050)', () => {
  let repo: GitRepo;
  beforeEach(() => {
    repo = baseRepo();
  });
  afterEach(() => repo.cleanup());

  it('fails with CM050 when a commit touches a service folder and no change document names the service', () => {
    repo.commit('2026-11-21T10:00:00Z', 'payments work', {
      'services/payments-api/src/index.ts': 'export const v = 2;\n',
      'services/payments-api/src/new.ts': 'export const n = 1;\n',
    });
    const r = check(repo);
    assert.equal(r.code, 1, r.stderr);
    const found = cm050(r);
    assert.equal(found.length, 1, 'once per service');
    assert.equal(found[0]!.file, 'services/payments-api/src/index.ts', 'on the first changed file');
    assert.equal(found[0]!.severity, 'error');
    assert.match(
      found[0]!.message,
      /Code of the service "payments-api" changed \(services\/payments-api\/src\/index\.ts and 1 more file\)/,
    );
    assert.match(found[0]!.message, /no Approved or In Progress change document/);
  });

  it('passes once an Approved change for that service exists (the Closed one does not count)', () => {
    repo.commit('2026-11-21T10:00:00Z', 'payments work', {
      'services/payments-api/src/index.ts': 'export const v = 2;\n',
    });
    repo.commit('2026-11-21T11:00:00Z', 'register it', {
      'changes/2026-12-01-payments.md': validChange({ services: 'Payments-API, ledger' }),
    });
    const r = check(repo);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(cm050(r), []);
  });

  it('counts In Progress and Planned-without-approval changes, not a Planned Normal one', () => {
    repo.commit('2026-11-21T10:00:00Z', 'search work', { 'services/search/src/query.ts': 'export const q = 2;\n' });
    const P = '2026-11-26 10:02 UTC Planned by @alice';
    repo.write({
      'changes/search.md': validChange({ services: 'search', status: 'Planned', log: [P] }).replace(
        /- Approval.*\n/,
        '',
      ),
    });
    assert.equal(cm050(check(repo)).length, 1, 'a Planned Normal change is not approved yet');
    const standard = validChange({ services: 'search', status: 'Planned', log: [P] })
      .replace('Change type: Normal', 'Change type: Standard')
      .replace('Risk level: High', 'Risk level: Low')
      .replace(/- Approval.*\n/, '');
    repo.write({ 'changes/search.md': standard });
    assert.deepEqual(cm050(check(repo)), [], 'a Planned Standard change needs no approval');
    repo.write({
      'changes/search.md': validChange({
        services: 'search',
        status: 'In Progress',
        log: [P, '2026-11-27 09:00 UTC Approved by @bob', '2026-11-28 09:00 UTC In Progress by @alice'],
      }),
    });
    assert.deepEqual(cm050(check(repo)), []);
  });

  it('passes a commit that touches only ignored paths, change documents, catalog files or code outside any component', () => {
    repo.commit('2026-11-21T10:00:00Z', 'docs and tests', {
      'services/search/test/query.test.ts': 'test 2;\n',
      'services/search/README.md': '# Search\n',
      'services/search/catalog-info.yaml': component('search').replace('team-a', 'team-b'),
      'changes/2026-11-01-old-payments.md': closed('payments-api').replace('done', 'done, really'),
      'tools/build.sh': 'echo build 2\n',
    });
    const r = check(repo);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(cm050(r), []);
  });

  it('gives a file to the deepest component that holds it, and reports each service once', () => {
    repo.commit('2026-11-21T10:00:00Z', 'fraud and search', {
      'services/payments-api/plugins/fraud/rules.ts': 'export const r = 2;\n',
      'services/search/src/query.ts': 'export const q = 2;\n',
    });
    assert.deepEqual(
      cm050(check(repo)).map((f) => f.file),
      ['services/payments-api/plugins/fraud/rules.ts', 'services/search/src/query.ts'],
    );
    assert.match(cm050(check(repo))[0]!.message, /"fraud-check"/);
  });

  it('counts uncommitted and untracked work, and deleted files', () => {
    repo.write({ 'services/search/src/query.ts': null });
    assert.deepEqual(
      cm050(check(repo)).map((f) => f.file),
      ['services/search/src/query.ts'],
    );
    repo.git('checkout', '-q', '--', '.');
    repo.write({ 'services/search/src/untracked.ts': 'new\n' });
    assert.deepEqual(
      cm050(check(repo)).map((f) => f.file),
      ['services/search/src/untracked.ts'],
    );
  });

  it('reports in the GitHub and text formats like any diagnostic, and follows the configured severity', () => {
    repo.commit('2026-11-21T10:00:00Z', 'search work', { 'services/search/src/query.ts': 'export const q = 2;\n' });
    const gh = itsmote(['check', '--changed', 'main', '--require-change', '--now', NOW, '-f', 'github'], {
      cwd: repo.dir,
    });
    assert.equal(gh.code, 1);
    assert.match(
      gh.stdout,
      /^::error file=services\/search\/src\/query\.ts,line=1,col=1,endLine=1,endColumn=1,title=CM050::Code of the service "search" changed/m,
    );
    const text = itsmote(['check', '--changed', 'main', '--require-change', '--now', NOW], { cwd: repo.dir });
    assert.match(
      text.stdout,
      /^services\/search\/src\/query\.ts\n {2}1:1 {2}error {2}Code of the service "search".* {2}CM050$/m,
    );
    repo.write({
      '.itsmote.json': JSON.stringify({
        requireChange: { ignore: ['**/*.md', '**/test/**'] },
        rules: { CM050: 'warning' },
      }),
    });
    const warned = check(repo);
    assert.equal(warned.code, 0);
    assert.equal(cm050(warned)[0]?.severity, 'warning');
  });

  it('never reports CM050 without --require-change, and --require-change needs --changed', () => {
    repo.commit('2026-11-21T10:00:00Z', 'search work', { 'services/search/src/query.ts': 'export const q = 2;\n' });
    const plain = itsmote(['check', '--changed', 'main', '--now', NOW, '-f', 'json'], { cwd: repo.dir });
    assert.equal(plain.code, 0, plain.stdout + plain.stderr);
    assert.deepEqual(cm050(plain), []);
    const bad = itsmote(['check', '--require-change'], { cwd: repo.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--require-change needs --changed <ref>/);
  });
});
