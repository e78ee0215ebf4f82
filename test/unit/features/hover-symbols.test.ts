import { strict as assert } from 'node:assert';
import { documentSymbols, hover } from '../../../server/src/core/features/index';
import { VALID_NORMAL, check, doc, editLine } from '../../helpers/doc';
import { parseConfig } from '../../../server/src/core/config';

function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix));
}
const valueOf = (h: ReturnType<typeof hover>) =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';

describe('hover (core/features)', () => {
  it('explains a field name, with its aliases', () => {
    const h = hover(doc(VALID_NORMAL), { line: lineOf(VALID_NORMAL, '- Rollback plan'), character: 4 });
    assert.match(
      valueOf(h),
      /\*\*Rollback plan\*\* \(also written `Backout plan`, `Rollback`, `Backout`, `Rollback steps`\)/,
    );
    assert.match(valueOf(h), /If rollback is unclear, the plan is incomplete/);
  });

  it('says where a status can go next, on the Status value and on log entries', () => {
    const h = hover(doc(VALID_NORMAL), { line: lineOf(VALID_NORMAL, '- Status:'), character: 12 });
    assert.match(valueOf(h), /\*\*Approved\*\*: from here a change may go to \*\*In Progress\*\*/);
    const log = hover(doc(VALID_NORMAL), { line: lineOf(VALID_NORMAL, '- 2026-11-26'), character: 28 });
    assert.match(valueOf(log), /\*\*Planned\*\*: from here a change may go to \*\*Approved\*\*, \*\*Rejected\*\*/);
  });

  it('gives the rule rationale on a diagnostic range', () => {
    const text = editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: the team');
    const line = lineOf(text, '- Change Owner:');
    const h = hover(doc(text), { line, character: 20 }, check(text));
    assert.match(valueOf(h), /\*\*CM012 owner-not-a-person\*\*: .*never assign "the team"/i);
  });

  it('is silent on plain text', () => {
    assert.equal(hover(doc(VALID_NORMAL), { line: lineOf(VALID_NORMAL, '1. Point'), character: 5 }), undefined);
  });
});

describe('document symbols (core/features)', () => {
  it('lists the title, the header fields and the sections with log entries', () => {
    const s = documentSymbols(doc(VALID_NORMAL));
    assert.deepEqual(
      s.map((x) => x.name),
      ['Upgrade payments-db to PostgreSQL 16', 'Header', 'Rollback plan', 'Status log'],
    );
    assert.deepEqual(s[1]!.children!.map((c) => c.name).slice(0, 3), [
      'Change type',
      'Change Owner',
      'Affected services',
    ]);
    assert.equal(s[1]!.children![0]!.detail, 'Normal');
    assert.deepEqual(
      s[3]!.children!.map((c) => c.name),
      ['Planned by @alice', 'Approved by @bob'],
    );
    for (const x of s)
      assert.ok(
        x.range.start.line <= x.selectionRange.start.line && x.selectionRange.end.line <= x.range.end.line,
        `${x.name}: selection inside range`,
      );
  });
});

describe('hover on the window: freezes (core/features)', () => {
  const freezes = parseConfig(
    JSON.stringify({
      freezes: [
        { name: 'December', start: '2026-12-01 00:00 UTC', end: '2026-12-02 00:00 UTC', services: ['payments-*'] },
      ],
    }),
  ).config.freezes;
  const line = lineOf(VALID_NORMAL, '- Planned execution time:');

  it('tells which freeze the window falls in, and that this change may not run in it', () => {
    const h = hover(doc(VALID_NORMAL), { line, character: 30 }, [], { freezes });
    assert.equal(
      valueOf(h),
      '**Freeze "December"** (2026-12-01 00:00 UTC until 2026-12-02 00:00 UTC) covers payments-db, payments-api: only Emergency changes may run in it, not this Normal change (CM041).',
    );
    assert.equal(h?.range?.start.line, line);
  });

  it('tells an Emergency change it may run', () => {
    const text = editLine(VALID_NORMAL, '- Change type:', '- Change type: Emergency');
    assert.match(
      valueOf(hover(doc(text), { line, character: 30 }, [], { freezes })),
      /Emergency changes may run in it, so this one may\.$/,
    );
  });

  it('says nothing outside a freeze, or without freezes', () => {
    const later = editLine(VALID_NORMAL, '- Planned execution time:', '- Planned execution time: 2026-12-02 00:00 UTC');
    assert.equal(hover(doc(later), { line, character: 30 }, [], { freezes }), undefined);
    assert.equal(hover(doc(VALID_NORMAL), { line, character: 30 }), undefined);
  });
});
