import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates on the example workspace', async () => {
    const ext = vscode.extensions.getExtension('itsmote.itsmote-changes');
    assert.ok(ext, 'extension is loaded');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
