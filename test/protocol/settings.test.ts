import { strict as assert } from 'node:assert';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';

describe('protocol: settings pulled through workspace/configuration', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = new TempWorkspace();
    ({ client } = await TestClient.start({
      folders: [ws.root],
      env: { ITSMOTE_NOW: NOW_ISO },
      settings: { docsUrl: 'https://example.com/rules', maxFileSizeKB: 2 },
    }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('links rules to the configured docs URL, asking for settings per workspace folder', async () => {
    const uri = ws.uri('changes/a.md');
    const since = client.mark();
    await client.open(uri, editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'), 1);
    const ds = await client.diagnostics(uri, since);
    assert.equal(ds.find((d) => d.code === 'CM003')!.codeDescription!.href, 'https://example.com/rules#cm003');
    // Asked for the itsmote section, scoped to the workspace folder.
    const asked = client.received.filter((r) => r.method === 'workspace/configuration').flatMap((r) => r.params.items);
    assert.deepEqual(asked, [{ scopeUri: ws.uri(''), section: 'itsmote' }]);
  });

  it('replaces the check of a document over maxFileSizeKB with one information diagnostic', async () => {
    const uri = ws.uri('changes/big.md');
    const since = client.mark();
    await client.open(uri, VALID_NORMAL + '\n' + 'x'.repeat(3000) + '\n', 1);
    const ds = await client.diagnostics(uri, since);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity]),
      [['too-large', 3]],
    );
  });
});
