import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/core/features/index';
import type { WorkspaceFacts } from '../../../server/src/core/features/index';
import { applyEdits } from '../../../server/src/core/actions/index';
import { NOW, VALID_NORMAL, doc, editLine } from '../../helpers/doc';

const FACTS: WorkspaceFacts = {
  services: ['checkout', 'Search', 'payments-api'],
  people: [],
  incidents: [],
  catalogServices: ['billing', 'payments-api', 'search'],
};

/** Completions at the end of the Affected services line written as `line`. */
function servicesAt(
  line: string,
  facts: WorkspaceFacts = FACTS,
): { items: CompletionItem[]; text: string; line: number } {
  const text = editLine(VALID_NORMAL, '- Affected services:', line);
  const n = text.split('\n').findIndex((l) => l.startsWith('- Affected services:'));
  return {
    items: complete(doc(text), { line: n, character: line.length }, { facts, author: '@carol', now: NOW }),
    text,
    line: n,
  };
}

describe('completion of Affected services from the catalog (core/features)', () => {
  it('offers catalog services first, then services only other changes name, each name once', () => {
    const { items } = servicesAt('- Affected services: ');
    assert.deepEqual(
      items.map((i) => i.label),
      ['billing', 'payments-api', 'search', 'checkout'],
    );
    assert.deepEqual(
      items.map((i) => i.detail),
      ['service in the catalog', 'service in the catalog', 'service in the catalog', 'service in other changes'],
    );
  });

  it('after a comma, offers only the services not yet written and inserts just the element', () => {
    const r = servicesAt('- Affected services: payments-api,');
    assert.deepEqual(
      r.items.map((i) => i.label),
      ['billing', 'search', 'checkout'],
    );
    const item = r.items.find((i) => i.label === 'billing')!;
    assert.ok(item.textEdit && 'range' in item.textEdit);
    const out = applyEdits(doc(r.text).md.lines, [item.textEdit]);
    assert.equal(out.split('\n')[r.line], '- Affected services: payments-api, billing');
  });

  it('without catalog facts, offers the services of other changes as before', () => {
    const { items } = servicesAt('- Affected services: ', {
      services: ['checkout', 'search'],
      people: [],
      incidents: [],
    });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['checkout', 'service in other changes'],
        ['search', 'service in other changes'],
      ],
    );
  });
});
