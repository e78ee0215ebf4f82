import { strict as assert } from 'node:assert';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import type { RepoFacts } from '../../../server/src/core/repo/facts';
import { doc, editLine, NOW, VALID_NORMAL } from '../../helpers/doc';
import { INFORMATION, rangeIn, type Failing } from './support';

const cm017 = (text: string, repo?: RepoFacts) =>
  checkDocument(doc(text), { config: defaultConfig(), now: NOW, ...(repo ? { repo } : {}) }).filter(
    (d) => d.code === 'CM017',
  );

/** A document on which CM017 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: VALID_NORMAL, repo: { services: ['payments-api'] } };

describe('CM017 service-unknown', () => {
  it('does not run without catalog facts', () => {
    assert.deepEqual(cm017(VALID_NORMAL), []);
  });

  it('is silent when every service is in the catalog (any case)', () => {
    assert.deepEqual(cm017(VALID_NORMAL, { services: ['Payments-DB', 'payments-api', 'search'] }), []);
  });

  it('reports each unknown service on its own name, with the closest catalog name', () => {
    const text = editLine(
      VALID_NORMAL,
      '- Affected services',
      '- Affected services: payments-db, paymnets-api, **ledger**',
    );
    const ds = cm017(text, { services: ['payments-api', 'payments-db'] });
    assert.equal(ds.length, 2);
    assert.equal(ds[0]!.severity, INFORMATION);
    assert.deepEqual(ds[0]!.range, rangeIn(text, '- Affected services', 'paymnets-api'));
    assert.match(String(ds[0]!.message), /"paymnets-api" is not in the service catalog.*Did you mean "payments-api"\?/);
    assert.deepEqual(ds[0]!.data, { rule: 'CM017', service: 'paymnets-api', suggestion: 'payments-api' });
    assert.deepEqual(ds[1]!.range, rangeIn(text, '- Affected services', 'ledger'));
    assert.match(
      String(ds[1]!.message),
      /"ledger" is not in the service catalog \(catalog-info.yaml\)\. Use the catalog name/,
    );
  });

  it('an empty catalog knows nothing: every service is reported', () => {
    assert.equal(cm017(VALID_NORMAL, { services: [] }).length, 2);
  });
});
