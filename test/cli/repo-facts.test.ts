/** CODEOWNERS and catalog-info.yaml read from the repository root by `itsmote check` (CM016, CM017). */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, tempTree, validChange } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';
import { GitRepo } from './audit-git-repo';

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
spec:
  type: service
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: payments-db
`;

describe('itsmote check: owners and services from the repository', () => {
  let repo: GitRepo;
  before(() => {
    repo = new GitRepo();
    repo.write({
      '.github/CODEOWNERS': '* @alice @org/platform\n/docs/ @bob\n',
      CODEOWNERS: '* @someone-else\n', // GitHub reads .github/ first: this one is not used
      'services/payments/catalog-info.yaml': CATALOG,
      'services/search/catalog-info.yml': 'kind: System\nmetadata:\n  name: search\n---\nkind: [broken\n',
      'node_modules/x/catalog-info.yaml': 'kind: Component\nmetadata:\n  name: vendored\n',
      '.gitignore': 'node_modules/\n',
      'changes/known.md': validChange({ services: 'payments-db, Payments-API' }),
      'changes/unknown.md': validChange({ services: 'paymnets-db, search, vendored' }).replace(
        'Change Owner: @alice',
        'Change Owner: @alcie',
      ),
      'changes/carol.md': validChange({ window: '2026-12-09 14:00 UTC, 60 min' })
        .replace('Change Owner: @alice', 'Change Owner: @carol')
        .replace('Approval (if required): @bob', 'Approval (if required): @dave'),
      'changes/carol-again.md': validChange({ window: '2026-12-10 14:00 UTC, 60 min' }).replace(
        'Change Owner: @alice',
        'Change Owner: @carol',
      ),
    });
  });
  after(() => repo.cleanup());

  const run = (args: string[], cwd = repo.dir) =>
    itsmote(['check', '--format', 'json', '--now', NOW, ...args], { cwd });
  const codesOf = (out: JsonFileResult[], file: string, code: string) =>
    out.find((f) => f.file === file)!.diagnostics.filter((d) => d.code === code);

  it('CM017: unknown services get the closest catalog name; catalog files in node_modules (ignored) do not count', () => {
    const r = run(['changes']);
    const out = json<JsonFileResult[]>(r);
    assert.deepEqual(codesOf(out, 'changes/known.md', 'CM017'), []);
    const unknown = codesOf(out, 'changes/unknown.md', 'CM017');
    assert.deepEqual(
      unknown.map((d) => d.message.match(/"([^"]+)"/)![1]),
      ['paymnets-db', 'vendored'],
    );
    assert.match(unknown[0]!.message, /Did you mean "payments-db"\?/);
    assert.equal(unknown[0]!.severity, 'information');
    // The broken second document of search's catalog is reported on stderr; its first document still counts.
    assert.match(r.stderr, /services\/search\/catalog-info\.yml: document 2: /);
  });

  it('CM016: owners and approvers outside CODEOWNERS, unless another change document names them', () => {
    const out = json<JsonFileResult[]>(run(['changes']));
    const owner = codesOf(out, 'changes/unknown.md', 'CM016');
    assert.equal(owner.length, 1);
    assert.match(owner[0]!.message, /Change Owner @alcie is not in CODEOWNERS.*Did you mean @alice\?/);
    // @carol owns two changes: known from the other one. @dave approves only one: unknown.
    assert.deepEqual(codesOf(out, 'changes/carol-again.md', 'CM016'), []);
    assert.deepEqual(
      codesOf(out, 'changes/carol.md', 'CM016').map((d) => d.message.split(' is ')[0]),
      ['Approver @dave'],
    );
    // @bob is in .github/CODEOWNERS (the root CODEOWNERS is not read).
    assert.deepEqual(codesOf(out, 'changes/known.md', 'CM016'), []);
  });

  it('infos do not fail the run', () => {
    const r = itsmote(['check', '--now', NOW, 'changes/known.md', 'changes/unknown.md'], { cwd: repo.dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /0 errors, 0 warnings, 3 infos in 2 files/);
  });

  it('without a repository, the folder named on the command line is the root; without the files, the rules stay silent', () => {
    const t = tempTree({
      CODEOWNERS: '* @alice\n',
      'changes/a.md': validChange().replace('Approval (if required): @bob', 'Approval (if required): @zed'),
    });
    const bare = tempTree({ 'changes/a.md': validChange({ services: 'anything' }).replace('@alice', '@nobody') });
    try {
      const out = json<JsonFileResult[]>(itsmote(['check', '--format', 'json', '--now', NOW, '.'], { cwd: t.dir }));
      assert.deepEqual(
        out[0]!.diagnostics.map((d) => d.code),
        ['CM016'],
      );
      const quiet = json<JsonFileResult[]>(
        itsmote(['check', '--format', 'json', '--now', NOW, '.'], { cwd: bare.dir }),
      );
      assert.deepEqual(quiet[0]!.diagnostics, []);
    } finally {
      t.cleanup();
      bare.cleanup();
    }
  });

  it('.itsmote.json can turn the rules off', () => {
    repo.write({ '.itsmote.json': JSON.stringify({ rules: { 'person-unknown': 'off', CM017: 'off' } }) });
    try {
      const out = json<JsonFileResult[]>(run(['changes']));
      assert.deepEqual(
        out.flatMap((f) => f.diagnostics.map((d) => d.code)).filter((c) => c === 'CM016' || c === 'CM017'),
        [],
      );
    } finally {
      repo.write({ '.itsmote.json': null });
    }
  });
});
