import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

describe('protocol: --node-ipc transport (the VS Code client)', () => {
  it('initializes, pushes diagnostics to a client with no optional capabilities, and shuts down', async () => {
    const child = fork(join(__dirname, '..', '..', 'dist', 'server.js'), ['--node-ipc'], {
      stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      conn.onNotification(PublishDiagnosticsNotification.type, resolve),
    );
    conn.listen();
    const init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {},
    });
    assert.equal(init.serverInfo?.name, 'itsmote-changes');
    await conn.sendNotification(InitializedNotification.type, {});
    // No folders, no workspace/configuration, no dynamic registration: an untitled change document still gets diagnostics.
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri: 'untitled:Untitled-1',
        languageId: 'markdown',
        version: 1,
        text: '# Hotfix\n\n- Change type: Emergency\n',
      },
    });
    const p = await Promise.race([
      published,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 5 s')), 5000)),
    ]);
    assert.equal(p.uri, 'untitled:Untitled-1');
    assert.ok(p.diagnostics.some((d) => d.code === 'CM023'));
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    conn.dispose();
  });
});
