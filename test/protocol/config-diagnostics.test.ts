import { strict as assert } from 'node:assert';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL } from '../helpers/doc';

describe('protocol: diagnostics on .itsmote.json (where, what is allowed, an example)', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = new TempWorkspace({
      'changes/a.md': VALID_NORMAL,
      '.itsmote.json': '{\n  "staleAfterHours": -3,\n  "colour": "red"\n}\n',
    });
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it("puts a bad value on the value and an unknown key on the key, in the CLI's words", async () => {
    const ds = await client.diagnostics(ws.uri('.itsmote.json'), 0, (d) => d.length === 2);
    const stale = ds.find((d) => (d.message as string).includes('staleAfterHours'))!;
    assert.deepEqual(stale.range, { start: { line: 1, character: 21 }, end: { line: 1, character: 23 } });
    assert.equal(
      stale.message,
      '"staleAfterHours" must be a number of hours greater than 0, not -3; e.g. "staleAfterHours": 48. The default applies.',
    );
    const colour = ds.find((d) => (d.message as string).includes('colour'))!;
    assert.deepEqual(colour.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 10 } });
    assert.match(colour.message as string, /^unknown key "colour"; the keys are .*\. It is ignored\.$/);
  });

  it('puts invalid JSON at the problem, not on line 0', async () => {
    const since = client.mark();
    ws.write('.itsmote.json', '{\n  "staleAfterHours": 48\n  "rules": {}\n}\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('.itsmote.json'), type: 2 }],
    });
    const [d] = await client.diagnostics(ws.uri('.itsmote.json'), since, (ds) =>
      ds.some((x) => /not valid JSON/.test(x.message as string)),
    );
    assert.equal(d!.range.start.line, 2);
    assert.equal(d!.range.start.character, 2);
    assert.match(
      d!.message as string,
      /^not valid JSON: a comma is missing between entries; .*\. The defaults apply\.$/,
    );
  });
});
