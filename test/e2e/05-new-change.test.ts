import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, codesOf, diagnosticsOf, readText, until } from './helpers';

/** What a freshly created change may still miss: only the fields its author has to fill in. */
const MISSING_FIELD_CODES = new Set(['CM002', 'CM010', 'CM011', 'CM013', 'CM015', 'CM023']);

describe('New change', () => {
  it('creates changes/YYYY-MM-DD-<slug>.md from the type template, opens it on the first empty field', async () => {
    const a = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('itsmote.newChange', {
      type: 'Normal',
      title: 'Rotate the API gateway keys!',
    });
    assert.ok(uri, 'the command returns the new document');
    assert.match(uri.path, /\/changes\/2026-11-28-rotate-the-api-gateway-keys\.md$/);
    assert.ok(existsSync(uri.fsPath), 'the file is on disk');
    const text = readText(uri);
    assert.match(text, /^# Rotate the API gateway keys!\n/);
    assert.match(text, /^- Change type: Normal$/m);
    assert.match(text, new RegExp(`^- Change Owner: ${a.author().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    assert.match(text, /^- Status: Planned$/m);
    assert.match(text, /^- Approval \(if required\): $/m);
    assert.match(text, /^## Status log\n\n- 2026-11-28 12:00 UTC Planned by .+$/m);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const line = editor!.document.lineAt(editor!.selection.active.line).text;
    assert.equal(line, '- Affected services: ');
    assert.equal(editor!.selection.active.character, line.length);

    // Valid: the only problems are the fields left for the author to fill in.
    const diags = await diagnosticsOf(uri, (d) => d.length > 0);
    const unexpected = codesOf(diags).filter((c) => !MISSING_FIELD_CODES.has(c));
    assert.deepEqual(
      unexpected,
      [],
      diags.map((d) => `${String((d.code as { value: string }).value)} ${d.message}`).join('\n'),
    );

    // The server indexes it and the tree shows it under Planned.
    await until('the new change in the tree', () => a.changesTree.changeFor(uri)?.status === 'Planned', [
      a.changesTree.onDidRefresh,
    ]);
    const planned = a.changesTree.getChildren().find((g) => g.kind === 'group' && g.group.label === 'Planned')!;
    assert.ok(
      a.changesTree
        .getChildren(planned)
        .some((n) => n.kind === 'change' && n.change.uri === a.changesTree.changeFor(uri)!.uri),
    );
  });

  it('never overwrites: the same title the same day gets a -2 suffix', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('itsmote.newChange', {
      type: 'Standard',
      title: 'Bump nginx',
    });
    const second = await vscode.commands.executeCommand<vscode.Uri>('itsmote.newChange', {
      type: 'Emergency',
      title: 'Bump nginx',
    });
    assert.match(first.path, /2026-11-28-bump-nginx\.md$/);
    assert.match(second.path, /2026-11-28-bump-nginx-2\.md$/);
    assert.match(readText(first), /^- Change type: Standard$/m);
    assert.match(readText(first), /^- Risk level: Low$/m);
    assert.match(readText(second), /^- Incident: $/m);
  });
});

describe('document text in the tree', () => {
  it('is escaped in tooltips: a title with a command link and HTML stays text', async () => {
    const a = await api();
    const title = 'Fix [this](command:workbench.action.quit) <img src=x onerror=alert(1)> *now*';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('itsmote.newChange', { type: 'Standard', title });
    const change = await until('the change in the tree', () => a.changesTree.changeFor(uri), [
      a.changesTree.onDidRefresh,
    ]);
    const node = a.changesTree.nodeFor(uri);
    assert.ok(node, 'the change has a tree node');
    const item = a.changesTree.getTreeItem(node);
    assert.equal(item.label, change.title);
    const tip = item.tooltip as vscode.MarkdownString;
    assert.equal(tip.isTrusted, false);
    assert.equal(tip.supportHtml, false);
    assert.doesNotMatch(tip.value, /(?<!\\)\]\(command:/, 'no live command link');
    assert.doesNotMatch(tip.value, /(?<!\\)<img/, 'no raw HTML');
  });
});
