/**
 * Workspace trust (issue 17): started with `trusted: false`, the server starts no process (a
 * `git` first on its PATH records every call), and everything else works; `itsmote/workspaceTrusted`
 * lets it run (hardened) git without a restart. Started without the option, it is trusted.
 */
import { strict as assert } from 'node:assert';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { ApplyWorkspaceEditParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { HOSTILE_CASES, NORMAL_CODE, NORMAL_REL, buildCase, gitShim } from '../helpers/hostile-repo';
import type { BuiltCase } from '../helpers/hostile-repo';
import { TestClient, fileUri } from './helpers/client';
import { NOW_ISO } from './helpers/workspace';
import type { InitializationOptions, ListChangesResult } from '../../server/src/protocol';

const FSMONITOR = HOSTILE_CASES.find((c) => c.name === 'core.fsmonitor')!;

/** The status log line an applied advance wrote. */
function loggedLine(edit: ApplyWorkspaceEditParams): string {
  const text = (edit.edit.documentChanges as TextDocumentEdit[])
    .flatMap((d) => d.edits.map((e) => ('newText' in e ? e.newText : '')))
    .join('');
  return /In Progress by [^\n]*/.exec(text)?.[0] ?? text;
}

describe('protocol: workspace trust', () => {
  let t: BuiltCase;
  let shim: ReturnType<typeof gitShim>;
  let client: TestClient;
  const start = async (init: InitializationOptions) => {
    ({ client } = await TestClient.start({
      folders: [t.dir],
      env: { ITSMOTE_NOW: NOW_ISO, PATH: `${shim.dir}:${process.env.PATH}` },
      initializationOptions: init,
    }));
    await client.indexed(10_000);
  };
  const advance = async (author?: string) => {
    const before = client.appliedEdits.length;
    const ok = await client.conn.sendRequest('workspace/executeCommand', {
      command: 'itsmote.server.advanceStatus',
      arguments: [{ uri: fileUri(join(t.dir, NORMAL_REL)), to: 'In Progress', ...(author ? { author } : {}) }],
    });
    assert.equal(ok, true);
    return loggedLine(client.appliedEdits[before]!);
  };

  beforeEach(() => {
    // The fsmonitor trap: any git that reads the index would leave a marker.
    t = buildCase(FSMONITOR);
    shim = gitShim(t.markers.replace(/markers$/, ''));
  });
  afterEach(async () => {
    await client?.stop();
    t.cleanup();
  });

  it('untrusted: no process at all, the documents are checked and listed, the author is the OS user', async () => {
    await start({ trusted: false });
    assert.deepEqual(shim.calls(), []);
    assert.deepEqual(
      (await client.diagnostics(fileUri(join(t.dir, NORMAL_REL)))).map((d) => d.code),
      [NORMAL_CODE],
    );
    const list: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
    assert.deepEqual(
      list.changes.map((c) => c.id),
      ['normal'],
    );
    assert.equal(await advance(), `In Progress by ${userInfo().username}`);
    assert.equal(await advance('@asked-once'), 'In Progress by @asked-once', 'the author the client asked for wins');
    assert.deepEqual(shim.calls(), []);
    assert.deepEqual(t.touched(), []);
  });

  it('trust granted: git runs (hardened: no marker), the git author applies, without a restart', async () => {
    await start({ trusted: false });
    const since = client.mark();
    await client.conn.sendNotification('itsmote/workspaceTrusted', {});
    // The re-scan ends with an index notification.
    await client.waitFor(
      (r) => (r.method === 'itsmote/indexChanged' && !r.params?.uris ? true : undefined),
      10_000,
      since,
      'the re-scan after trust',
    );
    const calls = shim.calls();
    assert.ok(
      calls.some((c) => / config user\.name$/.test(c)),
      calls.join('\n'),
    );
    assert.ok(
      calls.some((c) => / ls-files /.test(c)),
      calls.join('\n'),
    );
    assert.ok(
      calls.every((c) => c.includes('-c core.fsmonitor=false') && c.includes('--no-pager')),
      calls.join('\n'),
    );
    assert.equal(await advance(), 'In Progress by Trusted Tess');
    assert.deepEqual(t.touched(), []);
    assert.equal(client.exitCode, undefined);
  });

  it('without the option (a client with no notion of trust): trusted, git runs hardened', async () => {
    await start({});
    assert.ok(shim.calls().length > 0, 'the shim sees git calls: the untrusted test above can fail');
    assert.equal(await advance(), 'In Progress by Trusted Tess');
    assert.deepEqual(t.touched(), []);
  });
});
