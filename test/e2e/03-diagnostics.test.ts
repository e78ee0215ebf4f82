import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, changeUri, codesOf, diagnosticsOf, expectedCodes, workspaceRoot } from './helpers';

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
    await diagnosticsOf(uri, (d) => codesOf(d).includes('CM023'));
    const typeLine = [...Array(editor.document.lineCount).keys()].find((i) => /^- Change type:/i.test(editor.document.lineAt(i).text));
    assert.ok(typeLine !== undefined);
    await editor.edit((b) => b.insert(new vscode.Position(typeLine + 1, 0), '- Incident: INC-4242\n'));
    await diagnosticsOf(uri, (d) => !codesOf(d).includes('CM023'), 20_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsOf(uri, (d) => codesOf(d).includes('CM023'));
  });
});
