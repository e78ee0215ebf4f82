import { strict as assert } from 'node:assert';
import { documentSymbols, hover } from '../../../server/src/core/features/index';
import { VALID_NORMAL, check, doc, editLine } from '../../helpers/doc';

function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix));
}
const valueOf = (h: ReturnType<typeof hover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('hover (core/features)', () => {
  it('explains a field name, with its aliases', () => {
    const h = hover(doc(VALID_NORMAL), { line: lineOf(VALID_NORMAL, '- Rollback plan'), character: 4 });
    assert.match(valueOf(h), /\*\*Rollback plan\*\* \(also written `Backout plan`, `Rollback`, `Backout`, `Rollback steps`\)/);
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
    assert.deepEqual(s.map((x) => x.name), ['Upgrade payments-db to PostgreSQL 16', 'Header', 'Rollback plan', 'Status log']);
    assert.deepEqual(s[1]!.children!.map((c) => c.name).slice(0, 3), ['Change type', 'Change Owner', 'Affected services']);
    assert.equal(s[1]!.children![0]!.detail, 'Normal');
    assert.deepEqual(s[3]!.children!.map((c) => c.name), ['Planned by @alice', 'Approved by @bob']);
    for (const x of s) assert.ok(x.range.start.line <= x.selectionRange.start.line && x.selectionRange.end.line <= x.range.end.line, `${x.name}: selection inside range`);
  });
});
