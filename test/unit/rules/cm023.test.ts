import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import {
  ERROR,
  expectNone,
  expectOne,
  missingAnchor,
  lineRange,
  VALID_EMERGENCY,
  withLine,
  type Failing,
} from './support';

/** A document on which CM023 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Incident', null, VALID_EMERGENCY) };

describe('CM023 incident-missing', () => {
  it('does not fire on an Emergency change with an incident (or the alias), nor on other types', () => {
    expectNone(VALID_EMERGENCY, 'CM023');
    expectNone(withLine('- Incident', '- Linked incident: INC-1, INC-2', VALID_EMERGENCY), 'CM023');
    expectNone(withLine('- Incident', '- Incident: the checkout outage (no ticket yet)', VALID_EMERGENCY), 'CM023');
    expectNone(VALID_NORMAL, 'CM023');
  });

  it('fires on the header first line with insertField when absent', () => {
    const text = withLine('- Incident', null, VALID_EMERGENCY);
    const d = expectOne(text, 'CM023', {
      severity: ERROR,
      range: missingAnchor(text),
      words: ['Emergency change must link the incident', 'INC-1234'],
      fix: 'insertField',
    });
    assert.equal((d.data as { field: string }).field, 'incident');
  });

  it('fires on the item with fillValue for a placeholder', () => {
    for (const v of ['TBD', 'none', 'n/a']) {
      const text = withLine('- Incident', `- Incident: ${v}`, VALID_EMERGENCY);
      expectOne(text, 'CM023', { severity: ERROR, range: lineRange(text, '- Incident'), fix: 'fillValue' });
    }
  });

  it('stays an error while the Emergency change is open (it is not "documented after")', () => {
    assert.equal(codes(withLine('- Incident', null, VALID_EMERGENCY), 'CM023')[0]!.severity, ERROR);
  });
});
