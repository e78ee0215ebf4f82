import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver-types';
import { complete } from '../../../server/src/core/features/index';
import { applyEdits } from '../../../server/src/core/actions/index';
import { NOW, VALID_NORMAL, doc, editLine } from '../../helpers/doc';

const FACTS = { services: ['checkout', 'payments-api', 'search'], people: ['@dave', '@erin'], incidents: ['INC-7'] };
const OPTS = { facts: FACTS, author: '@carol', now: NOW };

/** Completions at the end of the first line starting with `prefix` (or at `column`). */
function at(text: string, prefix: string, column?: number): { items: CompletionItem[]; text: string; line: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(prefix));
  assert.ok(line >= 0, `no line ${prefix}`);
  const character = column ?? lines[line]!.length;
  return { items: complete(doc(text), { line, character }, OPTS), text, line };
}
const labels = (xs: CompletionItem[]) => xs.map((x) => x.label);
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix));
function accept(r: ReturnType<typeof at>, label: string): string {
  const item = r.items.find((i) => i.label === label);
  assert.ok(item?.textEdit && 'range' in item.textEdit, `no ${label}`);
  const a = doc(r.text);
  return applyEdits(a.md.lines, [item.textEdit]);
}

describe('completion (core/features)', () => {
  it('offers the fields the document lacks, one row per field, needed ones first, written ones not at all', () => {
    const text = editLine(editLine(VALID_NORMAL, '- Risk level:', '- Ri'), '- Rollback plan:', null);
    const r = at(text, '- Ri');
    const names = labels(r.items);
    // The H1 is the title; the header has the rest: only Risk level (being written) and the absent fields.
    assert.ok(!names.includes('Title'), 'the H1 satisfies Title');
    assert.ok(!names.includes('Status') && !names.includes('Change type'), 'fields already written are not offered');
    assert.ok(!names.includes('Rollback plan'), 'a non-empty `## Rollback plan` section satisfies the field');
    // Aliases are filter text, not rows: one Approval, one window, one Caused incidents.
    assert.equal(names.filter((n) => /Approv/.test(n)).length, 0, 'Approval is written');
    assert.equal(new Set(names).size, names.length);
    assert.ok(!names.includes('Backout plan') && !names.includes('Incidents caused') && !names.includes('Risk'));
    const ordered = [...r.items].sort((x, y) => x.sortText!.localeCompare(y.sortText!)).map((i) => [i.label, i.detail]);
    assert.deepEqual(ordered, [
      ['Risk level', 'needed by this change'],
      ['Summary', 'optional here'],
      ['Touches', 'optional here'],
      ['Incident', 'optional here'],
      ['Caused incidents', 'optional here'],
      ['Outcome', 'optional here'],
    ]);
    assert.equal(accept(r, 'Risk level'), editLine(text, '- Ri', '- Risk level: '));
    assert.equal(r.items.find((i) => i.label === 'Caused incidents')!.filterText, 'Caused incidents Incidents caused');
  });

  it('lists the needed fields of a document missing several first, in template order', () => {
    const text = '# A change\n\n- Change type: Emergency\n- \n';
    const items = complete(doc(text), { line: 3, character: 2 }, OPTS);
    const needed = items.filter((i) => i.detail === 'needed by this change').map((i) => i.label);
    assert.deepEqual(needed, [
      'Change Owner',
      'Affected services',
      'Risk level',
      'Status',
      'Rollback plan',
      'Verification plan',
      'Expected user impact',
      'Incident',
    ]);
    assert.ok(items.every((i) => i.detail !== 'needed by this change' || i.sortText!.startsWith('0')));
    assert.ok(items.filter((i) => i.detail === 'optional here').every((i) => i.sortText!.startsWith('1')));
    assert.ok(
      items.some((i) => i.label === 'Planned execution time' && i.detail === 'optional here'),
      'Emergency changes need no window',
    );
  });

  it('finds a field by any of its names: `Backout` offers Rollback plan, `Appr` the Approval field', () => {
    const text = editLine(editLine(VALID_NORMAL, '- Rollback plan:', '- Backout'), '- Approval', null).replace(
      /## Rollback plan[\s\S]*?## Status log/,
      '## Status log',
    );
    const r = at(text, '- Backout');
    const rollback = r.items.find((i) => i.label === 'Rollback plan')!;
    assert.match(rollback.filterText!, /\bBackout\b/);
    assert.match(r.items.find((i) => i.label === 'Approval (if required)')!.filterText!, /\bApprover\b/);
    assert.equal(accept(r, 'Rollback plan'), editLine(text, '- Backout', '- Rollback plan: '));
  });

  it('completes field names on a line without a bullet by the header, writing the bullet too', () => {
    // An empty line after the last item, and a bare word there.
    const base = editLine(VALID_NORMAL, '- Approval', null);
    const empty = base.replace(
      '- Expected user impact: checkout is read-only for up to 2 minutes\n',
      '- Expected user impact: checkout is read-only for up to 2 minutes\n\n',
    );
    const line = empty.split('\n').indexOf('- Expected user impact: checkout is read-only for up to 2 minutes') + 1;
    const items = complete(doc(empty), { line, character: 0 }, OPTS);
    const approval = items.find((i) => i.label === 'Approval (if required)')!;
    assert.ok(approval && approval.textEdit && 'range' in approval.textEdit);
    assert.equal(applyEdits(doc(empty).md.lines, [approval.textEdit]).split('\n')[line], '- Approval (if required): ');
    const bare = empty
      .split('\n')
      .map((l, i) => (i === line ? 'Appr' : l))
      .join('\n');
    const r = complete(doc(bare), { line, character: 4 }, OPTS);
    const item = r.find((i) => i.label === 'Approval (if required)')!;
    assert.ok(item.textEdit && 'range' in item.textEdit);
    assert.equal(applyEdits(doc(bare).md.lines, [item.textEdit]).split('\n')[line], '- Approval (if required): ');
    // Far from the header (a paragraph in a section), a bare word gets nothing.
    const para = VALID_NORMAL.split('\n').findIndex((l) => l.startsWith('1. Point'));
    assert.deepEqual(complete(doc(VALID_NORMAL), { line: para - 1, character: 0 }, OPTS), []);
  });

  it('with a retrigger command, accepting a field with values writes `Name:` and reopens the list on them', () => {
    const text = editLine(VALID_NORMAL, '- Risk level:', '- ');
    const empty = text.split('\n').indexOf('- ');
    const items = complete(
      doc(text),
      { line: empty, character: 2 },
      { ...OPTS, retriggerCommand: 'editor.action.triggerSuggest' },
    );
    const risk = items.find((i) => i.label === 'Risk level')!;
    assert.deepEqual(risk.command, { title: 'Suggest values', command: 'editor.action.triggerSuggest' });
    assert.ok(
      risk.textEdit && 'range' in risk.textEdit && risk.textEdit.newText === 'Risk level:',
      'the cursor stays after the colon',
    );
    // The values then come with their own space.
    const after = applyEdits(doc(text).md.lines, [risk.textEdit]);
    const values = complete(
      doc(after),
      { line: lineOf(after, '- Risk level:'), character: '- Risk level:'.length },
      OPTS,
    );
    assert.deepEqual(labels(values), ['Low', 'Medium', 'High']);
    const high = values.find((v) => v.label === 'High')!;
    assert.ok(high.textEdit && 'range' in high.textEdit);
    assert.equal(applyEdits(doc(after).md.lines, [high.textEdit]), VALID_NORMAL);
    // A free-text field has nothing to offer: no command, and the space is written.
    const summary = items.find((i) => i.label === 'Summary')!;
    assert.equal(summary.command, undefined);
    assert.ok(summary.textEdit && 'newText' in summary.textEdit && summary.textEdit.newText === 'Summary: ');
    // Without the client command, never a command.
    assert.ok(complete(doc(text), { line: empty, character: 2 }, OPTS).every((i) => i.command === undefined));
  });

  it('inside a value offers only values: no field names, no templates', () => {
    const text = editLine(VALID_NORMAL, '- Status:', '- Status: ');
    const items = complete(
      doc(text),
      { line: lineOf(text, '- Status:'), character: '- Status: '.length },
      { ...OPTS, snippets: true },
    );
    assert.deepEqual(labels(items), ['In Progress']);
  });

  it('offers whole-document templates only where a document starts', () => {
    const empty = complete(doc(''), { line: 0, character: 0 }, { ...OPTS, snippets: true });
    assert.deepEqual(labels(empty).slice(0, 3), ['change-standard', 'change-normal', 'change-emergency']);
    const normal = empty.find((i) => i.label === 'change-normal')!;
    assert.equal(normal.insertTextFormat, 2);
    assert.ok(normal.textEdit && 'newText' in normal.textEdit);
    assert.match(
      normal.textEdit.newText,
      /^# \$\{1:What changes, in one line\}\n\n- Change type: Normal\n- Change Owner: @carol\n- Affected services: \$0\n/,
    );
    assert.match(normal.textEdit.newText, /^- 2026-11-28 12:00 UTC Planned by @carol$/m);
    // Without snippet support: plain text, the same document.
    const plain = complete(doc('change-n'), { line: 0, character: 8 }, OPTS).find((i) => i.label === 'change-normal')!;
    assert.equal(plain.insertTextFormat, undefined);
    assert.ok(plain.textEdit && 'range' in plain.textEdit);
    const written = applyEdits(doc('change-n').md.lines, [plain.textEdit]);
    assert.equal(doc(written).doc.values.changeType, 'Normal');
    assert.equal(doc(written).doc.statusLog?.entries[0]?.status, 'Planned');
    // Under an H1 the template starts at the header; with a header, never.
    const h1 = complete(doc('# Rotate keys\n\n'), { line: 2, character: 0 }, OPTS).find(
      (i) => i.label === 'change-standard',
    )!;
    assert.ok(h1.textEdit && 'newText' in h1.textEdit && h1.textEdit.newText.startsWith('- Change type: Standard\n'));
    assert.ok(
      labels(
        complete(doc(VALID_NORMAL + '\n'), { line: VALID_NORMAL.split('\n').length - 1, character: 0 }, OPTS),
      ).every((l) => !String(l).startsWith('change-')),
    );
  });

  it('offers enum values after Change type and Risk level, replacing the value', () => {
    const text = editLine(VALID_NORMAL, '- Risk level:', '- Risk level: hi');
    const r = at(text, '- Risk level:');
    assert.deepEqual(labels(r.items), ['Low', 'Medium', 'High']);
    assert.equal(accept(r, 'High'), VALID_NORMAL);
    assert.deepEqual(labels(at(VALID_NORMAL, '- Change type:').items), ['Standard', 'Normal', 'Emergency']);
  });

  it('offers only the allowed next statuses after Status:', () => {
    assert.deepEqual(labels(at(VALID_NORMAL, '- Status:').items), ['In Progress']);
    const planned = editLine(
      editLine(VALID_NORMAL, '- 2026-11-27 09:15', null),
      '- Approval',
      '- Approval (if required):',
    );
    assert.deepEqual(labels(at(planned, '- Status:').items), ['Approved', 'Rejected']);
  });

  it('completes Touches and services as list elements, without repeating written ones', () => {
    const touches = editLine(VALID_NORMAL, '- Approval', '- Approval (if required): @bob\n- Touches: security, ');
    const r = at(touches, '- Touches:');
    assert.deepEqual(labels(r.items), ['data integrity']);
    assert.match(accept(r, 'data integrity'), /^- Touches: security, data integrity$/m);
    const services = at(
      editLine(VALID_NORMAL, '- Affected services:', '- Affected services: payments-db, payments-api,'),
      '- Affected services:',
    );
    assert.deepEqual(labels(services.items), ['checkout', 'search']);
    assert.match(accept(services, 'search'), /^- Affected services: payments-db, payments-api, search$/m);
  });

  it('offers people after Change Owner/Approval and incidents after Incident', () => {
    const owner = at(editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: @'), '- Change Owner:');
    assert.deepEqual(labels(owner.items), ['@carol', '@dave', '@erin']);
    const inc = at(editLine(VALID_NORMAL, '- Approval', '- Approval (if required): @bob\n- Incident: '), '- Incident:');
    assert.deepEqual(labels(inc.items), ['INC-7']);
  });

  it('offers whole status log lines after "- " in the log', () => {
    const text = VALID_NORMAL + '- ';
    const lines = text.split('\n');
    const line = lines.length - 1;
    const items = complete(doc(text), { line, character: 2 }, OPTS);
    assert.deepEqual(labels(items), ['2026-11-28 12:00 UTC In Progress by @carol']);
  });

  it('offers nothing in other sections', () => {
    const lines = VALID_NORMAL.split('\n');
    const line = lines.findIndex((l) => l.startsWith('1. Point'));
    assert.deepEqual(complete(doc(VALID_NORMAL), { line, character: 3 }, OPTS), []);
  });
});
