import { strict as assert } from 'node:assert';
import { TestClient, fileUri } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';
import type { ListChangesResult, MetricsResult } from '../../server/src/protocol';

const OTHER_WINDOW = editLine(
  VALID_NORMAL,
  '- Planned execution time:',
  '- Planned execution time: 2026-12-05 14:00 UTC, 60 min',
);
const EXECUTED = editLine(
  editLine(OTHER_WINDOW, '- Status:', '- Status: In Progress'),
  '- 2026-11-27 09:15 UTC Approved by @bob',
  '- 2026-11-27 09:15 UTC Approved by @bob\n- 2026-11-27 10:00 UTC In Progress by @alice',
);

describe('protocol: workspace index', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = new TempWorkspace({
      'changes/a.md': VALID_NORMAL,
      'changes/b.md': editLine(OTHER_WINDOW, '- Verification plan:', null),
      'changes/README.md': '# How to write changes\n',
      'node_modules/pkg/changes/x.md': '# ignored\n',
      'docs/elsewhere.md': '# Hotfix\n\n- Change type: Emergency\n',
      'docs/plain.md': '# Plain notes\n',
      CODEOWNERS: '* @carol @org/platform dave@example.com\n',
    });
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('publishes diagnostics for unopened change documents, and nothing for other files', async () => {
    const b = await client.diagnostics(ws.uri('changes/b.md'));
    assert.ok(b.some((d) => d.code === 'CM011'));
    const byHeader = await client.diagnostics(ws.uri('docs/elsewhere.md'));
    assert.ok(
      byHeader.some((d) => d.code === 'CM023'),
      'an Emergency change outside the globs is found by its header',
    );
    assert.equal(client.lastDiagnostics(ws.uri('changes/README.md')), undefined);
    assert.equal(client.lastDiagnostics(ws.uri('docs/plain.md')), undefined);
    assert.equal(client.lastDiagnostics(ws.uri('node_modules/pkg/changes/x.md')), undefined);
  });

  it('registers file watchers for markdown and .itsmote.json, and shows progress while indexing', () => {
    const w = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(w);
    const globs = (w.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((x) => x.globPattern);
    assert.ok(globs.includes('**/*.md') && globs.includes('**/.itsmote.json'));
    assert.ok(client.received.some((r) => r.method === 'window/workDoneProgress/create'));
  });

  it('lists the changes with summaries and problem counts', async () => {
    const r: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
    assert.equal(r.complete, true);
    assert.deepEqual(
      r.changes.map((c) => c.id),
      ['a', 'b', 'elsewhere'],
    );
    const a = r.changes[0]!;
    assert.equal(a.uri, ws.uri('changes/a.md'));
    assert.equal(a.status, 'Approved');
    assert.deepEqual(a.allowedNext, ['In Progress']);
    assert.deepEqual(a.services, ['payments-db', 'payments-api']);
    assert.deepEqual(r.changes[1]!.problems, { errors: 1, warnings: 0, infos: 0 });
  });

  it('reports CM040 on both documents when an open edit creates a conflict, and clears both when it goes away', async () => {
    const a = ws.uri('changes/a.md');
    const b = ws.uri('changes/b.md');
    let since = client.mark();
    await client.open(b, VALID_NORMAL, 1);
    const [da, db] = await Promise.all([
      client.diagnostics(a, since, (ds) => ds.some((d) => d.code === 'CM040')),
      client.diagnostics(b, since, (ds) => ds.some((d) => d.code === 'CM040')),
    ]);
    assert.match(da.find((d) => d.code === 'CM040')!.message as string, /\bb\b/);
    assert.match(db.find((d) => d.code === 'CM040')!.message as string, /\ba\b/);
    since = client.mark();
    await client.change(b, OTHER_WINDOW, 2);
    await Promise.all([
      client.diagnostics(a, since, (ds) => !ds.some((d) => d.code === 'CM040')),
      client.diagnostics(b, since, (ds) => !ds.some((d) => d.code === 'CM040')),
    ]);
  });

  it('keeps the on-disk diagnostics of a closed change document (workspace diagnostics)', async () => {
    const b = ws.uri('changes/b.md');
    const since = client.mark();
    await client.close(b);
    const ds = await client.diagnostics(b, since);
    assert.ok(
      ds.some((d) => d.code === 'CM011'),
      'back to the disk text, which lacks a verification plan',
    );
  });

  it('follows watched file changes: created, changed and deleted change documents', async () => {
    let since = client.mark();
    ws.write('changes/c.md', EXECUTED);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('changes/c.md'), type: 1 }],
    });
    await client.diagnostics(ws.uri('changes/c.md'), since);
    const note = await client.waitFor(
      (r) =>
        r.method === 'itsmote/indexChanged' && r.params.uris?.includes(ws.uri('changes/c.md')) ? r.params : undefined,
      5000,
      since,
    );
    assert.ok(note);
    const m: MetricsResult = await client.conn.sendRequest('itsmote/metrics', {});
    assert.deepEqual(
      m.months.map((x) => [x.month, x.executed, x.changes]),
      [['2026-11', 1, ['c']]],
    );

    since = client.mark();
    ws.write('changes/c.md', editLine(EXECUTED, '- Risk level:', '- Risk level: Hgh'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('changes/c.md'), type: 2 }],
    });
    const changed = await client.diagnostics(ws.uri('changes/c.md'), since);
    assert.ok(changed.some((d) => d.code === 'CM003'));

    since = client.mark();
    ws.remove('changes/c.md');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('changes/c.md'), type: 3 }],
    });
    assert.deepEqual(await client.diagnostics(ws.uri('changes/c.md'), since), []);
    const r: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
    assert.ok(!r.changes.some((c) => c.id === 'c'));
  });

  it('puts a diagnostic on an invalid .itsmote.json (on the bad key) and applies its valid parts', async () => {
    let since = client.mark();
    ws.write('.itsmote.json', '{\n  "rules": { "CM011": "off", "CM999": "error" }\n}\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('.itsmote.json'), type: 1 }],
    });
    const cfg = await client.diagnostics(ws.uri('.itsmote.json'), since);
    assert.equal(cfg.length, 1);
    assert.equal(cfg[0]!.range.start.line, 1);
    assert.match(cfg[0]!.message as string, /CM999/);
    const b = await client.diagnostics(ws.uri('changes/b.md'), since, (ds) => !ds.some((d) => d.code === 'CM011'));
    assert.deepEqual(b, []);

    since = client.mark();
    ws.remove('.itsmote.json');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('.itsmote.json'), type: 3 }],
    });
    await client.diagnostics(ws.uri('.itsmote.json'), since, (ds) => ds.length === 0);
    await client.diagnostics(ws.uri('changes/b.md'), since, (ds) => ds.some((d) => d.code === 'CM011'));
  });

  it('stops publishing unopened documents when workspaceDiagnostics is turned off', async () => {
    let since = client.mark();
    client.settings = { workspaceDiagnostics: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Earlier re-checks may still be on their way; what counts is that the document is cleared.
    await client.diagnostics(ws.uri('changes/b.md'), since, (ds) => ds.length === 0);
    client.settings = {};
    since = client.mark();
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(ws.uri('changes/b.md'), since, (ds) => ds.length > 0);
  });

  it('indexes a workspace folder added later, and lists changes per folder', async () => {
    const extra = new TempWorkspace({ 'changes/z.md': OTHER_WINDOW });
    try {
      const since = client.mark();
      await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: fileUri(extra.root), name: 'extra' }], removed: [] },
      });
      await client.diagnostics(extra.uri('changes/z.md'), since);
      const only: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {
        folderUri: fileUri(extra.root),
      });
      assert.deepEqual(
        only.changes.map((c) => c.id),
        ['z'],
      );
      const all: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
      assert.ok(all.changes.some((c) => c.id === 'z') && all.changes.some((c) => c.id === 'a'));
    } finally {
      extra.cleanup();
    }
  });
});
