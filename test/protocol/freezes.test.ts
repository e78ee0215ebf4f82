import { strict as assert } from 'node:assert';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';
import type { ListChangesResult, MetricsResult } from '../../server/src/protocol';

const FREEZES = [
  { name: 'December freeze', start: '2026-12-01 00:00 UTC', end: '2026-12-02 00:00 UTC', services: ['payments-*'] },
  { name: 'Audit', start: '2027-01-10 00:00 UTC', end: '2027-01-11 00:00 UTC' },
];
// Same window, another service the freeze covers (sharing one would be CM040).
const EMERGENCY = editLine(
  editLine(editLine(VALID_NORMAL, '- Change type:', '- Change type: Emergency\n- Incident: INC-7'), '- Approval', null),
  '- Affected services:',
  '- Affected services: payments-gateway',
);
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('protocol: change freezes (CM041, tree mark, hover, dashboard, config errors)', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = new TempWorkspace({
      '.itsmote.json': JSON.stringify({ freezes: FREEZES }, null, 2),
      'changes/normal.md': VALID_NORMAL,
      'changes/emergency.md': EMERGENCY,
    });
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('publishes CM041 on the window of the Normal change, and nothing on the Emergency change in the same window', async () => {
    const normal = await client.diagnostics(ws.uri('changes/normal.md'));
    assert.deepEqual(codes(normal), ['CM041']);
    const d = normal[0]!;
    assert.equal(d.severity, 1);
    assert.equal(
      d.range.start.line,
      VALID_NORMAL.split('\n').findIndex((l) => l.startsWith('- Planned execution time:')),
    );
    assert.match(d.message as string, /"December freeze" \(2026-12-01 00:00 UTC until 2026-12-02 00:00 UTC\)/);
    assert.match(d.codeDescription!.href, /#cm041$/);
    assert.deepEqual(codes(await client.diagnostics(ws.uri('changes/emergency.md'))), []);
  });

  it('marks the change in itsmote/listChanges (the tree) with the freeze of its CM041', async () => {
    const r: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
    const byId = new Map(r.changes.map((c) => [c.id, c]));
    assert.deepEqual(byId.get('normal')?.freezes, [
      { name: 'December freeze', start: '2026-12-01T00:00:00.000Z', end: '2026-12-02T00:00:00.000Z' },
    ]);
    assert.equal(byId.get('emergency')?.freezes, undefined);
  });

  it('tells on hovering the window which freeze it falls in', async () => {
    const line = VALID_NORMAL.split('\n').findIndex((l) => l.startsWith('- Planned execution time:'));
    const h: Hover = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: ws.uri('changes/normal.md') },
      position: { line, character: 30 },
    });
    const value = (h.contents as { value: string }).value;
    assert.match(
      value,
      /\*\*Freeze "December freeze"\*\* \(2026-12-01 00:00 UTC until 2026-12-02 00:00 UTC\) covers payments-db, payments-api: only Emergency changes may run in it/,
    );
    assert.match(value, /CM041 window-in-freeze/);
  });

  it('sends the freezes with the metrics, for the dashboard', async () => {
    const r: MetricsResult = await client.conn.sendRequest('itsmote/metrics', {});
    assert.deepEqual(
      r.freezes?.map((f) => [f.name, f.start, f.end, f.services, f.allow]),
      [
        ['December freeze', '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z', ['payments-*'], ['Emergency']],
        ['Audit', '2027-01-10T00:00:00.000Z', '2027-01-11T00:00:00.000Z', [], ['Emergency']],
      ],
    );
  });

  it('puts an invalid freeze on .itsmote.json at the bad field, naming the entry, and keeps the valid freeze', async () => {
    const since = client.mark();
    const text = JSON.stringify({ freezes: [FREEZES[0], { ...FREEZES[1], end: '2027-01-09 00:00 UTC' }] }, null, 2);
    ws.write('.itsmote.json', text);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('.itsmote.json'), type: 2 }],
    });
    const cfg = await client.diagnostics(ws.uri('.itsmote.json'), since, (ds) => ds.length > 0);
    assert.equal(cfg.length, 1);
    assert.match(cfg[0]!.message as string, /"freezes\[1\]\.end" must be after the start/);
    // The second entry's "end" value (config errors sit on the bad value), not the first one's.
    const lines = text.split('\n');
    const secondEnd = lines.findIndex(
      (l, i) => l.includes('"end"') && i > lines.findIndex((x) => x.includes('"Audit"')),
    );
    assert.equal(cfg[0]!.range.start.line, secondEnd);
    assert.equal(
      lines[secondEnd]!.slice(cfg[0]!.range.start.character, cfg[0]!.range.end.character),
      '"2027-01-09 00:00 UTC"',
    );
    assert.deepEqual(codes(client.lastDiagnostics(ws.uri('changes/normal.md')) ?? []), ['CM041']);
  });

  it('drops CM041 when the freeze is removed from the config', async () => {
    const since = client.mark();
    ws.write('.itsmote.json', JSON.stringify({ freezes: [FREEZES[1]] }));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('.itsmote.json'), type: 2 }],
    });
    await client.diagnostics(ws.uri('changes/normal.md'), since, (ds) => ds.length === 0);
    const r: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
    assert.equal(r.changes.find((c) => c.id === 'normal')?.freezes, undefined);
  });
});
