import * as assert from 'node:assert/strict';
import type { ChangeListItem } from '../../../server/src/protocol';
import { applyFilters, foldPerson, groupChanges, isMine } from '../../../client/src/changes/grouping';
import { describeChange, formatWindow, labelOf } from '../../../client/src/changes/describe';

function item(id: string, over: Partial<ChangeListItem> = {}): ChangeListItem {
  return {
    id,
    uri: `file:///ws/changes/${id}.md`,
    services: [],
    incidents: [],
    problems: { errors: 0, warnings: 0, infos: 0 },
    allowedNext: [],
    ...over,
  };
}

describe('client: Changes view grouping', () => {
  const list = [
    item('a', { status: 'Closed' }),
    item('b', { status: 'Planned', window: { start: '2026-12-02T10:00:00.000Z', end: '2026-12-02T11:00:00.000Z' } }),
    item('c', { status: 'In Progress' }),
    item('d', { status: 'Planned', window: { start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T11:00:00.000Z' } }),
    item('e', { status: 'Bogus' }),
    item('f', { status: 'Closed' }),
    item('g', { status: 'Rejected' }),
  ];

  it('orders status groups by lifecycle, collapses the finished ones, puts invalid statuses last', () => {
    const groups = groupChanges(list, 'status');
    assert.deepEqual(
      groups.map((g) => g.label),
      ['In Progress', 'Planned', 'Rejected', 'Closed', 'No valid status'],
    );
    assert.deepEqual(
      groups.map((g) => g.collapsed),
      [false, false, true, true, false],
    );
  });

  it('sorts active groups by soonest window, finished groups newest ID first', () => {
    const groups = groupChanges(list, 'status');
    assert.deepEqual(
      groups.find((g) => g.label === 'Planned')!.changes.map((c) => c.id),
      ['d', 'b'],
    );
    assert.deepEqual(
      groups.find((g) => g.label === 'Closed')!.changes.map((c) => c.id),
      ['f', 'a'],
    );
  });

  it('files a change under each of its services, case-insensitively, and a change without any under "No service"', () => {
    const groups = groupChanges(
      [item('x', { services: ['api', 'DB'] }), item('y', { services: ['db'] }), item('z')],
      'service',
    );
    assert.deepEqual(
      groups.map((g) => [g.label, g.changes.map((c) => c.id)]),
      [
        ['api', ['x']],
        ['DB', ['x', 'y']],
        ['No service', ['z']],
      ],
    );
  });

  it('orders type groups by the catalogue', () => {
    const groups = groupChanges(
      [item('x', { type: 'Emergency' }), item('y', { type: 'Standard' }), item('z', { type: 'weird' })],
      'type',
    );
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Standard', 'Emergency', 'No valid type'],
    );
  });

  it('"only mine" ignores case, a leading @ and an email domain; "only active" keeps open statuses', () => {
    assert.equal(foldPerson('@Alice'), 'alice');
    assert.equal(foldPerson('alice@example.com'), 'alice');
    assert.equal(isMine(item('x', { owner: '@alice' }), 'Alice'), true);
    assert.equal(isMine(item('x', { owner: '@alice' }), 'bob'), false);
    assert.equal(isMine(item('x', { owner: '@alice' }), ''), false, 'no author, nothing is mine');
    const active = applyFilters(list, { onlyMine: false, onlyActive: true }, '');
    assert.deepEqual(active.map((c) => c.id).sort(), ['b', 'c', 'd']);
  });
});

describe('client: change descriptions', () => {
  it('formats windows on one day and across midnight', () => {
    assert.equal(
      formatWindow({ start: '2026-12-01T14:00:00.000Z', end: '2026-12-01T15:00:00.000Z' }),
      '2026-12-01 14:00–15:00 UTC',
    );
    assert.equal(
      formatWindow({ start: '2026-12-01T23:00:00.000Z', end: '2026-12-02T01:00:00.000Z' }),
      '2026-12-01 23:00 – 12-02 01:00 UTC',
    );
    assert.equal(formatWindow({ start: 'nonsense', end: 'x' }), '');
  });

  it('describes type, risk, owner and window, leaving out what is unknown; labels fold whitespace', () => {
    assert.equal(
      describeChange(item('x', { type: 'Normal', risk: 'High', owner: '@alice' })),
      'Normal · High risk · @alice',
    );
    assert.equal(describeChange(item('x')), '');
    assert.equal(labelOf(item('x', { title: ' Two\nlines ' })), 'Two lines');
    assert.equal(labelOf(item('x-id')), 'x-id');
  });
});
