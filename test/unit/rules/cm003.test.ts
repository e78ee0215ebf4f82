import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, expectNone, expectOne, lineRange, rangeIn, withLine, withLog, msg, type Failing } from './support';

/** A document on which CM003 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Risk level', '- Risk level: Severe') };

describe('CM003 value-invalid', () => {
  it('does not fire on valid values, in any case', () => {
    expectNone(VALID_NORMAL, 'CM003');
    let text = withLine('- Change type', '- Change type: normal');
    text = withLine('- Risk level', '- Risk level: HIGH', text);
    text = withLine('- Status', '- Status: approved', text);
    text = withLine('- Approval', '- Approval (if required): @bob\n- Touches: Security, DATA INTEGRITY', text);
    expectNone(text, 'CM003');
    expectNone(withLine('- Risk level', '- Risk level: **High**'), 'CM003');
  });

  it('fires on an unknown Change type, on the value, with a did-you-mean replaceValue fix', () => {
    const text = withLine('- Change type', '- Change type: Norml');
    const d = expectOne(text, 'CM003', {
      severity: ERROR,
      range: rangeIn(text, '- Change type', 'Norml'),
      words: ['"Norml"', 'Change type', 'Standard, Normal, Emergency', 'Did you mean "Normal"'],
      fix: 'replaceValue',
    });
    assert.equal((d.data as { suggestion: string }).suggestion, 'Normal');
  });

  it('fires on an unknown Risk level and Status', () => {
    const risk = withLine('- Risk level', '- Risk level: Critical');
    const d = expectOne(risk, 'CM003', {
      severity: ERROR,
      range: rangeIn(risk, '- Risk level', 'Critical'),
      words: ['Risk level', 'Low, Medium, High'],
    });
    assert.equal((d.data as { suggestion?: string }).suggestion, undefined, 'no suggestion when nothing is close');
    const status = withLine('- Status', '- Status: Done');
    expectOne(status, 'CM003', {
      severity: ERROR,
      range: rangeIn(status, '- Status', 'Done'),
      words: ['Status', 'Planned', 'Closed'],
    });
    const typo = withLine('- Status', '- Status: In Progres');
    assert.match(msg(codes(typo, 'CM003')[0]!), /Did you mean "In Progress"/);
  });

  it('fires once per Touches value outside the list', () => {
    const text = withLine('- Approval', '- Approval (if required): @bob\n- Touches: security, performance, billing');
    const ds = codes(text, 'CM003');
    assert.deepEqual(
      ds.map((d) => msg(d).match(/^"([^"]+)"/)?.[1]),
      ['performance', 'billing'],
    );
    assert.deepEqual(ds[0]!.range, rangeIn(text, '- Touches', 'security, performance, billing'));
  });

  it('does not judge placeholders (CM002 reports them) or duplicates (CM004 reports them)', () => {
    expectNone(withLine('- Risk level', '- Risk level: TBD'), 'CM003');
    expectNone(withLine('- Risk level', '- Risk level: High\n- Risk: Extreme'), 'CM003');
    expectNone(withLine('- Approval', '- Approval (if required): @bob\n- Touches: none'), 'CM003');
  });

  it('fires on a status log entry that names no status', () => {
    const text = withLog('Approved', [
      '2026-11-26 10:02 UTC Planned by @alice',
      '2026-11-27 09:15 UTC Aproved by @bob',
    ]);
    expectOne(text, 'CM003', {
      severity: ERROR,
      range: lineRange(text, '- 2026-11-27'),
      words: ['"Aproved"', 'not a status', 'Did you mean "Approved"'],
    });
  });
});
