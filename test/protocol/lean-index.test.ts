/**
 * The lean index (issue 12): the index is kept in the client's storage folder between sessions
 * and reused only for unchanged text and config (a damaged file is ignored); closed documents
 * keep no model, yet requests about them are answered from the file.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';
import { rewriteCacheFile } from '../helpers/cache-file';

const NO_VERIFICATION = editLine(VALID_NORMAL, '- Verification plan:', null);

describe('protocol: lean index', () => {
  let ws: TempWorkspace;
  let storage: string;
  const index = () => join(storage, 'index.itsmotecache');
  const start = () =>
    TestClient.start({
      folders: [ws.root],
      env: { ITSMOTE_NOW: NOW_ISO },
      initializationOptions: { storagePath: storage },
    });

  beforeEach(() => {
    ws = new TempWorkspace({ 'changes/a.md': VALID_NORMAL, 'changes/b.md': NO_VERIFICATION });
    storage = mkdtempSync(join(tmpdir(), 'itsmote-storage-'));
  });
  afterEach(() => {
    ws.cleanup();
    rmSync(storage, { recursive: true, force: true });
  });

  it('keeps the index in the storage folder and reuses it for unchanged files only', async () => {
    let { client } = await start();
    await client.indexed();
    const before = await client.diagnostics(ws.uri('changes/b.md'));
    assert.ok(before.some((d) => d.code === 'CM011'));
    await client.stop();
    // The index is written after the scan: wait for the file rather than a fixed time.
    assert.ok(existsSync(index()), 'the index is kept in the storage folder');
    // A planted diagnostic in a valid file can only reach the client through reuse.
    rewriteCacheFile(
      index(),
      (uri, record) => uri.endsWith('/a.md') && record.s.push([[0, 0, 0, 1], 1, 'CM999', 'planted']) > 0,
    );
    ({ client } = await start());
    await client.indexed();
    const a = await client.diagnostics(ws.uri('changes/a.md'));
    assert.ok(
      a.some((d) => d.code === 'CM999'),
      'the record of the unchanged file is reused',
    );
    await client.stop();
    // Changed text: analysed again, the planted record is not used.
    ws.write('changes/a.md', `${VALID_NORMAL}\n`);
    ({ client } = await start());
    await client.indexed();
    assert.ok(!(await client.diagnostics(ws.uri('changes/a.md'))).some((d) => d.code === 'CM999'));
    await client.stop();
  });

  it('ignores a damaged index', async () => {
    let { client } = await start();
    await client.indexed();
    await client.stop();
    const text = readFileSync(index(), 'utf8');
    writeFileSync(index(), text.replace('CM011', 'CM999'));
    ({ client } = await start());
    await client.indexed();
    assert.ok((await client.diagnostics(ws.uri('changes/b.md'))).some((d) => d.code === 'CM011'));
    await client.stop();
  });

  it('re-checks a closed document whose record is kept only on disk when CODEOWNERS changes', async () => {
    // With a storage folder a closed document's entry holds no record: CM016 runs again on the file.
    execFileSync('git', ['init', '-q', ws.root]);
    ws.write('CODEOWNERS', '* @alice @bob\n');
    ws.write(
      'changes/z.md',
      editLine(
        editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: @zed'),
        '- Planned execution time:',
        '- Planned execution time: 2026-12-09 14:00 UTC, 60 min',
      ),
    );
    const { client } = await start();
    try {
      await client.indexed();
      const uri = ws.uri('changes/z.md');
      assert.ok(
        (await client.diagnostics(uri)).some((d) => d.code === 'CM016'),
        'the owner is unknown at first',
      );
      const since = client.mark();
      ws.write('CODEOWNERS', '* @alice @bob @zed\n');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: ws.uri('CODEOWNERS'), type: 2 }],
      });
      const after = await client.diagnostics(uri, since, (ds) => !ds.some((d) => d.code === 'CM016'));
      assert.ok(!after.some((d) => d.code === 'CM016'));
    } finally {
      await client.stop();
    }
  });

  it('answers requests about a closed document from its file (no model kept)', async () => {
    const { client } = await start();
    await client.indexed();
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: ws.uri('changes/b.md') },
    })) as { name: string }[];
    assert.ok(symbols.length > 0);
    const hover = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: ws.uri('changes/b.md') },
      position: { line: 2, character: 4 },
    })) as { contents: unknown } | null;
    assert.ok(hover, 'a hover on the Change type item');
    await client.stop();
  });
});
