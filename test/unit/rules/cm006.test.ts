import { strict as assert } from 'node:assert';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import { expectNone, expectOne, INFORMATION, rangeIn, withLine, msg, type Failing } from './support';

/** A document on which CM006 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Status', '- Status: Approved\n- Rollbak plan: x') };

describe('CM006 field-unknown', () => {
  it('does not fire on known fields, aliases and Summary', () => {
    expectNone(VALID_NORMAL, 'CM006');
    expectNone(
      withLine(
        '- Risk level',
        '- Risk: High\n- Summary: upgrade\n- Change summary: x\n- Linked incident: INC-1\n- Incidents caused: INC-2',
      ),
      'CM006',
    );
  });

  it('fires on a misspelt name with a did-you-mean renameField fix', () => {
    const text = withLine('- Rollback plan', '- Rollbak plan: see below');
    const d = expectOne(text, 'CM006', {
      severity: INFORMATION,
      range: rangeIn(text, '- Rollbak', 'Rollbak plan'),
      words: ['Unknown header field "Rollbak plan"', 'Did you mean "Rollback plan"'],
      fix: 'renameField',
    });
    assert.equal((d.data as { suggestion: string }).suggestion, 'Rollback plan');
  });

  it('offers a field for a prefix of at least three characters', () => {
    const text = withLine('- Risk level', '- Risk level: High\n- Verif: dashboards');
    assert.match(msg(codes(text, 'CM006')[0]!), /Did you mean "Verification/);
  });

  it('fires without a fix when no name is close, listing the known fields', () => {
    const text = withLine('- Risk level', '- Risk level: High\n- Pager rotation: primary');
    const d = expectOne(text, 'CM006', {
      severity: INFORMATION,
      range: rangeIn(text, '- Pager', 'Pager rotation'),
      words: ['not checked', 'Known fields'],
    });
    assert.equal((d.data as { fix?: string }).fix, undefined);
  });

  it("suggests each config's names, document after document (answers are remembered per name list)", () => {
    const text = withLine('- Risk level', '- Risk level: High\n- Pager rotaton: primary');
    const custom = { extraFields: ['Pager rotation'] };
    for (let round = 0; round < 2; round++) {
      assert.match(msg(codes(text, 'CM006', custom)[0]!), /Did you mean "Pager rotation"/);
      assert.match(msg(codes(text, 'CM006')[0]!), /not checked\. Known fields: Title, /);
      assert.match(msg(codes(text, 'CM006', { extraFields: ['Pager duty'] })[0]!), /custom fields: Pager duty/);
    }
  });

  it('fires on an item without a colon only when its text is close to a field name', () => {
    const close = withLine('- Risk level', '- Risk level: High\n- Rollbak plan');
    expectOne(close, 'CM006', {
      severity: INFORMATION,
      range: rangeIn(close, '- Rollbak', 'Rollbak plan'),
      words: ['Did you mean "Rollback plan"'],
    });
    const exact = withLine('- Risk level', '- Risk level: High\n- Outcome');
    expectOne(exact, 'CM006', {
      severity: INFORMATION,
      range: rangeIn(exact, '- Outcome', 'Outcome'),
      words: ['no colon'],
      fix: 'renameField',
    });
    expectNone(withLine('- Risk level', '- Risk level: High\n- remember to ping support first'), 'CM006');
  });

  it('reads URLs as values, not names', () => {
    expectNone(withLine('- Risk level', '- Risk level: High\n- https://example.com/runbook'), 'CM006');
  });
});

describe('CM006 on a forgotten colon', () => {
  it('fires without a fix when a field name is followed by a value only that field takes', () => {
    for (const [line, write] of [
      ['- Change type Normal', 'Change type: Normal'],
      ['- risk High', 'risk: High'],
      ['- Status in progress', 'Status: in progress'],
      ['- Owner @alice', 'Owner: @alice'],
    ] as const) {
      const text = withLine('- Risk level', `- Risk level: High\n${line}`);
      const d = expectOne(text, 'CM006', {
        severity: INFORMATION,
        range: rangeIn(text, line, line.slice(2)),
        words: ['has no colon', write],
        fix: null,
      });
      assert.ok(d);
    }
  });

  it('leaves prose that merely starts with a field name alone', () => {
    for (const line of [
      '- Status of the migration is tracked in JIRA',
      '- Impact on users is minimal',
      '- Owner is on holiday next week',
    ]) {
      expectNone(withLine('- Risk level', `- Risk level: High\n${line}`), 'CM006');
    }
  });
});
