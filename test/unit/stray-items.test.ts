/**
 * Messages that point at the cause (SPEC section 8): when markdown puts a header item outside the
 * header, the missing-field diagnostic names its line and the markdown that did it.
 */
import { strict as assert } from 'node:assert';
import { VALID_NORMAL, codes, doc, editLine } from '../helpers/doc';

const without = (prefix: string) => editLine(VALID_NORMAL, prefix, null);
const message = (text: string, code: string) =>
  codes(text, code)
    .map((d) => d.message)
    .join(' | ');

describe('header items that markdown reads outside the header', () => {
  it('after a paragraph: names the line that ends the header list', () => {
    const text = without('- Risk level:').replace(
      '- Approval (if required): @bob, 2026-11-27\n',
      '- Approval (if required): @bob, 2026-11-27\n\nRisk was reviewed in the sync.\n\n- Risk level: High\n',
    );
    assert.match(
      message(text, 'CM002'),
      /Required field "Risk level" is missing\. Line 15 has "Risk level:", but markdown starts a new list there, because the text on line 13 ends the header list; move it into the header list\./,
    );
    assert.deepEqual(
      doc(text).doc.header!.stray.map((s) => [s.key, s.line]),
      [['risk', 14]],
    );
  });

  it('after a heading, an HTML block or a numbered list', () => {
    const afterH1 = without('- Status:').replace(
      '## Rollback plan',
      '# Title again\n\n- Status: Approved\n\n## Rollback plan',
    );
    assert.match(message(afterH1, 'CM002'), /the heading on line \d+ ends the header list/);
    const afterHtml = without('- Verification plan:').replace(
      '## Rollback plan',
      '<details>\n\n- Verification plan: dashboards\n\n## Rollback plan',
    );
    assert.match(
      message(afterHtml, 'CM011'),
      /No verification plan\. Line 15 has "Verification plan:", but markdown starts a new list there, because the HTML on line 13 ends the header list/,
    );
    const numbered = without('- Risk level:').replace('## Rollback plan', '1. Risk level: High\n\n## Rollback plan');
    assert.match(message(numbered, 'CM002'), /it is a numbered item and the header is a bullet list/);
  });

  it('indented under another item, or written without its bullet', () => {
    const nested = without('- Change Owner:').replace(
      '- Affected services: payments-db, payments-api',
      '- Affected services: payments-db, payments-api\n  - Change Owner: @alice',
    );
    assert.match(
      message(nested, 'CM012'),
      /No Change Owner\. Line 5 has "Change Owner:", but it is indented under "Affected services" \(line 4\)/,
    );
    const bare = without('- Expected user impact:').replace(
      '- Verification plan: error rate < 0.1% and p99 < 300 ms on payments-api for 30 min',
      '- Verification plan: error rate < 0.1% and p99 < 300 ms on payments-api for 30 min\nExpected user impact: none',
    );
    assert.match(message(bare, 'CM013'), /it has no bullet, so markdown reads it as part of "Verification plan"/);
  });

  it('commented out after the header', () => {
    const commented = without('- Rollback plan:').replace(
      '## Rollback plan\n\n1. Point payments-api back at the old primary.\n2. Confirm replication lag is zero.\n',
      '<!--\n- Rollback plan: redeploy\n-->\n',
    );
    assert.match(
      message(commented, 'CM010'),
      /No rollback plan\. Line 14 has "Rollback plan:", but it is commented out \(inside an HTML comment\); take it out of the comment\./,
    );
  });

  it('indented into code after a blank line', () => {
    const code = without('- Planned execution time:').replace(
      '## Rollback plan',
      'The window:\n\n    - Planned execution time: 2026-12-01 14:00 UTC\n\n## Rollback plan',
    );
    assert.match(
      message(code, 'CM015'),
      /Line 15 has "Planned execution time:", but markdown reads it as code \(it is indented 4 spaces or more, or inside a fence\)/,
    );
    // Under the last item, the same indentation nests it there instead, and the message says so.
    const nested = without('- Planned execution time:').replace(
      '## Rollback plan',
      '    - Planned execution time: 2026-12-01 14:00 UTC\n\n## Rollback plan',
    );
    assert.match(message(nested, 'CM015'), /indented under "Approval \(if required\)"/);
  });

  it('says nothing more when no such item exists', () => {
    assert.equal(
      message(without('- Risk level:'), 'CM002'),
      'Required field "Risk level" is missing. Add `- Risk level: ...` to the header.',
    );
  });
});
