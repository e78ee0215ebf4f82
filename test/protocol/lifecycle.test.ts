import { strict as assert } from 'node:assert';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';

describe('protocol: initialize, diagnostics on open/change/close, shutdown', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let init: Awaited<ReturnType<typeof TestClient.start>>['init'];

  before(async () => {
    ws = new TempWorkspace({ 'README.md': '# not a change\n' });
    ({ client, init } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('announces the capabilities the client relies on', () => {
    const c = init.capabilities;
    assert.deepEqual(c.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(c.codeActionProvider, {
      codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.itsmote'],
      resolveProvider: false,
    });
    assert.deepEqual(c.completionProvider?.triggerCharacters, [':', ' ', '-', ',', '@']);
    assert.equal(c.hoverProvider, true);
    assert.equal(c.documentSymbolProvider, true);
    assert.deepEqual(c.executeCommandProvider?.commands, ['itsmote.server.advanceStatus']);
    assert.equal(c.workspace?.workspaceFolders?.supported, true);
    assert.equal(init.serverInfo?.name, 'itsmote-changes');
  });

  it('publishes diagnostics on open, with source, code, codeDescription and data', async () => {
    const uri = ws.uri('changes/open.md');
    const since = client.mark();
    await client.open(uri, editLine(VALID_NORMAL, '- Verification plan:', null), 1);
    const ds = await client.diagnostics(uri, since);
    const cm011 = ds.find((d) => d.code === 'CM011');
    assert.ok(cm011, `expected CM011, got ${ds.map((d) => d.code)}`);
    assert.equal(cm011.source, 'itsmote');
    assert.match(cm011.codeDescription!.href, /rules\.md#cm011$/);
    assert.deepEqual(cm011.data, {
      rule: 'CM011',
      fix: 'insertField',
      field: 'verification',
      name: 'Verification plan',
    });
  });

  it('re-publishes on change (debounced) and drops stale versions', async () => {
    const uri = ws.uri('changes/open.md');
    const since = client.mark();
    // Two quick changes: only the last version's diagnostics may be published.
    await client.change(uri, editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'), 2);
    await client.change(uri, VALID_NORMAL, 3);
    const ds = await client.diagnostics(uri, since);
    assert.deepEqual(ds, []);
    const versions = client.received
      .slice(since)
      .filter((r) => r.method === 'textDocument/publishDiagnostics' && r.params.uri === uri)
      .map((r) => r.params.version);
    assert.deepEqual(versions, [3]);
  });

  it('applies incremental (ranged) changes', async () => {
    const uri = ws.uri('changes/open.md');
    const line = VALID_NORMAL.split('\n').findIndex((l) => l.startsWith('- Risk level:'));
    const since = client.mark();
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 10 },
      contentChanges: [{ range: { start: { line, character: 14 }, end: { line, character: 18 } }, text: 'Hgh' }],
    });
    const ds = await client.diagnostics(uri, since, (_d, v) => v === 10);
    assert.deepEqual(
      ds.map((d) => [d.code, d.range.start.line]),
      [['CM003', line]],
    );
    const fixed = client.mark();
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 11 },
      contentChanges: [{ range: { start: { line, character: 14 }, end: { line, character: 17 } }, text: 'High' }],
    });
    assert.deepEqual(await client.diagnostics(uri, fixed, (_d, v) => v === 11), []);
  });

  it('clears diagnostics on close when the file is not on disk', async () => {
    const uri = ws.uri('changes/open.md');
    let since = client.mark();
    await client.change(uri, editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'), 12);
    assert.ok((await client.diagnostics(uri, since)).some((d) => d.code === 'CM003'));
    since = client.mark();
    await client.close(uri);
    assert.deepEqual(await client.diagnostics(uri, since), []);
  });

  it('clears diagnostics on close for a file outside the workspace folders, even when it is on disk', async () => {
    const outside = new TempWorkspace({
      'changes/far.md': editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'),
    });
    try {
      const uri = outside.uri('changes/far.md');
      let since = client.mark();
      await client.open(uri, editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'), 1);
      assert.ok((await client.diagnostics(uri, since)).some((d) => d.code === 'CM003'));
      since = client.mark();
      await client.close(uri);
      assert.deepEqual(await client.diagnostics(uri, since), []);
    } finally {
      outside.cleanup();
    }
  });

  it('gives non-change markdown nothing, and a markdown file with a Change type item diagnostics', async () => {
    const plain = ws.uri('notes/plain.md');
    const byHeader = ws.uri('notes/by-header.md');
    const since = client.mark();
    await client.open(plain, '# Notes\n\n- just: a list\n', 1);
    await client.open(byHeader, '# Fix\n\n- Change type: Normal\n', 1);
    const ds = await client.diagnostics(byHeader, since);
    assert.ok(ds.some((d) => d.code === 'CM002'));
    assert.equal(client.lastDiagnostics(plain), undefined);
  });

  it('survives a document it cannot make sense of and a malformed request', async () => {
    const uri = ws.uri('changes/garbage.md');
    const since = client.mark();
    await client.open(uri, '\u0000\uFFFD- : :\n\n```\n- Status: \n## \n' + '*'.repeat(5000) + '\n[', 1);
    const ds = await client.diagnostics(uri, since);
    assert.ok(ds.length > 0);
    // Params of the wrong shape: a logged error and a harmless answer, not a crash.
    assert.equal(await client.conn.sendRequest('textDocument/hover', { nonsense: true }), null);
    assert.deepEqual(
      await client.conn.sendRequest('textDocument/codeAction', { textDocument: 42, range: 'x', context: null }),
      [],
    );
    assert.equal(
      await client.conn.sendRequest('workspace/executeCommand', {
        command: 'itsmote.server.advanceStatus',
        arguments: [{ uri: 7 }],
      }),
      false,
    );
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///nowhere.md', version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    // An unknown method is a JSON-RPC error answer.
    await assert.rejects(client.conn.sendRequest('itsmote/noSuchRequest', {}), /Unhandled method|not found/i);
    const hover = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(client.exitCode, undefined);
  });

  it('answers shutdown and exits with code 0 on exit', async () => {
    const w = new TempWorkspace();
    const { client: c } = await TestClient.start({ folders: [w.root] });
    await c.indexed();
    assert.equal(await c.stop(), 0);
    w.cleanup();
  });
});
