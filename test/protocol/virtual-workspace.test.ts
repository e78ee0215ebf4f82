/**
 * A virtual workspace on the desktop (Remote Repositories: `vscode-vfs://github/...`): Node's fs
 * cannot read it, so the client starts dist/server.js with `--virtual-workspace` and answers its
 * `itsmote/fs/*` requests with vscode.workspace.fs (client/src/workspace-fs.ts). Here the test
 * client answers them from an in-memory copy of the examples, as that code would.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClient } from './helpers/client';
import { NOW_ISO } from './helpers/workspace';
import { EXAMPLES, itsmote, json, NOW, ROOT } from '../cli/run';
import { readTree } from '../helpers/read-tree';
import { VIRTUAL_WORKSPACE_ARG } from '../../server/src/protocol';
import type { FsReadDirectoryResult, FsReadFileResult, FsStatResult } from '../../server/src/protocol';

const FOLDER = 'vscode-vfs://github/itsmote/demo';

/** The answers of client/src/workspace-fs.ts, from a map of URI -> text (folders are implied). */
function memoryFs(files: Record<string, string>) {
  const isDir = (uri: string) => Object.keys(files).some((f) => f.startsWith(`${uri.replace(/\/$/, '')}/`));
  const missing = { ok: false as const, reason: 'no such file or directory' };
  return {
    'itsmote/fs/readFile': ({ uri }: { uri: string }): FsReadFileResult =>
      uri in files ? { ok: true, text: files[uri]! } : isDir(uri) ? { ok: false, reason: 'is a directory' } : missing,
    'itsmote/fs/stat': ({ uri }: { uri: string }): FsStatResult =>
      uri in files ? { ok: true, type: 1 } : isDir(uri) ? { ok: true, type: 2 } : missing,
    'itsmote/fs/readDirectory': ({ uri }: { uri: string }): FsReadDirectoryResult => {
      if (!isDir(uri)) return missing;
      const prefix = `${uri.replace(/\/$/, '')}/`;
      const entries = new Map<string, number>();
      for (const f of Object.keys(files).filter((x) => x.startsWith(prefix))) {
        const [name, ...rest] = f.slice(prefix.length).split('/');
        entries.set(name!, rest.length ? 2 : 1);
      }
      return { ok: true, entries: [...entries] };
    },
  };
}

interface Published {
  code?: string;
  range: { start: { line: number; character: number } };
}

describe('protocol: a virtual workspace on the desktop (--virtual-workspace)', function () {
  this.timeout(30_000);
  const examples = readTree(EXAMPLES);
  const files = Object.fromEntries(Object.entries(examples).map(([rel, text]) => [`${FOLDER}/${rel}`, text]));
  let client: TestClient;
  let storage: string;

  before(async () => {
    storage = mkdtempSync(join(tmpdir(), 'itsmote-storage-'));
    ({ client } = await TestClient.start({
      folderUris: [FOLDER],
      serverArgs: [VIRTUAL_WORKSPACE_ARG],
      env: { ITSMOTE_NOW: NOW_ISO },
      initializationOptions: { storagePath: storage },
      answers: memoryFs(files),
    }));
    await client.indexed();
  });
  after(async () => {
    await client?.stop();
    rmSync(storage, { recursive: true, force: true });
  });

  it('indexes the folder through the client with the diagnostics the CLI gives on disk', () => {
    const desktop = json<{ file: string; diagnostics: Published[] }[]>(
      itsmote(['check', 'examples', '--format', 'json', '--now', NOW], { cwd: ROOT }),
    );
    const key = (ds: Published[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`).sort();
    const expected = Object.fromEntries(
      desktop.map((f) => [`${FOLDER}/${f.file.replace(/^examples\//, '')}`, key(f.diagnostics)]),
    );
    assert.ok(
      Object.values(expected).some((codes) => codes.length > 0),
      'the examples have problems to find',
    );
    const got = Object.fromEntries(
      Object.keys(expected).map((uri) => [uri, key((client.lastDiagnostics(uri) ?? []) as Published[])]),
    );
    assert.deepEqual(got, expected);
    const asked = client.received.filter((r) => r.method.startsWith('itsmote/fs/')).map((r) => r.params.uri);
    assert.ok(asked.includes(FOLDER), 'the walk listed the folder through the client');
    assert.ok(asked.includes(`${FOLDER}/.itsmote.json`), 'the config came from the virtual folder');
  });

  it('lists every change document under its vscode-vfs URI', async () => {
    const r: { complete: boolean; changes: { uri: string; status?: string }[] } = await client.conn.sendRequest(
      'itsmote/listChanges',
      {},
    );
    assert.equal(r.complete, true);
    const changeFiles = Object.keys(examples)
      .filter((f) => f.startsWith('changes/'))
      .map((f) => `${FOLDER}/${f}`);
    assert.deepEqual(r.changes.map((c) => c.uri).sort(), changeFiles.sort());
  });

  it('keeps no index file (no local folder to key it on) and says what it reads through', () => {
    assert.deepEqual(readdirSync(storage), []);
    const log = client.received.filter((r) => r.method === 'window/logMessage').map((r) => r.params.message);
    assert.ok(
      log.some((m: string) => /virtual workspace \(reads through the client\)/.test(m)),
      log.join('\n'),
    );
  });

  it('without the argument the server reads no virtual folder (and asks the client nothing)', async () => {
    const { client: plain } = await TestClient.start({
      folderUris: [FOLDER],
      env: { ITSMOTE_NOW: NOW_ISO },
      answers: memoryFs(files),
    });
    try {
      const r: { changes: unknown[] } = await plain.conn.sendRequest('itsmote/listChanges', {});
      assert.equal(r.changes.length, 0);
      assert.equal(plain.received.filter((x) => x.method.startsWith('itsmote/fs/')).length, 0);
    } finally {
      await plain.stop();
    }
  });
});
