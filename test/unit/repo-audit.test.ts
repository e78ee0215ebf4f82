/** The pure audit of a file's versions (core/repo/audit.ts); git itself is exercised in test/cli/audit.test.ts. */
import { strict as assert } from 'node:assert';
import { auditHistory, importedHistory } from '../../server/src/core/repo/audit';
import type { FileVersion } from '../../server/src/core/repo/audit';
import { editLine, VALID_NORMAL } from '../helpers/doc';

const P = '- 2026-11-26 10:02 UTC Planned by @alice';
const A = '- 2026-11-27 09:15 UTC Approved by @bob';
const withLog = (status: string, lines: string[]) => {
  const head = editLine(VALID_NORMAL, '- Status', `- Status: ${status}`);
  return `${head.slice(0, head.indexOf('## Status log'))}## Status log\n\n${lines.join('\n')}\n`;
};
const v = (iso: string, text: string, commit = iso): FileVersion => ({
  commit,
  at: Date.parse(iso),
  author: 'T',
  path: 'changes/x.md',
  text,
});
const kinds = (vs: FileVersion[], tol = 24, reportImported = false) =>
  auditHistory(vs, { toleranceHours: tol, reportImported }).map((f) => [f.kind, f.commit]);
/** A first commit that adds the file at Planned with no log: what follows is audited as history. */
const start = v('2026-11-26T10:05:00Z', withLog('Planned', []), 'c0');

describe('auditHistory', () => {
  it('a document created at Planned with no log is fine; created past Planned without its line is not', () => {
    assert.deepEqual(kinds([v('2026-11-26T10:05:00Z', withLog('Planned', []))]), []);
    assert.deepEqual(kinds([v('2026-11-27T09:20:00Z', withLog('Approved', [P]))]), [
      ['status-without-log', '2026-11-27T09:20:00Z'],
    ]);
    assert.deepEqual(kinds([v('2026-11-27T09:20:00Z', withLog('Approved', [P, A]))]), []);
  });

  it('boundaries: exactly the tolerance is fine, beyond it is reported, both ways', () => {
    const text = withLog('Approved', [P, A]);
    // At 2026-11-28 09:15, A is exactly 24 h old and P 47.2 h.
    assert.deepEqual(kinds([start, v('2026-11-28T09:15:00Z', text)], 48), []);
    const at24 = auditHistory([start, v('2026-11-28T09:15:00Z', text)], { toleranceHours: 24 });
    assert.deepEqual(
      at24.map((f) => [f.kind, f.line]),
      [['backdated', text.split('\n').indexOf(P) + 1]],
    );
    assert.match(at24[0]!.message, /"2026-11-26 10:02 UTC Planned by @alice" .* 47\.2 h after/);
    assert.deepEqual(
      kinds([start, v('2026-11-28T09:16:00Z', text)], 24).map((k) => k[0]),
      ['backdated', 'backdated'],
    );
    assert.deepEqual(kinds([v('2026-11-26T09:14:00Z', withLog('Planned', [A.replace('Approved', 'Planned')]))], 24), [
      ['postdated', '2026-11-26T09:14:00Z'],
    ]);
  });

  it('old lines of the first commit are imported history: one summary, no findings, unless asked for', () => {
    const text = withLog('Approved', [P, A]);
    const first = v('2026-11-28T09:16:00Z', text, 'import');
    assert.deepEqual(kinds([first]), []);
    assert.deepEqual(importedHistory([first], { toleranceHours: 24 }), {
      commit: 'import',
      at: first.at,
      author: 'T',
      lines: 2,
      oldest: Date.parse('2026-11-26T10:02:00Z'),
    });
    // Asked for: the same lines are back-dated findings (the old behaviour).
    assert.deepEqual(kinds([first], 24, true), [
      ['backdated', 'import'],
      ['backdated', 'import'],
    ]);
    // Within the tolerance they are not imported history either.
    assert.equal(
      importedHistory([v('2026-11-27T09:20:00Z', withLog('Approved', [A]))], { toleranceHours: 24 }),
      undefined,
    );
    // A line written ahead of time in the first commit is still postdated, and later commits are audited as usual.
    const later = v(
      '2026-12-01T12:00:00Z',
      withLog('Approved', [P, A, '- 2026-11-28 09:00 UTC In Progress by @alice']),
      'late',
    );
    assert.deepEqual(kinds([first, later]), [['backdated', 'late']]);
    assert.deepEqual(importedHistory([], { toleranceHours: 24 }), undefined);
  });

  it('repeated identical lines are matched one for one; a removed last line is rewritten', () => {
    const twice = withLog('Approved', [P, A, A]);
    const once = withLog('Approved', [P, A]);
    const found = auditHistory([v('2026-11-27T09:20:00Z', twice, 'c1'), v('2026-11-27T09:30:00Z', once, 'c2')], {
      toleranceHours: 24,
    });
    assert.deepEqual(
      found.map((f) => [f.kind, f.commit]),
      [['log-rewritten', 'c2']],
    );
    assert.match(found[0]!.message, /was removed/);
  });

  it('unreadable log times are not dated; a Status that becomes unreadable is no status change', () => {
    const vs = [
      v('2026-11-26T10:05:00Z', withLog('Planned', [P]), 'c1'),
      v('2026-11-27T09:20:00Z', withLog('TBD', [P, '- 2026-13-45 99:99 UTC Approved by @bob']), 'c2'),
    ];
    assert.deepEqual(kinds(vs), []);
    // Control: the same history with a readable (far future) time is reported.
    const readable = [
      vs[0]!,
      v('2026-11-27T09:20:00Z', withLog('TBD', [P, '- 2026-12-30 09:00 UTC Approved by @bob']), 'c2'),
    ];
    assert.deepEqual(kinds(readable), [['postdated', 'c2']]);
  });
});
