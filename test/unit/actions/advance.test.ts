import { strict as assert } from 'node:assert';
import { advanceEdits, advanceTargets, applyEdits } from '../../../server/src/core/actions/index';
import type { AdvanceOptions } from '../../../server/src/core/actions/index';
import { analyze } from '../../../server/src/core/model';
import { NOW, VALID_NORMAL, check, doc, editLine } from '../../helpers/doc';

const OPTS = { author: '@carol', now: NOW };

function advance(text: string, to: Parameters<typeof advanceEdits>[1], opts: AdvanceOptions = OPTS): string {
  const a = doc(text);
  const edits = advanceEdits(a, to, opts);
  assert.ok(edits, `advance to ${to} refused`);
  return applyEdits(a.md.lines, edits);
}

const PLANNED = editLine(
  editLine(
    editLine(VALID_NORMAL, '- Status:', '- Status: Planned'),
    '- Approval (if required):',
    '- Approval (if required):',
  ),
  '- 2026-11-27 09:15 UTC Approved by @bob',
  null,
);

describe('advance status (core/actions)', () => {
  it('offers only the lifecycle steps allowed for the document', () => {
    assert.deepEqual(advanceTargets(doc(VALID_NORMAL)), ['In Progress']);
    // A Normal change at Planned with no approval: In Progress is forbidden until approved.
    assert.deepEqual(advanceTargets(doc(PLANNED)), ['Approved', 'Rejected']);
    assert.equal(advanceEdits(doc(PLANNED), 'In Progress', OPTS), undefined);
    const standard = editLine(PLANNED, '- Change type:', '- Change type: Standard');
    assert.deepEqual(advanceTargets(doc(standard)), ['Approved', 'Rejected', 'In Progress']);
  });

  it('edits the Status value and appends a log entry, touching nothing else', () => {
    const out = advance(VALID_NORMAL, 'In Progress');
    const before = VALID_NORMAL.split('\n');
    const after = out.split('\n');
    assert.equal(after.length, before.length + 1);
    const changed = after.filter((l, i) => l !== before[i]);
    assert.deepEqual(changed.slice(0, 1), ['- Status: In Progress']);
    assert.match(out, /- 2026-11-27 09:15 UTC Approved by @bob\n- 2026-11-28 12:00 UTC In Progress by @carol\n$/);
    assert.deepEqual(
      check(out).map((d) => d.code),
      [],
    );
  });

  it('fills an empty Approval value with the author and date on Approved', () => {
    const out = advance(PLANNED, 'Approved');
    assert.match(out, /^- Approval \(if required\): @carol, 2026-11-28$/m);
    assert.match(out, /- 2026-11-28 12:00 UTC Approved by @carol\n$/);
    assert.deepEqual(
      check(out).map((d) => d.code),
      [],
    );
  });

  it('creates the status log at the end when missing, with the header bullet, never dating the Planned step', () => {
    const noLog = PLANNED.slice(0, PLANNED.indexOf('## Status log')).replace(/- /g, '* ');
    const out = advance(noLog, 'Approved');
    // When the change was planned, and by whom, is unknown: a skeleton line asks, and the
    // Approved step after it is a valid one (no CM030); CM005 points at the line to fill in.
    assert.ok(
      out.endsWith(
        '2. Confirm replication lag is zero.\n\n## Status log\n\n* YYYY-MM-DD HH:MM UTC Planned by ...\n* 2026-11-28 12:00 UTC Approved by @carol\n',
      ),
      out,
    );
    assert.deepEqual(
      check(out).map((d) => d.code),
      ['CM005'],
    );
  });

  it('does not advance a change past Planned that has no status log (CM037): its first entry would be unjustified', () => {
    const inProgress = editLine(
      PLANNED.slice(0, PLANNED.indexOf('## Status log')),
      '- Status:',
      '- Status: In Progress',
    );
    assert.deepEqual(advanceTargets(doc(inProgress)), []);
  });

  it('leaves the reason spot after a colon for Rolled Back, and writes a note when given', () => {
    const inProgress = advance(VALID_NORMAL, 'In Progress');
    const rolled = advance(inProgress, 'Rolled Back');
    assert.match(rolled, /Rolled Back by @carol:\n$/);
    assert.ok(
      check(rolled).some((d) => d.code === 'CM034'),
      'the empty reason is still reported',
    );
    assert.ok(
      check(rolled).some((d) => d.code === 'CM033'),
      'and the empty Outcome spot too',
    );
    assert.match(rolled, /^- Outcome:$/m);
    const withNote = advance(inProgress, 'Rolled Back', { ...OPTS, note: 'error rate doubled' });
    assert.match(withNote, /Rolled Back by @carol: error rate doubled\n$/);
    assert.ok(!check(withNote).some((d) => d.code === 'CM034'));
  });

  it('fills the Outcome on Closed with the note, and keeps CRLF line endings', () => {
    const verifying = advance(advance(VALID_NORMAL, 'In Progress'), 'Verifying').replace(/\n/g, '\r\n');
    const closed = advance(verifying, 'Closed', { ...OPTS, note: 'verified: p99 240 ms' });
    assert.ok(!/[^\r]\n/.test(closed), 'no bare LF inserted');
    assert.match(closed, /^- Outcome: verified: p99 240 ms\r$/m);
    assert.deepEqual(
      check(closed).map((d) => d.code),
      [],
    );
  });

  it('takes the steps from the last log entry when Status disagrees with it, and fixes Status too', () => {
    const mismatch = editLine(VALID_NORMAL, '- Status:', '- Status: Verifying');
    assert.deepEqual(advanceTargets(doc(mismatch)), ['In Progress']);
    const out = advance(mismatch, 'In Progress');
    assert.deepEqual(
      check(out).map((d) => d.code),
      [],
    );
  });

  it('never advances a headerless document', () => {
    assert.deepEqual(advanceTargets(analyze('just text\n', 'x.md')), []);
    assert.equal(advanceEdits(analyze('just text\n', 'x.md'), 'Planned', OPTS), undefined);
  });
});
