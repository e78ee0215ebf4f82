/**
 * The first hour's polish (issue 13) in the real editor: the output channel has something to
 * say after startup, the Metrics view carries this month's headline, and "Advance Status" from
 * the walkthrough acts on the change in front or asks, never on the tree's selection.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ChangeListItem } from '../../server/src/protocol';
import { STATUSES } from '../../server/src/core/fields';
import type { ChangeNode } from '../../client/src/changes/tree';
import type { AdvanceOptions } from '../../client/src/commands/advance';
import { EXTENSION_ID, api, changeUri, readText, until } from './helpers';

async function changeNode(id: string): Promise<ChangeNode> {
  const a = await api();
  for (const g of a.changesTree.getChildren()) {
    const n = a.changesTree.getChildren(g).find((c) => c.kind === 'change' && c.change.id === id);
    if (n?.kind === 'change') return n;
  }
  throw new Error(`${id} is not in the tree`);
}

describe('polish: log, views, walkthrough', () => {
  it('the output channel behind "Click for the log" says what started, where, and what was indexed', async () => {
    const a = await api();
    const version = String(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.version);
    assert.match(a.status.text, /^\$\(checklist\)/);
    const wanted = [
      new RegExp(`^info ITSMote Changes ${version} activating in `),
      new RegExp(`^info itsmote-changes ${version} started for \\S+.* \\(Node v\\d+`),
      /^info workspace folder: \//,
      /^info indexed \d+ change documents \(\d+ with errors\) in 1 folder in \d+ ms; 1 config file$/,
      /^info config \/.*\.itsmote\.json: valid$/,
    ];
    // The server's lines arrive as window/logMessage notifications, possibly after `ready`.
    await until(
      'the startup lines in the output channel',
      () => wanted.every((w) => a.log.lines.some((l) => w.test(l))),
      [a.log.onDidLog],
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n${a.log.lines.join('\n')}`);
    });
  });

  it("the Metrics view carries this month's headline: in its title while collapsed, in its description", async () => {
    const a = await api();
    await a.metricsTree.refresh();
    // Earlier tests advanced changes: read the figure the view shows, e.g. `50 % (2 of 4)`.
    const rate = a.metricsTree
      .getChildren(a.metricsTree.getChildren()[0])
      .find((n) => n.kind === 'figure' && n.label === 'Change failure rate');
    assert.ok(rate?.kind === 'figure' && /^\d+ % \(\d+ of \d+\)$/.test(rate.value), JSON.stringify(rate));
    const headline = `2026-11: ${rate.value.replace(' (', ' failed (')}`;
    assert.equal(a.metricsView.description, headline);
    assert.equal(a.metricsView.title, a.metricsView.visible ? 'Metrics' : `Metrics · ${headline}`);
    // Last month starts folded, so this month's figures fit without scrolling.
    const [thisMonth, lastMonth] = a.metricsTree.getChildren();
    assert.equal(a.metricsTree.getTreeItem(thisMonth!).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(a.metricsTree.getTreeItem(lastMonth!).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('"Advance Status" from the walkthrough asks which change instead of taking the tree\'s selection', async () => {
    const a = await api();
    const selected = await changeNode('2026-12-03-edge-proxy-upgrade');
    await a.changesView.reveal(selected, { select: true, focus: false });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${EXTENSION_ID}#itsmote.gettingStarted`,
      false,
    );
    await until(
      'the walkthrough to be the active tab',
      () => {
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
        return !!tab && !(tab.input instanceof vscode.TabInputText) && !vscode.window.activeTextEditor;
      },
      [vscode.window.tabGroups.onDidChangeTabs],
    );

    const id = '2026-11-30-drop-legacy-sessions-table';
    const before = readText(changeUri(id));
    let offered: readonly ChangeListItem[] = [];
    const pick = async (changes: readonly ChangeListItem[]) => {
      offered = changes;
      return changes.find((c) => c.id === id);
    };
    try {
      // Rejected -> Planned is allowed for the picked change, not for the selected one.
      const moved = await vscode.commands.executeCommand<boolean>('itsmote.advanceStatus', undefined, {
        to: 'Planned',
        pick,
      } satisfies AdvanceOptions);
      assert.equal(moved, true);
      assert.ok(offered.length > 1, 'the person is asked, with the changes that can move');
      assert.ok(
        offered.every((c) => c.allowedNext.length > 0),
        'only changes that can move are offered',
      );
      assert.match(readText(changeUri(id)), /^- Status: Planned$/m);
      assert.match(readText(changeUri(selected.change.id)), /^- Status: Approved$/m, 'the tree selection is untouched');
    } finally {
      writeFileSync(changeUri(id).fsPath, before);
      await until(
        'the tree to reload the restored file',
        () => a.changesTree.changeFor(changeUri(id))?.status === 'Rejected',
        [a.changesTree.onDidRefresh],
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('"Advance Status" with a change document in front acts on it without asking', async () => {
    const a = await api();
    const id = '2026-12-03-cdn-config-update';
    await vscode.window.showTextDocument(changeUri(id));
    const before = readText(changeUri(id));
    let asked = false;
    try {
      const pick = async () => {
        asked = true;
        return undefined;
      };
      const moved = await vscode.commands.executeCommand<boolean>('itsmote.advanceStatus', undefined, {
        to: 'Approved',
        pick,
      } satisfies AdvanceOptions);
      assert.equal(moved, true);
      assert.equal(asked, false);
      assert.match(readText(changeUri(id)), /^- Status: Approved$/m);
    } finally {
      writeFileSync(changeUri(id).fsPath, before);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await until(
        'the tree to reload the restored file',
        () => a.changesTree.changeFor(changeUri(id))?.status === 'Planned',
        [a.changesTree.onDidRefresh],
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});

describe('polish: completion and the quick fix cursor in the editor', () => {
  /** A new change document missing its rollback plan, open in the active editor. */
  async function openMissingRollback(name: string): Promise<vscode.TextEditor> {
    const text = readText(changeUri('2026-12-01-upgrade-payments-db'))
      .replace(/^- Rollback plan:.*\n/m, '')
      .replace(/## Rollback plan[\s\S]*?(?=## Status log)/, '');
    const uri = changeUri(name);
    writeFileSync(uri.fsPath, text);
    const editor = await vscode.window.showTextDocument(uri);
    await until(
      'CM010 on the new document',
      () =>
        vscode.languages
          .getDiagnostics(uri)
          .some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'CM010'),
      [vscode.languages.onDidChangeDiagnostics],
    );
    return editor;
  }

  it('"Add the Rollback plan field" puts the cursor in the new empty value', async () => {
    const editor = await openMissingRollback('polish-cursor');
    const doc = editor.document;
    const first = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('- Change type'));
    // Anywhere on the header's first line (here its end), as a person would put the cursor.
    const end = new vscode.Position(first, doc.lineAt(first).text.length);
    editor.selection = new vscode.Selection(end, end);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(end, end),
      vscode.CodeActionKind.QuickFix.value,
    );
    const add = actions.find((a) => a.title === 'Add the "Rollback plan" field');
    assert.ok(add?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('- Rollback plan:'));
    assert.ok(line > 0, doc.getText());
    await until(
      'the cursor in the new value',
      () => {
        const p = editor.selection.active;
        return (
          p.line === line && p.character === doc.lineAt(line).text.length && p.character >= '- Rollback plan: '.length
        );
      },
      [vscode.window.onDidChangeTextEditorSelection],
      5000,
    ).catch(() => {
      throw new Error(
        `cursor at ${editor.selection.active.line}:${editor.selection.active.character}, the value is on line ${line}: ${JSON.stringify(doc.lineAt(line).text)}`,
      );
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers field names with one row per field, and only values (no snippets of ours) after `Status: `', async () => {
    const editor = await openMissingRollback('polish-completion');
    const doc = editor.document;
    const status = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('- Status:'));
    await editor.edit((b) => b.insert(new vscode.Position(status, 0), '- \n'));
    const names = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(status, 2),
    );
    const labels = names.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Rollback plan'), labels.join(' | '));
    assert.ok(
      !labels.includes('Backout plan') && !labels.includes('Title') && !labels.includes('Change type'),
      labels.join(' | '),
    );
    // `- Status: ` with the cursor after the space: where VS Code adds every snippet it has.
    await editor.edit((b) => b.replace(doc.lineAt(status + 1).range, '- Status: '));
    const values = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(status + 1, '- Status: '.length),
    );
    const valueLabels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    // The allowed next statuses (earlier tests moved the example along), and none of ours besides.
    assert.ok(
      valueLabels.some((l) => (STATUSES as readonly string[]).includes(l)),
      valueLabels.join(' | '),
    );
    assert.deepEqual(
      valueLabels.filter((l) => /^ITSMote|^change-/.test(l)),
      [],
      'our templates and snippets stay out of values',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
