import { strict as assert } from 'node:assert';
import { check, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, expectNone, expectOne, type Failing } from './support';

const LINE_ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A document on which CM001 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: '# Nothing here\n' };

describe('CM001 header-missing', () => {
  it('does not fire when the document has a header list', () => {
    expectNone(VALID_NORMAL, 'CM001');
    expectNone('- Change type: Normal\n', 'CM001');
  });

  it('fires at line 0 on a document with no list at all, with the template fix', () => {
    expectOne('# Upgrade the database\n\nWe will upgrade it.\n', 'CM001', {
      severity: ERROR,
      range: LINE_ZERO,
      words: ['no header list', 'Change type'],
      fix: 'insertTemplate',
    });
  });

  it('fires alone: no field rules pile up on a headerless document', () => {
    const text =
      '# T\n\nSome prose.\n\n## Status log\n\n- 2026-11-26 10:02 UTC In Progress by @alice\n- 2026-11-26 09:00 UTC Closed\n';
    assert.deepEqual(
      check(text).map((d) => d.code),
      ['CM001'],
    );
  });

  it('fires when the only bullet list comes after the first ## heading', () => {
    expectOne('# T\n\n## Notes\n\n- Change type: Normal\n- Status: Planned\n', 'CM001', {
      severity: ERROR,
      range: LINE_ZERO,
    });
  });

  it('fires for an ordered list (the header is a bullet list) and for an empty file', () => {
    expectOne('1. Change type: Normal\n2. Status: Planned\n', 'CM001', { severity: ERROR, range: LINE_ZERO });
    expectOne('', 'CM001', { severity: ERROR, range: LINE_ZERO });
  });

  it('does not read a `- Status: x` line inside a fenced code block as a header', () => {
    expectOne('# T\n\n```\n- Change type: Normal\n- Status: x\n```\n', 'CM001', { severity: ERROR, range: LINE_ZERO });
  });

  it('can be set to warning or turned off', () => {
    const text = '# T\n';
    assert.equal(check(text, { severities: { CM001: 'warning' } })[0]!.severity, 2);
    assert.deepEqual(check(text, { severities: { CM001: 'off' } }), []);
  });
});
