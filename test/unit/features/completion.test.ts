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
function accept(r: ReturnType<typeof at>, label: string): string {
  const item = r.items.find((i) => i.label === label);
  assert.ok(item?.textEdit && 'range' in item.textEdit, `no ${label}`);
  const a = doc(r.text);
  return applyEdits(a.md.lines, [item.textEdit]);
}

describe('completion (core/features)', () => {
  it('offers field names at the start of a header item, missing ones first', () => {
    const text = editLine(VALID_NORMAL, '- Risk level:', '- Ri');
    const r = at(text, '- Ri');
    assert.equal(r.items.find((i) => i.label === 'Risk level')!.sortText![0], '0');
    assert.equal(r.items.find((i) => i.label === 'Status')!.sortText![0], '1');
    assert.equal(accept(r, 'Risk level'), editLine(VALID_NORMAL, '- Risk level:', '- Risk level: '));
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
    const planned = editLine(editLine(VALID_NORMAL, '- 2026-11-27 09:15', null), '- Approval', '- Approval (if required):');
    assert.deepEqual(labels(at(planned, '- Status:').items), ['Approved', 'Rejected']);
  });

  it('completes Touches and services as list elements, without repeating written ones', () => {
    const touches = editLine(VALID_NORMAL, '- Approval', '- Approval (if required): @bob\n- Touches: security, ');
    const r = at(touches, '- Touches:');
    assert.deepEqual(labels(r.items), ['data integrity']);
    assert.match(accept(r, 'data integrity'), /^- Touches: security, data integrity$/m);
    const services = at(editLine(VALID_NORMAL, '- Affected services:', '- Affected services: payments-db, payments-api,'), '- Affected services:');
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
