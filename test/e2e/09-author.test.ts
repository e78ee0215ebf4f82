/**
 * Who writes the log line: with no known identity, the server's "Advance status to X" code
 * actions are routed through the Advance Status command, which asks once instead of writing a
 * guess (client/src/advance-actions.ts). The asking itself is driven in the UI checks
 * (.ci/e2e/restricted.mjs: New Change asks once in Restricted Mode).
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { advanceTarget, routeAdvanceThroughCommand } from '../../client/src/advance-actions';
import { api, changeUri } from './helpers';

describe('author', () => {
  it('is the git identity of the workspace when no setting names one (run.sh: user.name "Kofi Mensah")', async () => {
    const a = await api();
    assert.equal(vscode.workspace.getConfiguration('itsmote').get('author'), '');
    assert.equal(a.author(), 'Kofi Mensah');
  });

  it("reads the target of the server's advance actions, and only of those", () => {
    const rewrite = vscode.CodeActionKind.RefactorRewrite;
    assert.equal(advanceTarget(new vscode.CodeAction('Advance status to In Progress', rewrite)), 'In Progress');
    assert.equal(
      advanceTarget(new vscode.CodeAction('Advance status to Rolled Back (say why in the log)', rewrite)),
      'Rolled Back',
    );
    assert.equal(
      advanceTarget(new vscode.CodeAction('Advance status to Closed', vscode.CodeActionKind.QuickFix)),
      undefined,
    );
    assert.equal(advanceTarget(new vscode.CodeAction('Add the "Rollback plan" field', rewrite)), undefined);
  });

  it("routes the server's real advance actions through the command that asks, leaving the others alone", async () => {
    await api();
    const uri = changeUri('2026-12-01-upgrade-payments-db');
    const doc = await vscode.workspace.openTextDocument(uri);
    const statusLine = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('- Status:'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(statusLine, 3, statusLine, 3),
    );
    const advance = actions.filter((a) => advanceTarget(a));
    assert.ok(
      advance.length > 0,
      `the server offers advance actions on ${doc.fileName}: ${actions.map((a) => a.title).join(' | ')}`,
    );
    assert.ok(
      advance.every((a) => a.edit),
      "with an identity known, the server's edit is used as it is",
    );
    const routed = routeAdvanceThroughCommand(actions, uri) as vscode.CodeAction[];
    for (const [i, before] of actions.entries()) {
      const after = routed[i]!;
      const to = advanceTarget(before);
      if (!to) {
        assert.equal(after, before);
        continue;
      }
      assert.equal(after.edit, undefined, 'no ready edit naming a guessed author');
      assert.equal(after.command?.command, 'itsmote.advanceStatus');
      assert.deepEqual(after.command?.arguments, [uri, { to, askAuthor: true }]);
    }
  });
});
