/** CODEOWNERS and Backstage catalog parsing (real YAML through the `yaml` library), people counts. */
import { strict as assert } from 'node:assert';
import { parseCodeowners } from '../../server/src/core/repo/codeowners';
import { parseCatalog, serviceNames } from '../../server/src/core/repo/catalog';
import { countDocumentPeople, peopleOfDocument } from '../../server/src/core/repo/facts';
import { doc, VALID_NORMAL } from '../helpers/doc';

describe('CODEOWNERS', () => {
  it('reads handles, teams and e-mails; skips patterns, comments and duplicates', () => {
    const text = [
      '# Lines starting with # are comments.',
      '*       @alice @org/platform',
      '/docs/  docs@example.com   # trailing comment @nobody',
      '*.md    @ALICE @bob',
      'path\\#with-hash @carol',
      '',
      '/no-owner/',
    ].join('\r\n');
    assert.deepEqual(parseCodeowners(text), ['@alice', '@org/platform', 'docs@example.com', '@bob', '@carol']);
  });

  it('reads GitLab section default owners and ignores the section names', () => {
    assert.deepEqual(parseCodeowners('[Docs] @dora\n/docs/ @erin\n^[Ops][2] @frank\n'), ['@dora', '@erin', '@frank']);
  });

  it('never throws on junk', () => {
    assert.deepEqual(parseCodeowners('\uFEFF@@@ ### \0\n\n   \n*'), []);
  });
});

describe('Backstage catalog-info.yaml', () => {
  it('reads every document of a multi-document file; services are Component, System and Resource', () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  namespace: payments
spec:
  type: service
  owner: group:payments
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: payments-db
spec: { type: database }
---
kind: system
metadata: { name: payments }
---
kind: Group
metadata:
  name: payments-team
---
`;
    const r = parseCatalog(text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.entities, [
      { kind: 'Component', name: 'payments-api', namespace: 'payments', type: 'service' },
      { kind: 'Resource', name: 'payments-db', type: 'database' },
      { kind: 'system', name: 'payments' },
      { kind: 'Group', name: 'payments-team' },
    ]);
    assert.deepEqual(serviceNames(r.entities), ['payments', 'payments-api', 'payments-db']);
  });

  it('reports broken documents and keeps the good ones', () => {
    const r = parseCatalog(
      'kind: Component\nmetadata:\n  name: good\n---\nkind: [unclosed\n---\n- a list\n---\nkind: Component\n',
    );
    assert.deepEqual(
      r.entities.map((e) => e.name),
      ['good'],
    );
    assert.equal(r.errors.length, 3);
    assert.match(r.errors[0]!, /^document 2:/);
    assert.match(r.errors[1]!, /document 3: not a catalog entity/);
    assert.match(r.errors[2]!, /document 4: an entity needs kind and metadata.name/);
  });

  it('survives alias bombs and non-YAML', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const r = parseCatalog(bomb);
    assert.deepEqual(r.entities, []);
    assert.equal(r.errors.length, 1);
    assert.deepEqual(parseCatalog('\0\0\0 }{').entities, []);
  });
});

describe('people named by change documents', () => {
  it('collects owner, approvers and log `by`s, normalised', () => {
    assert.deepEqual([...peopleOfDocument(doc(VALID_NORMAL).doc)].sort(), ['alice', 'bob']);
    const counts = countDocumentPeople([
      doc(VALID_NORMAL).doc,
      doc(VALID_NORMAL.replace('Change Owner: @alice', 'Change Owner: @Carol')).doc,
    ]);
    assert.equal(counts.get('alice'), 2); // the second still names @alice in its log
    assert.equal(counts.get('bob'), 2);
    assert.equal(counts.get('carol'), 1);
  });
});
