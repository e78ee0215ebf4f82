import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';

const LOG = 'window/logMessage';
const INFO = 3;
const WARNING = 2;
const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

/** The log lines the server sent so far, as `level message`. */
function logLines(client: TestClient, since = 0): { type: number; message: string }[] {
  return client.received
    .slice(since)
    .filter((r) => r.method === LOG)
    .map((r) => r.params as { type: number; message: string });
}

describe('protocol: the startup log (the output channel a person reads first)', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = new TempWorkspace({
      'changes/ok.md': VALID_NORMAL,
      'changes/broken.md': editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'),
      'team/.itsmote.json': '{ "staleAfterHours": -3 }\n',
      'team/changes/x.md': VALID_NORMAL,
      '.itsmote.json': '{ "rules": { "CM013": "warning" } }\n',
    });
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    await client.indexed();
    await client.waitFor(
      (r) => (r.method === LOG && /^indexed /.test(r.params.message) ? true : undefined),
      10_000,
      0,
      'the indexed line',
    );
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('says at info which server and version started, for which client, and the folders it serves', () => {
    const info = logLines(client)
      .filter((l) => l.type === INFO)
      .map((l) => l.message);
    assert.ok(
      info.some((m) => m.startsWith(`itsmote-changes ${version} started`) && /\(Node v\d+/.test(m)),
      info.join('\n'),
    );
    assert.ok(info.includes(`workspace folder: ${ws.root}`), info.join('\n'));
  });

  it('names each config file found, valid or with its problems (as warnings)', () => {
    const lines = logLines(client);
    const info = lines.filter((l) => l.type === INFO).map((l) => l.message);
    assert.ok(info.includes(`config ${join(ws.root, '.itsmote.json')}: valid`), info.join('\n'));
    assert.ok(
      info.some((m) => m.startsWith(`config ${join(ws.root, 'team', '.itsmote.json')}: 1 problem`)),
      info.join('\n'),
    );
    const warnings = lines.filter((l) => l.type === WARNING).map((l) => l.message);
    assert.ok(
      warnings.some((m) => m.includes('"staleAfterHours"')),
      warnings.join('\n'),
    );
  });

  it('says how many change documents were indexed, how many with errors, and the time taken', () => {
    const indexed = logLines(client).filter((l) => l.type === INFO && l.message.startsWith('indexed '));
    assert.equal(indexed.length, 1);
    assert.match(
      indexed[0]!.message,
      /^indexed 3 change documents \(1 with errors\) in 1 folder in \d+ ms; 2 config files$/,
    );
  });

  it('logs nothing per keystroke', async () => {
    const uri = ws.uri('changes/ok.md');
    const since = client.mark();
    await client.open(uri, VALID_NORMAL, 1);
    await client.change(uri, editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Low'), 2);
    await client.diagnostics(uri, since, (_d, v) => v === 2);
    assert.deepEqual(logLines(client, since), []);
  });
});
