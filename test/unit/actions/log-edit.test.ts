/**
 * Writing to the status log (core/actions/log-edit.ts, advance.ts): one entry appended where and
 * as the log is written, every other byte kept; a new log only when there is none.
 */
import { strict as assert } from 'node:assert';
import { advanceEdits, applyEdits } from '../../../server/src/core/actions/index';
import { NOW, VALID_NORMAL, check, doc, editLine } from '../../helpers/doc';

const OPTS = { author: '@carol', now: NOW };
const LOG = VALID_NORMAL.indexOf('## Status log');
const HEAD = editLine(VALID_NORMAL.slice(0, LOG), '- Status:', '- Status: Approved');

function advance(text: string, to: Parameters<typeof advanceEdits>[1], opts = OPTS): string {
  const a = doc(text);
  const edits = advanceEdits(a, to, opts);
  assert.ok(edits, `no advance to ${to}`);
  return applyEdits(a.md.lines, edits);
}

/** `text` with Status set to `to` and `line` inserted after the line `after` (the expected result of an advance). */
function expected(text: string, after: string, line: string, to = 'In Progress', eol = '\n'): string {
  const withStatus = text.replace(`- Status: Approved${eol}`, `- Status: ${to}${eol}`);
  const at = withStatus.indexOf(after) + after.length;
  return withStatus.slice(0, at) + eol + line + withStatus.slice(at);
}

describe('status log edits (advance)', () => {
  it('copies the prefix of the entries: bullet, indentation, task box', () => {
    const text = `${HEAD}## Status log\n\n * [x] 2026-11-26 10:02 UTC Planned by @alice\n * [x] 2026-11-27 09:15 UTC Approved by @bob\n`;
    assert.equal(
      advance(text, 'In Progress'),
      expected(text, '09:15 UTC Approved by @bob', ' * [x] 2026-11-28 12:00 UTC In Progress by @carol'),
    );
  });

  it('numbers an ordered log on', () => {
    const text = `${HEAD}## Status log\n\n9. 2026-11-26 10:02 UTC Planned by @alice\n10. 2026-11-27 09:15 UTC Approved by @bob\n`;
    assert.equal(
      advance(text, 'In Progress'),
      expected(text, '09:15 UTC Approved by @bob', '11. 2026-11-28 12:00 UTC In Progress by @carol'),
    );
  });

  it('keeps a loose log loose, and appends after the notes and sub-items of the last entry', () => {
    const loose = `${HEAD}## Status log\n\n- 2026-11-26 10:02 UTC Planned by @alice\n\n- 2026-11-27 09:15 UTC Approved by @bob\n  - in the CAB\n- Note: CAB asked for a smaller batch\n\nFree text after the log.\n`;
    const out = advance(loose, 'In Progress');
    assert.equal(out, expected(loose, 'smaller batch', '\n- 2026-11-28 12:00 UTC In Progress by @carol'));
  });

  it('appends after the last entry when comments separate the entries, and before a comment that follows them', () => {
    const text = `${HEAD}## Status log\n\n- 2026-11-26 10:02 UTC Planned by @alice\n<!-- executed in the Thursday window -->\n- 2026-11-27 09:15 UTC Approved by @bob\n<!-- end of log -->\n`;
    assert.equal(
      advance(text, 'In Progress'),
      expected(text, '09:15 UTC Approved by @bob', '- 2026-11-28 12:00 UTC In Progress by @carol'),
    );
  });

  it('keeps trailing spaces, CRLF and the BOM byte for byte', () => {
    const text =
      `\ufeff${HEAD}## Status log\n\n- 2026-11-26 10:02 UTC Planned by @alice  \n- 2026-11-27 09:15 UTC Approved by @bob   \n`.replace(
        /\n/g,
        '\r\n',
      );
    const out = advance(text, 'In Progress');
    assert.equal(
      out,
      expected(
        text,
        '09:15 UTC Approved by @bob   ',
        '- 2026-11-28 12:00 UTC In Progress by @carol',
        'In Progress',
        '\r\n',
      ),
    );
  });

  it('appends to a log with no final line break without adding one', () => {
    const text = `${HEAD}## Status log\n\n- 2026-11-26 10:02 UTC Planned by @alice\n- 2026-11-27 09:15 UTC Approved by @bob`;
    assert.equal(
      advance(text, 'In Progress'),
      `${text.replace('- Status: Approved', '- Status: In Progress')}\n- 2026-11-28 12:00 UTC In Progress by @carol`,
    );
  });

  it('writes into a log section without a list, after its content and a blank line', () => {
    const planned = editLine(HEAD, '- Status:', '- Status: Planned');
    const text = `${planned}Status log\n----------\n\n<!-- one line per transition -->\n\n## Follow-ups\n\n- none\n`;
    const out = advance(text, 'Approved');
    assert.ok(
      out.includes(
        '<!-- one line per transition -->\n\n- YYYY-MM-DD HH:MM UTC Planned by ...\n- 2026-11-28 12:00 UTC Approved by @carol\n\n## Follow-ups',
      ),
      out,
    );
    assert.equal(out.match(/Status log/g)!.length, 1);
  });

  it('never writes a second log: an advance of a document whose log is a `### Log` under another section appends there', () => {
    const text = `${HEAD}## History\n\n### Log\n\n- 2026-11-26 10:02 UTC: Planned by @alice\n- 2026-11-27 09:15 UTC: Approved by @bob\n\n## Follow-ups\n\n- none\n`;
    const out = advance(text, 'In Progress');
    assert.equal(out, expected(text, '09:15 UTC: Approved by @bob', '- 2026-11-28 12:00 UTC In Progress by @carol'));
    assert.deepEqual(
      check(out).map((d) => d.code),
      [],
    );
  });

  it('keeps the comment under the Status item and emphasis around its value', () => {
    const text = editLine(
      VALID_NORMAL,
      '- Status:',
      '- Status: **Approved** <!-- Planned | Approved -->\n  <!-- YYYY-MM-DD HH:MM UTC, duration -->',
    );
    const out = advance(text, 'In Progress');
    assert.ok(
      out.includes(
        '- Status: **In Progress** <!-- Planned | Approved -->\n  <!-- YYYY-MM-DD HH:MM UTC, duration -->\n',
      ),
      out,
    );
  });

  it('inserts a missing Outcome item after the item it follows, keeping that line as it was', () => {
    const inProgress = editLine(VALID_NORMAL, '- Status:', '- Status: Verifying')
      .replace(
        '- Approval (if required): @bob, 2026-11-27',
        '- Approval (if required): @bob, 2026-11-27   \n  <!-- one person -->',
      )
      .replace(
        'Approved by @bob\n',
        'Approved by @bob\n- 2026-11-28 09:00 UTC In Progress by @alice\n- 2026-11-28 10:00 UTC Verifying by @alice\n',
      );
    const out = advance(inProgress, 'Closed', { ...OPTS, note: 'verified' } as typeof OPTS);
    assert.ok(
      out.includes('- Approval (if required): @bob, 2026-11-27   \n  <!-- one person -->\n- Outcome: verified\n'),
      out,
    );
  });
});
