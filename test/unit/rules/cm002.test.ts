import { strict as assert } from 'node:assert';
import { check, codes, VALID_NORMAL } from '../../helpers/doc';
import {
  bulletOf,
  ERROR,
  expectNone,
  expectOne,
  missingAnchor,
  lineRange,
  withLine,
  withLog,
  type Failing,
} from './support';

/** A document on which CM002 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Affected services', null) };

describe('CM002 field-missing', () => {
  it('does not fire on a complete change', () => expectNone(VALID_NORMAL, 'CM002'));

  for (const [prefix, name] of [
    ['- Change type', 'Change type'],
    ['- Affected services', 'Affected services'],
    ['- Risk level', 'Risk level'],
    ['- Status', 'Status'],
  ] as const) {
    it(`fires on the header's first line when ${name} is absent, with an insertField fix`, () => {
      const text =
        prefix === '- Change type'
          ? withLine(prefix, null).replace('- Change Owner', '- Change Owner')
          : withLine(prefix, null);
      const first = prefix === '- Change type' ? bulletOf(text, '- Change Owner') : missingAnchor(text);
      const d = expectOne(text, 'CM002', {
        severity: ERROR,
        range: first,
        words: [`"${name}"`, 'missing'],
        fix: 'insertField',
      });
      assert.equal((d.data as { name: string }).name, name);
    });
  }

  it('fires on the item itself when the value is a placeholder, with a fillValue fix', () => {
    for (const v of ['TBD', 'tbd', 'TODO: later', 'N/A', 'None', '-', '?', '...', '']) {
      const text = withLine('- Risk level', `- Risk level: ${v}`);
      const words =
        v === ''
          ? ['Required field "Risk level" has no value. Fill it in.']
          : [`Required field "Risk level" has a placeholder ("${v}") instead of a value. Fill it in.`];
      expectOne(text, 'CM002', { severity: ERROR, range: lineRange(text, '- Risk level'), words, fix: 'fillValue' });
    }
  });

  it('treats `TBD - ask the DBA` as missing whatever follows TBD', () => {
    const text = withLine('- Affected services', '- Affected services: TBD - ask the DBA');
    expectOne(text, 'CM002', {
      severity: ERROR,
      range: lineRange(text, '- Affected services'),
      words: ['Affected services'],
    });
  });

  it('accepts aliases: Type, Services, Risk', () => {
    let text = withLine('- Change type', '- Type: Normal');
    text = withLine('- Affected services', '- Services: payments-db', text);
    text = withLine('- Risk level', '- Risk: High', text);
    expectNone(text, 'CM002');
  });

  it('matches names case-insensitively and with runs of spaces collapsed', () => {
    expectNone(withLine('- Risk level', '- RISK   LEVEL: High'), 'CM002');
  });

  it('wants a title: an H1 or a Title field', () => {
    const noH1 = VALID_NORMAL.replace('# Upgrade payments-db to PostgreSQL 16\n\n', '');
    expectOne(noH1, 'CM002', { severity: ERROR, range: missingAnchor(noH1), words: ['Title', 'heading'] });
    expectNone(noH1.replace('- Change type', '- Title: Upgrade payments-db\n- Change type'), 'CM002');
    const placeholder = noH1.replace('- Change type', '- Title: TBD\n- Change type');
    expectOne(placeholder, 'CM002', { severity: ERROR, range: lineRange(placeholder, '- Title'), fix: 'fillValue' });
  });

  it('does not let a `## Status` section stand in for a structured field (only free-text fields may be sections)', () => {
    const text = withLine('- Status', null) + '\n## Status\n\nApproved\n';
    expectOne(text, 'CM002', { severity: ERROR, range: missingAnchor(text), words: ['Status'] });
  });

  describe('Approval', () => {
    const noApproval = withLine('- Approval', null);
    it('fires at Status Approved when approval is required and there is no evidence', () => {
      const text = withLog(
        'Approved',
        ['2026-11-26 10:02 UTC Planned by @alice', '2026-11-27 09:15 UTC Approved'],
        noApproval,
      );
      // An Approved log entry without `by` is evidence: no CM002.
      expectNone(text, 'CM002');
      const noEvidence = withLine(
        '- Status',
        '- Status: Approved',
        noApproval.slice(0, noApproval.indexOf('## Status log')),
      );
      const d = expectOne(noEvidence, 'CM002', {
        severity: ERROR,
        range: missingAnchor(noEvidence),
        words: ['Approval (if required)', 'approver'],
        fix: 'insertField',
      });
      assert.equal((d.data as { field: string }).field, 'approval');
    });
    it('reports a placeholder Approval on its item', () => {
      const text = withLine('- Approval', '- Approval (if required): TBD')
        .replace('- 2026-11-27 09:15 UTC Approved by @bob\n', '')
        .replace('Status: Approved', 'Status: Approved');
      const noApprovedEntry = withLog('Approved', ['2026-11-26 10:02 UTC Planned by @alice'], text);
      // the log now ends at Planned (CM031 is another rule's business)
      expectOne(noApprovedEntry, 'CM002', {
        severity: ERROR,
        range: lineRange(noApprovedEntry, '- Approval'),
        fix: 'fillValue',
      });
    });
    it('does not fire at In Progress or later (CM020 reports it), nor for Rejected, Standard or Emergency', () => {
      const base = noApproval.slice(0, noApproval.indexOf('## Status log'));
      expectNone(withLine('- Status', '- Status: In Progress', base), 'CM002');
      expectNone(withLine('- Status', '- Status: Rejected', base), 'CM002');
      const std = withLine(
        '- Risk level',
        '- Risk level: Low',
        withLine('- Change type', '- Change type: Standard', base),
      );
      expectNone(std, 'CM002');
      expectNone(withLine('- Change type', '- Change type: Emergency', base) + '- Incident: INC-1\n', 'CM002');
    });
    it('fires for a Standard change that touches security', () => {
      const base = noApproval.slice(0, noApproval.indexOf('## Status log'));
      const std = withLine(
        '- Risk level',
        '- Risk level: Low\n- Touches: Security',
        withLine('- Change type', '- Change type: Standard', base),
      );
      assert.equal(codes(std, 'CM002').length, 1);
    });
    it('is skipped when the Change type is invalid (only CM003 reports that)', () => {
      const base = noApproval.slice(0, noApproval.indexOf('## Status log'));
      const text = withLine('- Change type', '- Change type: Norml', base);
      expectNone(text, 'CM002');
      assert.deepEqual(
        check(text)
          .map((d) => d.code)
          .filter((c) => c !== 'CM037'),
        ['CM003'],
      );
    });
  });
});
