import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { EXTENSION_ID, api, expectedCodes } from './helpers';

describe('activation', () => {
  it('is already active on the example workspace (workspaceContains), before any test asked', () => {
    // Eager activations finish before the extension host runs the tests, so this is the
    // workspaceContains:**/changes/**/*.md event at work, not the activate() call below.
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is loaded');
    assert.equal(ext.isActive, true);
  });

  it('starts the language server over IPC and shows it running in the status bar', async () => {
    const a = await api();
    assert.equal(a.client.state, State.Running);
    assert.equal(
      a.client.initializeResult?.serverInfo?.name !== undefined,
      true,
      'server answered initialize with its info',
    );
    const withErrors = [...expectedCodes().values()].filter((codes) =>
      codes.some((c) => c !== 'CM036' && c !== 'CM040'),
    ).length;
    assert.equal(a.status.text, `$(checklist) ${expectedCodes().size} $(error) ${withErrors}`);
  });

  it('registers every command of the manifest', async () => {
    await api();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });
});
