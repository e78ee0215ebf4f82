/**
 * Custom fields (`.itsmote.json` `extraFields`, SPEC section 8): validated name by name, never
 * CM006, offered in completion, explained in hover, and carried by summaries as the config
 * writes them; CM006's did-you-mean still applies to everything else.
 */
import { strict as assert } from 'node:assert';
import { parseConfig } from '../../server/src/core/config';
import { complete, hover } from '../../server/src/core/features/index';
import { summarize } from '../../server/src/core/summary';
import { NOW, VALID_NORMAL, codes, doc, editLine } from '../helpers/doc';

const WITH_CUSTOM = editLine(
  VALID_NORMAL,
  '- Approval',
  '- Approval (if required): @bob, 2026-11-27\n- JIRA: OPS-1234\n- **Reviewers:** @a, @b\n- Jria: OPS-9',
);
const extra = (names: string[]) => parseConfig(JSON.stringify({ extraFields: names })).config;
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix));

describe('custom fields (extraFields)', () => {
  it('are read name by name: bad entries are named, known field names refused, the rest applies', () => {
    const { config, errors } = parseConfig(
      JSON.stringify({ extraFields: ['Jira', ' Reviewers ', 'jira', '', 'Owner', 'Status', 'a:b', 7, 'PR'] }),
    );
    assert.deepEqual(config.extraFields, ['Jira', 'Reviewers', 'PR']);
    assert.deepEqual(
      errors.map((e) => e.path),
      ['extraFields.3', 'extraFields.4', 'extraFields.5', 'extraFields.6', 'extraFields.7'],
    );
    assert.match(errors[1]!.message, /"Owner" is already a known field \(an alias of Change Owner\)/);
    assert.match(errors[2]!.message, /"Status" is already a known field;/);
    assert.match(errors[3]!.message, /colon/);
    assert.deepEqual(
      parseConfig(JSON.stringify({ extraFields: 'Jira' })).errors.map((e) => e.path),
      ['extraFields'],
    );
    assert.deepEqual(parseConfig('{}').config.extraFields, []);
  });

  it('are never CM006 (any case, bold names), while a misspelling of one gets a did-you-mean', () => {
    assert.equal(codes(WITH_CUSTOM, 'CM006').length, 3);
    const ds = codes(WITH_CUSTOM, 'CM006', extra(['Jira', 'Reviewers']));
    assert.equal(ds.length, 1);
    assert.match(String(ds[0]!.message), /Unknown header field "Jria"\. Did you mean "Jira"\?/);
    assert.deepEqual(ds[0]!.data, { rule: 'CM006', fix: 'renameField', name: 'Jria', suggestion: 'Jira' });
    // Without a colon, a custom field's name asks for the colon, like a known field's.
    const noColon = codes(
      editLine(VALID_NORMAL, '- Approval', '- Approval (if required): @bob, 2026-11-27\n- Jira'),
      'CM006',
      extra(['Jira']),
    );
    assert.match(String(noColon[0]!.message), /"Jira" has no colon/);
  });

  it('are offered in completion (not again once written), and explained in hover', () => {
    const text = editLine(WITH_CUSTOM, '- Jria', '- Re');
    const items = complete(
      doc(text),
      { line: lineOf(text, '- Re'), character: 4 },
      {
        facts: { services: [], people: [], incidents: [] },
        author: '@c',
        now: NOW,
        extraFields: ['Jira', 'Reviewers', 'PR'],
      },
    );
    const byLabel = new Map(items.map((i) => [i.label, i]));
    assert.equal(byLabel.has('Reviewers'), false, 'already in the header: not offered again');
    assert.equal(byLabel.get('PR')?.detail, 'custom field');
    assert.deepEqual(
      byLabel.get('PR')?.textEdit && 'newText' in byLabel.get('PR')!.textEdit!
        ? byLabel.get('PR')!.textEdit!.newText
        : undefined,
      'PR: ',
    );
    const h = hover(doc(WITH_CUSTOM), { line: lineOf(WITH_CUSTOM, '- JIRA'), character: 3 }, [], {
      extraFields: ['Jira'],
    });
    assert.match(
      h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '',
      /^\*\*Jira\*\*\n\nA custom field of this repository/,
    );
    assert.equal(hover(doc(WITH_CUSTOM), { line: lineOf(WITH_CUSTOM, '- JIRA'), character: 3 }), undefined);
  });

  it('are carried by summaries (list, sidebar tooltip), named as the config writes them, values as written', () => {
    assert.deepEqual(summarize(doc(WITH_CUSTOM).doc, [], ['Jira', 'Reviewers']).fields, [
      { name: 'Jira', value: 'OPS-1234' },
      { name: 'Reviewers', value: '@a, @b' },
    ]);
    assert.equal(summarize(doc(WITH_CUSTOM).doc).fields, undefined);
  });
});
