import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';

const CATALOG = (services: string[]) =>
  services
    .map((s) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${s}\nspec:\n  type: service\n`)
    .join('---\n');
const NEW_DOC = editLine(
  editLine(
    editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: @zed'),
    '- Affected services:',
    '- Affected services: payments-db, ledger',
  ),
  '- Planned execution time:',
  '- Planned execution time: 2026-12-05 14:00 UTC, 60 min',
);
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('protocol: repository facts (CODEOWNERS, Backstage catalog)', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let uri: string;

  before(async () => {
    ws = new TempWorkspace({
      CODEOWNERS: '* @alice @bob @org/platform\n',
      'catalog-info.yaml': CATALOG(['payments-db', 'payments-api', 'billing']),
      'changes/known.md': VALID_NORMAL,
    });
    execFileSync('git', ['init', '-q', ws.root]);
    uri = ws.uri('changes/new.md');
    ws.write('changes/new.md', NEW_DOC);
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('watches CODEOWNERS and catalog files', () => {
    const w = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const globs = (w?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((x) => x.globPattern);
    assert.ok(globs.includes('**/CODEOWNERS') && globs.includes('**/catalog-info.yaml'), globs.join(', '));
  });

  it('reports an unknown owner (CM016) and an unknown service (CM017) on an opened document, and nothing on a known one', async () => {
    const since = client.mark();
    await client.open(uri, NEW_DOC, 1);
    const ds = await client.diagnostics(uri, since, (_d, version) => version === 1);
    assert.deepEqual(
      codes(ds)
        .filter((c) => c === 'CM016' || c === 'CM017')
        .sort(),
      ['CM016', 'CM017'],
    );
    assert.match(ds.find((d) => d.code === 'CM016')!.message as string, /@zed is not in CODEOWNERS/);
    assert.match(ds.find((d) => d.code === 'CM017')!.message as string, /"ledger" is not in the service catalog/);
    const known = await client.diagnostics(ws.uri('changes/known.md'));
    assert.deepEqual(codes(known), []);
  });

  it('completes Affected services with the catalog names', async () => {
    const line = NEW_DOC.split('\n').findIndex((l) => l.startsWith('- Affected services:'));
    const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: '- Affected services: payments-db,'.length },
    });
    const billing = items.find((i) => i.label === 'billing');
    assert.ok(billing, items.map((i) => i.label).join(', '));
    assert.equal(billing.detail, 'service in the catalog');
    assert.ok(items.some((i) => i.label === 'payments-api'));
    assert.ok(!items.some((i) => i.label === 'payments-db'), 'a service already written is not offered again');
  });

  it('drops CM016 once another change document on disk names the person', async () => {
    const since = client.mark();
    ws.write(
      'changes/zed.md',
      editLine(
        editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: @zed'),
        '- Planned execution time:',
        '- Planned execution time: 2026-12-09 14:00 UTC, 60 min',
      ),
    );
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('changes/zed.md'), type: 1 }],
    });
    const ds = await client.diagnostics(uri, since, (d) => !codes(d).includes('CM016'));
    assert.ok(codes(ds).includes('CM017'), 'the service is still unknown');
  });

  it('drops CM017 when catalog-info.yaml gains the service on disk', async () => {
    const since = client.mark();
    ws.write('catalog-info.yaml', CATALOG(['payments-db', 'payments-api', 'billing', 'ledger']));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('catalog-info.yaml'), type: 2 }],
    });
    const ds = await client.diagnostics(uri, since, (d) => !codes(d).includes('CM017'));
    assert.ok(!codes(ds).includes('CM016'));
    const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: {
        line: NEW_DOC.split('\n').findIndex((l) => l.startsWith('- Affected services:')),
        character: '- Affected services: payments-db,'.length,
      },
    });
    // The element under the cursor is the one replaced, so ledger is offered, now as a catalog name.
    assert.equal(items.find((i) => i.label === 'ledger')?.detail, 'service in the catalog');
  });
});
