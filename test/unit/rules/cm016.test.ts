import { strict as assert } from 'node:assert';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import type { RepoFacts } from '../../../server/src/core/repo/facts';
import { countDocumentPeople } from '../../../server/src/core/repo/facts';
import { doc, editLine, NOW, VALID_NORMAL } from '../../helpers/doc';
import { INFORMATION, rangeIn, type Failing } from './support';

const cm016 = (text: string, repo?: RepoFacts) =>
  checkDocument(doc(text), { config: defaultConfig(), now: NOW, ...(repo ? { repo } : {}) }).filter(
    (d) => d.code === 'CM016',
  );

/** A document on which CM016 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: VALID_NORMAL, repo: { people: ['@bob'] } };

describe('CM016 person-unknown', () => {
  it('does not run without CODEOWNERS facts', () => {
    assert.deepEqual(cm016(editLine(VALID_NORMAL, '- Change Owner', '- Change Owner: @zed')), []);
  });

  it('is silent when owner and approver are in CODEOWNERS (any case, with or without @)', () => {
    assert.deepEqual(cm016(VALID_NORMAL, { people: ['@ALICE', 'bob'] }), []);
  });

  it('reports an unknown owner on the value, with the closest handle', () => {
    const text = editLine(VALID_NORMAL, '- Change Owner', '- Change Owner: @alcie');
    const ds = cm016(text, { people: ['@alice', '@bob', '@org/dba'] });
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.severity, INFORMATION);
    assert.deepEqual(ds[0]!.range, rangeIn(text, '- Change Owner', '@alcie'));
    assert.match(String(ds[0]!.message), /Change Owner @alcie is not in CODEOWNERS.*Did you mean @alice\?/);
    assert.deepEqual(ds[0]!.data, { rule: 'CM016', person: '@alcie', role: 'owner', suggestion: '@alice' });
  });

  it('reports an unknown approver on the Approval value', () => {
    const ds = cm016(VALID_NORMAL, { people: ['@alice'] });
    assert.equal(ds.length, 1);
    assert.match(String(ds[0]!.message), /^Approver @bob/);
    assert.deepEqual(ds[0]!.range, rangeIn(VALID_NORMAL, '- Approval', '@bob, 2026-11-27'));
  });

  it('a person named by another change document is known; one named only here is not', () => {
    const mine = doc(VALID_NORMAL).doc;
    const other = doc(
      editLine(
        editLine(VALID_NORMAL, '- Change Owner', '- Change Owner: @carol'),
        '- Approval',
        '- Approval (if required): @bob',
      ),
    ).doc;
    const peopleInDocuments = countDocumentPeople([mine, other]);
    // @bob approves both; @alice owns this one and is `by` in the other's log.
    assert.deepEqual(cm016(VALID_NORMAL, { people: [], peopleInDocuments }), []);
    const alone = countDocumentPeople([mine]);
    assert.deepEqual(
      cm016(VALID_NORMAL, { people: [], peopleInDocuments: alone }).map((d) => String(d.message).split(' ')[0]),
      ['Change', 'Approver'],
    );
  });

  it('leaves teams and several owners to CM012', () => {
    assert.deepEqual(
      cm016(editLine(VALID_NORMAL, '- Change Owner', '- Change Owner: the platform team'), { people: ['@bob'] }),
      [],
    );
    assert.deepEqual(
      cm016(editLine(VALID_NORMAL, '- Change Owner', '- Change Owner: @x, @y'), { people: ['@bob'] }),
      [],
    );
  });
});
