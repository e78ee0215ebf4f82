import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, changeUri, codesOf, diagnosticsOf, expectedCodes, until, workspaceRoot } from './helpers';

describe('diagnostics', () => {
  before(async () => {
    await api();
  });

  it('puts the expected problems of a faulty document in the Problems panel when it is opened', async () => {
    const uri = changeUri('2026-11-20-auth-session-ttl');
    await vscode.window.showTextDocument(uri);
    const want = expectedCodes().get('changes/2026-11-20-auth-session-ttl.md')!;
    assert.deepEqual(want, ['CM020', 'CM030', 'CM036']);
    const diags = await diagnosticsOf(uri, (d) => codesOf(d).join() === want.join());
    const cm020 = diags.find((d) => d.code && typeof d.code === 'object' && d.code.value === 'CM020');
    assert.ok(cm020, 'CM020 carries a code with a link');
    assert.equal(cm020.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String((cm020.code as { target: vscode.Uri }).target), /#cm020$/i);
    const text = (await vscode.workspace.openTextDocument(uri)).lineAt(cm020.range.start.line).text;
    assert.match(text, /^- Status:/, 'CM020 points at the Status item');
  });

  it('reports exactly the codes of examples/EXPECTED.md for every example', async () => {
    for (const [file, want] of expectedCodes()) {
      const uri = vscode.Uri.joinPath(workspaceRoot(), file);
      await vscode.workspace.openTextDocument(uri);
      // A clean document has nothing to wait for: wait for the ones that have problems, then
      // check the clean ones have none once the whole set has been published.
      if (want.length) await diagnosticsOf(uri, (d) => codesOf(d).join() === want.join());
    }
    for (const [file, want] of expectedCodes()) {
      const uri = vscode.Uri.joinPath(workspaceRoot(), file);
      const got = codesOf(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'itsmote'));
      assert.deepEqual(got, want, file);
    }
  });

  it('updates the problems as the document is edited (fixing CM023)', async () => {
    const uri = changeUri('2026-11-24-emergency-dns-failover');
    const editor = await vscode.window.showTextDocument(uri);
    const doc = editor.document;
    const has023 = (): boolean =>
      codesOf(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'itsmote')).includes('CM023');
    const changed = [vscode.languages.onDidChangeDiagnostics];
    await until('CM023 on the unedited document', () => has023(), changed);
    const typeLine = [...Array(doc.lineCount).keys()].find((i) => /^- Change type:/i.test(doc.lineAt(i).text));
    assert.ok(typeLine !== undefined);
    const at = new vscode.Position(typeLine + 1, 0);
    const add = new vscode.WorkspaceEdit();
    add.insert(uri, at, '- Incident: INC-4242\n');
    assert.equal(await vscode.workspace.applyEdit(add), true);
    await until('CM023 to go once an incident is linked', () => !has023(), changed);
    // Take the line out again (an edit, not the active-editor revert command) and save.
    const remove = new vscode.WorkspaceEdit();
    remove.delete(uri, new vscode.Range(at, new vscode.Position(typeLine + 2, 0)));
    assert.equal(await vscode.workspace.applyEdit(remove), true);
    await until('CM023 to come back without the incident', () => has023(), changed);
    await doc.save();
  });
});
