import { strict as assert } from 'node:assert';
import { checkRepoRules } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import type { ChangedFile } from '../../../server/src/core/rules/index';
import { doc, editLine, NOW, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, withLine, withLog, type Failing } from './support';

const COMPONENTS = [
  { name: 'payments-api', dir: 'services/payments' },
  { name: 'fraud', dir: 'services/payments/plugins/fraud' },
  { name: 'monolith', dir: '' },
];
const changed = (...paths: string[]): ChangedFile[] => paths.map((path) => ({ path, exempt: false }));
// VALID_NORMAL: Approved, payments-db and payments-api.
const run = (files: ChangedFile[], docs: string[] = []) =>
  checkRepoRules(
    { changedFiles: files, components: COMPONENTS, documents: docs.map((t) => doc(t).doc) },
    { config: defaultConfig(), now: NOW },
  );

/** A document on which CM050 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  changes: {
    changedFiles: [{ path: 'svc/api/x.ts', exempt: false }],
    components: [{ name: 'api', dir: 'svc/api' }],
    documents: [VALID_NORMAL],
  },
};

describe('CM050 change-unregistered', () => {
  it('reports each service whose files changed once, on its first changed file, at line 1, with the files in data', () => {
    const out = run(
      changed(
        'services/payments/src/b.ts',
        'services/payments/src/a.ts',
        'services/payments/plugins/fraud/r.ts',
        'Makefile',
      ),
    );
    assert.deepEqual([...out.keys()].sort(), [
      'Makefile',
      'services/payments/plugins/fraud/r.ts',
      'services/payments/src/a.ts',
    ]);
    const d = out.get('services/payments/src/a.ts')![0]!;
    assert.equal(d.code, 'CM050');
    assert.equal(d.severity, ERROR);
    assert.equal(d.source, 'itsmote');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(
      String(d.message),
      /^Code of the service "payments-api" changed \(services\/payments\/src\/a\.ts and 1 more file\), but no Approved or In Progress change document/,
    );
    assert.deepEqual((d.data as { files: string[] }).files, [
      'services/payments/src/a.ts',
      'services/payments/src/b.ts',
    ]);
    assert.match(d.codeDescription!.href, /#cm050$/);
    // The root component holds only what no deeper component holds.
    assert.match(String(out.get('Makefile')![0]!.message), /"monolith"/);
  });

  it('is satisfied by an Approved or In Progress change naming the service (case-insensitively)', () => {
    assert.equal(run(changed('services/payments/src/a.ts'), [VALID_NORMAL]).size, 0);
    const running = withLog(
      'In Progress',
      [
        '2026-11-26 10:02 UTC Planned by @alice',
        '2026-11-27 09:15 UTC Approved by @bob',
        '2026-11-28 09:00 UTC In Progress by @alice',
      ],
      editLine(VALID_NORMAL, '- Affected services', '- Affected services: PAYMENTS-API '),
    );
    assert.equal(run(changed('services/payments/src/a.ts'), [running]).size, 0);
  });

  it('is not satisfied by a change that is Planned and needs approval, Verifying, Closed, Rejected, or names another service', () => {
    const P = ['2026-11-26 10:02 UTC Planned by @alice'];
    for (const text of [
      withLog('Planned', P, withLine('- Approval', null)),
      withLog('Verifying', [
        ...P,
        '2026-11-27 09:15 UTC Approved by @bob',
        '2026-11-28 09:00 UTC In Progress',
        '2026-11-28 10:00 UTC Verifying',
      ]),
      withLog('Rejected', [...P, '2026-11-27 09:15 UTC Rejected by @bob']),
      editLine(VALID_NORMAL, '- Affected services', '- Affected services: payments-db'),
    ]) {
      assert.equal(
        run(changed('services/payments/src/a.ts'), [text]).size,
        1,
        text.split('\n').find((l) => l.startsWith('- Status')),
      );
    }
  });

  it('is satisfied by a Planned change whose type needs no approval (Standard, Emergency)', () => {
    const planned = withLog('Planned', ['2026-11-26 10:02 UTC Planned by @alice'], withLine('- Approval', null));
    assert.equal(
      run(changed('services/payments/src/a.ts'), [editLine(planned, '- Change type', '- Change type: Standard')]).size,
      0,
    );
    assert.equal(
      run(changed('services/payments/src/a.ts'), [editLine(planned, '- Change type', '- Change type: Emergency')]).size,
      0,
    );
  });

  it('ignores exempt files (change documents, requireChange.ignore) and the catalog files themselves', () => {
    const files = [
      ...changed('services/payments/catalog-info.yaml', 'services/payments/plugins/fraud/CATALOG-INFO.yml'),
      { path: 'services/payments/README.md', exempt: true },
    ];
    assert.equal(run(files).size, 0);
  });

  it('does nothing without components', () => {
    assert.equal(
      checkRepoRules(
        { changedFiles: changed('a.ts'), components: [], documents: [] },
        { config: defaultConfig(), now: NOW },
      ).size,
      0,
    );
  });
});
