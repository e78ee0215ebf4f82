/**
 * The workspace scan's limits (issue 17): the `itsmote.maxFiles` cap stops a folder's walk with a
 * warning naming the setting, and the scan's work-done progress is cancellable: cancelling it
 * ends the scan early with what was read so far indexed.
 */
import { strict as assert } from 'node:assert';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';
import type { ListChangesResult } from '../../server/src/protocol';

const doc = (n: number) => editLine(VALID_NORMAL, '- Affected services:', `- Affected services: service-${n}`);

describe('protocol: workspace scan limits', () => {
  let ws: TempWorkspace;
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    ws.cleanup();
  });

  it('itsmote.maxFiles stops the walk with a warning naming the setting', async () => {
    ws = new TempWorkspace({ 'changes/a.md': doc(1), 'changes/b.md': doc(2), 'changes/c.md': doc(3) });
    ({ client } = await TestClient.start({
      folders: [ws.root],
      env: { ITSMOTE_NOW: NOW_ISO },
      settings: { maxFiles: 2 },
    }));
    await client.indexed();
    const warning = await client.waitFor(
      (r) => (r.method === 'window/showMessage' ? r.params : undefined),
      5000,
      0,
      'the cap warning',
    );
    assert.equal(warning.type, 2);
    assert.equal(
      warning.message,
      `ITSMote: stopped looking for change documents in ${ws.root} after 2 candidate files (the itsmote.maxFiles setting); the rest of the folder is not checked.`,
    );
    const list: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
    assert.deepEqual(
      list.changes.map((c) => c.id),
      ['a', 'b'],
    );
  });

  it('the scan progress is cancellable; cancelling ends the scan with the documents read so far', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`changes/c${String(i).padStart(4, '0')}.md`] = doc(i);
    ws = new TempWorkspace(files);
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    const c = client;
    const begin = await c.waitFor(
      (r) => (r.method === '$/progress' && r.params.value?.kind === 'begin' ? r.params : undefined),
      10_000,
      0,
      'the scan progress',
    );
    assert.equal(begin.value.cancellable, true);
    await c.conn.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
    await c.indexed(20_000);
    const list: ListChangesResult = await c.conn.sendRequest('itsmote/listChanges', {});
    assert.equal(list.complete, true);
    assert.ok(list.changes.length < 1000, `cancelled after ${list.changes.length} of 1000`);
    process.stdout.write(`      (cancelled: ${list.changes.length} of 1000 documents indexed)\n`);
    const end = c.received.find(
      (r) => r.method === '$/progress' && r.params.token === begin.token && r.params.value?.kind === 'end',
    );
    assert.ok(end, 'the progress ended');
  });
});
