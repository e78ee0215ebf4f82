import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChangeNode } from '../../client/src/changes/tree';
import { api, changeUri, readText, until } from './helpers';

async function node(id: string): Promise<ChangeNode> {
  const a = await api();
  for (const g of a.changesTree.getChildren()) {
    const n = a.changesTree.getChildren(g).find((c) => c.kind === 'change' && c.change.id === id);
    if (n?.kind === 'change') return n;
  }
  throw new Error(`${id} is not in the tree`);
}

function groupOf(a: Awaited<ReturnType<typeof api>>, id: string): string | undefined {
  for (const g of a.changesTree.getChildren()) {
    if (g.kind === 'group' && a.changesTree.getChildren(g).some((c) => c.kind === 'change' && c.change.id === id))
      return g.group.label;
  }
  return undefined;
}

describe('Advance status', () => {
  it('moves a change from the tree: the tree and the file both show it', async () => {
    const a = await api();
    const id = '2026-12-01-upgrade-payments-db';
    const n = await node(id);
    assert.equal(n.change.status, 'Approved');
    assert.deepEqual(n.change.allowedNext, ['In Progress']);
    const moved = await vscode.commands.executeCommand<boolean>('itsmote.advanceStatus', n, { to: 'In Progress' });
    assert.equal(moved, true);

    const text = readText(changeUri(id));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === changeUri(id).toString());
    assert.match(
      text,
      /^- Status: In Progress$/m,
      `the file on disk has the new status (editor copy: ${doc ? `dirty=${doc.isDirty} status=${/^- Status: (.*)$/m.exec(doc.getText())?.[1]}` : 'not open'})`,
    );
    assert.match(
      text,
      /^- 2026-11-27 09:15 UTC Approved by @bob\n- 2026-11-28 12:00 UTC In Progress by .+$/m,
      'a log entry after the last one',
    );
    await until('the tree to move it', () => groupOf(a, id) === 'In Progress', [a.changesTree.onDidRefresh]);
    assert.deepEqual((await node(id)).change.allowedNext, ['Verifying', 'Rolled Back']);
  });

  it('writes the reason of a rollback into the log', async () => {
    const a = await api();
    const id = '2026-11-20-auth-session-ttl';
    const moved = await vscode.commands.executeCommand<boolean>('itsmote.advanceStatus', await node(id), {
      to: 'Rolled Back',
      note: 'logins failed for SSO users',
    });
    assert.equal(moved, true);
    assert.match(readText(changeUri(id)), /^- 2026-11-28 12:00 UTC Rolled Back by .+: logins failed for SSO users$/m);
    await until('the tree to move it', () => groupOf(a, id) === 'Rolled Back', [a.changesTree.onDidRefresh]);
  });

  it('refuses a step the lifecycle does not allow and leaves the file alone', async () => {
    const id = '2026-10-27-log-retention';
    const before = readText(changeUri(id));
    const n = await node(id);
    assert.equal(n.change.allowedNext.includes('Planned'), false);
    const moved = await vscode.commands.executeCommand<boolean>('itsmote.advanceStatus', n, { to: 'Planned' });
    assert.equal(moved, false);
    assert.equal(readText(changeUri(id)), before);
  });

  it("works on the active editor too, and keeps the user's unsaved edits unsaved", async () => {
    const a = await api();
    const id = '2026-11-28-rabbitmq-prefetch';
    const uri = changeUri(id);
    const editor = await vscode.window.showTextDocument(uri);
    const status = (await node(id)).change.status;
    const next = (await node(id)).change.allowedNext[0]!;
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\nA note not saved yet.\n'));
    const onDisk = readText(uri);
    const moved = await vscode.commands.executeCommand<boolean>('itsmote.advanceStatus', undefined, { to: next });
    assert.equal(moved, true, `${status} -> ${next}`);
    assert.match(editor.document.getText(), new RegExp(`^- Status: ${next}$`, 'm'));
    assert.equal(editor.document.isDirty, true, "not saved behind the user's back");
    assert.equal(readText(uri), onDisk);
    await until('the tree to follow the editor', () => a.changesTree.changeFor(uri)?.status === next, [
      a.changesTree.onDidRefresh,
    ]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
