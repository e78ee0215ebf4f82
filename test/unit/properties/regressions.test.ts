/**
 * Counterexamples the property suite found, minimised by fast-check and kept as plain tests so
 * that they are checked whatever the seed.
 */
import { strict as assert } from 'node:assert';
import { advanceEdits, advanceTargets } from '../../../server/src/core/actions/index';
import { NOW, VALID_NORMAL, check, doc, editLine } from '../../helpers/doc';
import { advanceIsConsistent, fixAllIdempotent, actionsApplyCleanly, rangesInside } from './checks';

const OPTS = { author: '@fuzzer', now: NOW };
const LOG = VALID_NORMAL.indexOf('## Status log');

describe('property counterexamples (regressions)', () => {
  it('a Planned change with no status log advances to Approved without a CM030 first entry', () => {
    const planned = editLine(VALID_NORMAL.slice(0, LOG), '- Status:', '- Status: Planned');
    advanceIsConsistent(planned, OPTS);
    const edits = advanceEdits(doc(planned), 'Approved', OPTS)!;
    assert.ok(
      edits.some((e) =>
        /- YYYY-MM-DD HH:MM UTC Planned by \.\.\.\n- 2026-11-28 12:00 UTC Approved by @fuzzer/.test(e.newText),
      ),
      JSON.stringify(edits),
    );
    assert.ok(!edits.some((e) => /Planned by @fuzzer/.test(e.newText)), 'an invented Planned entry');
  });

  it('a change whose log is under a second "## Status log" heading is not advanced from an empty first log', () => {
    const twice = editLine(
      editLine(VALID_NORMAL, '- Status:', '- Status: In Progress'),
      '## Status log',
      '## Status log\n## Status log',
    ).replace(
      '- 2026-11-27 09:15 UTC Approved by @bob',
      '- 2026-11-27 09:15 UTC Approved by @bob\n- 2026-11-28 10:00 UTC In Progress by @alice',
    );
    assert.deepEqual(advanceTargets(doc(twice)), []);
    advanceIsConsistent(twice, OPTS);
  });

  it('refuses to advance when the document ends inside an unclosed code fence or comment (the new log would be swallowed)', () => {
    for (const tail of ['```\n', '~~~\n', '<!--\n']) {
      const text = `- 2026-11-26 10:02 UTC Planned by @alice\n${tail}`;
      assert.deepEqual(advanceTargets(doc(text)), ['Planned']);
      assert.equal(advanceEdits(doc(text), 'Planned', OPTS), undefined);
      advanceIsConsistent(text, OPTS);
    }
    // The same document with the fence closed advances normally.
    const closed = `- 2026-11-26 10:02 UTC Planned by @alice\n\`\`\`\n\`\`\`\n`;
    assert.ok(advanceEdits(doc(closed), 'Planned', OPTS));
    assert.ok(!check(closed).some((d) => d.code === 'CM030'));
  });

  it('appends right after the last entry when a heading indented less than a tab bullet ends the log', () => {
    const text = editLine(VALID_NORMAL, '- Status:', '- Status: Rejected').replace(
      /## Status log\n\n[^]*$/,
      '## Status log\n\n-\t2026-11-23 09:00 UTC Planned by @kofi\n  ## Rollback plan\n- 2026-11-25 17:10 UTC Rejected by @dana: not tested\n',
    );
    assert.ok(advanceTargets(doc(text)).includes('Rejected'));
    const edits = advanceEdits(doc(text), 'Rejected', OPTS)!;
    assert.equal(edits[1]!.newText, '\n-\t2026-11-28 12:00 UTC Rejected by @fuzzer');
    assert.equal(edits[1]!.range.start.line, text.split('\n').indexOf('-\t2026-11-23 09:00 UTC Planned by @kofi'));
    advanceIsConsistent(text, OPTS);
  });

  it('refuses an advance whose new log list would swallow an indented heading and the entries after it', () => {
    // The log section ends at an indented `## Rollback plan`; a list written into the empty log
    // would take that heading (and the unreadable line after it) as its own content.
    const text =
      editLine(VALID_NORMAL.slice(0, LOG), '- Status:', '- Status: Planned') +
      '## Status log\n  ## Rollback plan\n\n- 2026-11-26 15: Standard';
    assert.deepEqual(advanceTargets(doc(text)), ['Approved', 'Rejected', 'In Progress']);
    assert.equal(advanceEdits(doc(text), 'Approved', OPTS), undefined);
    advanceIsConsistent(text, OPTS);
    // With a blank line before the next heading the same log is written, a blank line kept after it.
    const spaced = text.replace('## Status log\n  ## Rollback plan', '## Status log\n\n## Rollback plan');
    const edits = advanceEdits(doc(spaced), 'Approved', OPTS)!;
    assert.equal(
      edits[edits.length - 1]!.newText,
      '\n\n- YYYY-MM-DD HH:MM UTC Planned by ...\n- 2026-11-28 12:00 UTC Approved by @fuzzer',
    );
  });

  it('writes a note or author with line breaks on one line (no injected entries or items)', () => {
    const inProgress = editLine(VALID_NORMAL, '- Status:', '- Status: In Progress').replace(
      '- 2026-11-27 09:15 UTC Approved by @bob',
      '- 2026-11-27 09:15 UTC Approved by @bob\n- 2026-11-28 10:00 UTC In Progress by @alice',
    );
    const opts = { author: '@a\n- Status: Closed', now: NOW, note: 'x\n- 2026-12-01 10:00 UTC Closed by @evil' };
    const edits = advanceEdits(doc(inProgress), 'Rolled Back', opts)!;
    assert.ok(
      edits.some((e) =>
        e.newText.endsWith('Rolled Back by @a - Status: Closed: x - 2026-12-01 10:00 UTC Closed by @evil'),
      ),
      JSON.stringify(edits),
    );
    advanceIsConsistent(inProgress, opts);
  });

  it('survives hostile unicode, mixed line endings and a huge line in every property', () => {
    const hostile = `\uFEFF# T\u202Eitle 😀\r- Change type: Normal\r\n- Status: Pl\u0301anned\n- Owner: @\uD800\n${'x'.repeat(50_000)}\r\n## Status log\r- 2026-11-26 10:02 UTC Planned by @a\u200F`;
    rangesInside(hostile);
    actionsApplyCleanly(hostile, OPTS);
    advanceIsConsistent(hostile, OPTS);
    fixAllIdempotent(hostile, OPTS);
  });
});
