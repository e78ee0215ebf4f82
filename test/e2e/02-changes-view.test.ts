import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChangesNode } from '../../client/src/changes/tree';
import { api, ownersOnDisk, statusesOnDisk, until } from './helpers';

const LIFECYCLE_ORDER = ['In Progress', 'Verifying', 'Approved', 'Planned', 'Rejected', 'Rolled Back', 'Closed'];

function idsOf(nodes: ChangesNode[]): string[] {
  return nodes.map((n) => (n.kind === 'change' ? n.change.id : '')).sort();
}

describe('Changes view', () => {
  afterEach(async () => {
    const a = await api();
    a.changesTree.setGroupBy('status');
    a.changesTree.setFilters({ onlyMine: false, onlyActive: false });
    await vscode.workspace
      .getConfiguration('itsmote')
      .update('author', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('lists every example change, grouped by status in lifecycle order', async () => {
    const a = await api();
    const expected = statusesOnDisk();
    await until(
      'the full index',
      () => a.changesTree.snapshot.complete && a.changesTree.snapshot.changes.length === expected.size,
      [a.changesTree.onDidRefresh],
    );
    const roots = a.changesTree.getChildren();
    const labels = roots.map((n) => (n.kind === 'group' ? n.group.label : '?'));
    const present = LIFECYCLE_ORDER.filter((s) => [...expected.values()].includes(s));
    assert.deepEqual(labels, present, 'groups in lifecycle order, empty ones left out');
    for (const group of roots) {
      assert.equal(group.kind, 'group');
      if (group.kind !== 'group') continue;
      const want = [...expected]
        .filter(([, s]) => s === group.group.label)
        .map(([id]) => id)
        .sort();
      assert.deepEqual(idsOf(a.changesTree.getChildren(group)), want, `group ${group.group.label}`);
      const item = a.changesTree.getTreeItem(group);
      const finished = ['Rejected', 'Rolled Back', 'Closed'].includes(group.group.label);
      assert.equal(
        item.collapsibleState,
        finished ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
        group.group.label,
      );
      assert.equal(item.description, String(want.length));
    }
  });

  it('shows title, description, status icon, an escaped tooltip and a problem badge', async () => {
    const a = await api();
    const approved = a.changesTree.getChildren().find((n) => n.kind === 'group' && n.group.label === 'Approved')!;
    const node = a.changesTree
      .getChildren(approved)
      .find((n) => n.kind === 'change' && n.change.id === '2026-12-01-upgrade-payments-db')!;
    const item = a.changesTree.getTreeItem(node);
    assert.equal(item.label, 'Upgrade payments-db to PostgreSQL 16');
    assert.equal(item.description, 'Normal · High risk · @alice · 2026-12-01 14:00–15:00 UTC');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'verified');
    assert.equal(item.contextValue, 'change canAdvance');
    const tip = item.tooltip as vscode.MarkdownString;
    assert.equal(tip.isTrusted, false);
    assert.equal(tip.supportHtml, false);
    // VS Code escapes appended text (spaces become &nbsp;, markdown punctuation gets a backslash):
    // field names too, since custom fields (extraFields) are named by the document.
    assert.match(tip.value, /Affected(?:&nbsp;| )services: payments\\?-db,(?:&nbsp;| )payments\\?-api/);

    // billing-cron-migration has one error (CM012: the owner is a team).
    const closed = a.changesTree.getChildren().find((n) => n.kind === 'group' && n.group.label === 'Closed')!;
    const faulty = a.changesTree
      .getChildren(closed)
      .find((n) => n.kind === 'change' && n.change.id === '2026-09-15-billing-cron-migration')!;
    const deco = a.changesTree.provideFileDecoration(a.changesTree.getTreeItem(faulty).resourceUri!);
    assert.equal(deco?.badge, '1');
    assert.match(deco?.tooltip ?? '', /^1 error/);
    const clean = a.changesTree.provideFileDecoration(item.resourceUri!);
    assert.equal(clean, undefined, 'no badge on a clean change');
  });

  it('groups by service (a change under each of its services), owner and type', async () => {
    const a = await api();
    a.changesTree.setGroupBy('service');
    const byService = new Map(a.changesTree.getChildren().map((g) => [g.kind === 'group' ? g.group.label : '', g]));
    for (const service of ['payments-db', 'payments-api']) {
      const g = byService.get(service);
      assert.ok(g, `group ${service}`);
      assert.ok(
        idsOf(a.changesTree.getChildren(g)).includes('2026-12-01-upgrade-payments-db'),
        `upgrade listed under ${service}`,
      );
    }
    a.changesTree.setGroupBy('type');
    assert.deepEqual(
      a.changesTree.getChildren().map((g) => (g.kind === 'group' ? g.group.label : '')),
      ['Standard', 'Normal', 'Emergency'],
    );
    a.changesTree.setGroupBy('owner');
    const owners = a.changesTree.getChildren().map((g) => (g.kind === 'group' ? g.group.label : ''));
    assert.ok(owners.includes('@alice') && owners.includes('@marta'), owners.join(', '));
  });

  it('filters only active changes, and only mine (author from the itsmote.author setting)', async () => {
    const a = await api();
    a.changesTree.setFilters({ onlyMine: false, onlyActive: true });
    const labels = a.changesTree.getChildren().map((g) => (g.kind === 'group' ? g.group.label : ''));
    assert.deepEqual(labels, ['In Progress', 'Verifying', 'Approved', 'Planned']);
    await vscode.workspace.getConfiguration('itsmote').update('author', '@Marta', vscode.ConfigurationTarget.Workspace);
    a.changesTree.setFilters({ onlyMine: true, onlyActive: false });
    const mine = a.changesTree.getChildren().flatMap((g) => a.changesTree.getChildren(g));
    const onDisk = [...ownersOnDisk().values()].filter((o) => o === '@marta').length;
    assert.ok(onDisk > 0);
    assert.equal(mine.length, onDisk, 'the changes owned by @marta');
    for (const n of mine) assert.equal(n.kind === 'change' && n.change.owner?.toLowerCase(), '@marta');
    assert.equal(a.changesView.description, 'by status · only mine');
  });
});
