import { strict as assert } from 'node:assert';
import { applyEdits, codeActions, fixAllEdit, fixesFor } from '../../../server/src/core/actions/index';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import type { RepoFacts } from '../../../server/src/core/repo/facts';
import { NOW, VALID_NORMAL, doc, editLine } from '../../helpers/doc';

const OPTS = { author: '@carol', now: NOW };
const CATALOG: RepoFacts = { services: ['payments-api', 'payments-db', 'ledger'] };
const OWNERS: RepoFacts = { people: ['@alice', '@bob'], peopleInDocuments: new Map() };

const diagnosticsOf = (text: string, repo: RepoFacts) =>
  checkDocument(doc(text), { config: defaultConfig(), now: NOW, repo });

/** The fixes of the first diagnostic with `code` (and the text they give). */
function fixesOf(text: string, code: string, repo: RepoFacts, pick = 0) {
  const d = diagnosticsOf(text, repo).filter((x) => x.code === code)[pick];
  assert.ok(d, `no ${code}`);
  const a = doc(text);
  return fixesFor(a, d, OPTS).map((f) => ({ ...f, out: applyEdits(a.md.lines, f.edits) }));
}

describe('quick fixes for unknown services and people (CM017, CM016)', () => {
  it('CM017: replaces only the unknown service with the catalog suggestion, preferred, not for fix-all', () => {
    const text = editLine(
      VALID_NORMAL,
      '- Affected services:',
      '- Affected services: payments-db, **paymnets-api**;  ledgr',
    );
    const [f, ...rest] = fixesOf(text, 'CM017', CATALOG);
    assert.equal(rest.length, 0);
    assert.equal(f!.isPreferred, true);
    assert.equal(f!.safe, false);
    assert.equal(f!.title, 'Replace "paymnets-api" with "payments-api"');
    assert.equal(
      f!.out,
      editLine(VALID_NORMAL, '- Affected services:', '- Affected services: payments-db, **payments-api**;  ledgr'),
    );
    const [g] = fixesOf(text, 'CM017', CATALOG, 1);
    assert.equal(
      g!.out,
      editLine(VALID_NORMAL, '- Affected services:', '- Affected services: payments-db, **paymnets-api**;  ledger'),
    );
    // Fix-all leaves judgement calls alone.
    assert.equal(
      fixAllEdit(
        doc(text),
        diagnosticsOf(text, CATALOG),
        (t) => ({ analysis: doc(t), diagnostics: diagnosticsOf(t, CATALOG) }),
        OPTS,
      ),
      undefined,
    );
  });

  it('CM017 without a suggestion offers no fix', () => {
    const text = editLine(VALID_NORMAL, '- Affected services:', '- Affected services: payments-db, zzzzzzzzzzzz');
    assert.deepEqual(fixesOf(text, 'CM017', CATALOG), []);
  });

  it('CM016: replaces a mistyped owner or approver with the CODEOWNERS suggestion', () => {
    const owner = editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: @alcie');
    const [f] = fixesOf(owner, 'CM016', OWNERS);
    assert.equal(f!.isPreferred, true);
    assert.equal(f!.out, VALID_NORMAL);
    const approver = editLine(VALID_NORMAL, '- Approval', '- Approval (if required): @bbo, 2026-11-27');
    const [g] = fixesOf(approver, 'CM016', OWNERS);
    assert.equal(g!.out, VALID_NORMAL);
  });

  it('is offered as a code action on the diagnostic, preferred', () => {
    const text = editLine(VALID_NORMAL, '- Affected services:', '- Affected services: payments-db, paymnets-api');
    const a = doc(text);
    const all = diagnosticsOf(text, CATALOG);
    const d = all.find((x) => x.code === 'CM017')!;
    const actions = codeActions({
      analysis: a,
      uri: 'file:///c.md',
      version: 1,
      range: d.range,
      contextDiagnostics: [d],
      allDiagnostics: all,
      options: OPTS,
      diagnose: (t) => ({ analysis: doc(t), diagnostics: diagnosticsOf(t, CATALOG) }),
    });
    const fix = actions.find((x) => x.title === 'Replace "paymnets-api" with "payments-api"');
    assert.ok(fix, actions.map((x) => x.title).join(', '));
    assert.equal(fix.isPreferred, true);
  });
});
