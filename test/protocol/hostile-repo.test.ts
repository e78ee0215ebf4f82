/**
 * The language server on hostile repositories (issue 17), trusted (as a client without a notion
 * of trust starts it): the scan of a folder whose git config, links and special files set traps
 * finishes (the initial index within 10 s), runs no program (no marker file), walks nothing
 * outside, and publishes the ordinary document, and only it.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { HOSTILE_CASES, NORMAL_CODE, NORMAL_REL, buildCase, canRunAsNobody, churn } from '../helpers/hostile-repo';
import type { BuiltCase } from '../helpers/hostile-repo';
import { TestClient, fileUri } from './helpers/client';
import { NOW_ISO } from './helpers/workspace';
import { skipBecause } from '../support/skip';

const LIMIT_MS = 10_000;
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const asRoot = process.getuid?.() === 0;

/** The URIs the server published non-empty diagnostics for. */
function publishedUris(client: TestClient): string[] {
  const last = new Map<string, number>();
  for (const r of client.received)
    if (r.method === 'textDocument/publishDiagnostics') last.set(r.params.uri, r.params.diagnostics.length);
  return [...last]
    .filter(([, n]) => n > 0)
    .map(([u]) => u)
    .sort();
}

/** Starts the server on the case, waits for its index, checks the ordinary document was published and nothing ran. */
async function scanCase(t: BuiltCase, opts: { uid?: number } = {}): Promise<TestClient> {
  const { client } = await TestClient.start({
    folders: [t.dir],
    env: { ITSMOTE_NOW: NOW_ISO },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  try {
    await client.indexed(LIMIT_MS);
    const ds = await client.diagnostics(fileUri(join(t.dir, NORMAL_REL)));
    assert.deepEqual(
      ds.map((d) => d.code),
      [NORMAL_CODE],
    );
    // Change documents published: the ordinary one only (a config that cannot be read gets its own diagnostic).
    assert.deepEqual(
      publishedUris(client).filter((u) => !u.endsWith('/.itsmote.json')),
      [fileUri(join(t.dir, NORMAL_REL))],
    );
    assert.deepEqual(t.touched(), []);
  } catch (e) {
    await client.stop().catch(() => undefined);
    throw e;
  }
  return client;
}

describe('protocol: the workspace scan of hostile repositories', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: indexed, nothing run, the ordinary document published`, async function () {
      const why = c.skip?.();
      if (why) skipBecause(this, String(why));
      const nobody = c.name === 'a 0-permission folder' && asRoot;
      // As root the folder's mode means nothing: the server runs as `nobody`, or the case is skipped.
      if (nobody && !canRunAsNobody(CLI))
        skipBecause(
          this,
          'running as root, and the unprivileged user `nobody` cannot reach dist/cli.js in this checkout (a private parent folder)',
        );
      const t = buildCase(c);
      try {
        const client = await scanCase(t, nobody ? { uid: 65534 } : {});
        if (c.name.startsWith('a FIFO')) {
          const config = client.lastDiagnostics(fileUri(join(t.dir, '.itsmote.json')));
          assert.match(String(config?.[0]?.message ?? ''), /cannot be read: not a regular file \(a FIFO\)/);
        }
        assert.equal(client.exitCode, undefined, 'the server is still running');
        await client.stop();
      } finally {
        t.cleanup();
      }
    });
  }

  it('a file that disappears mid-scan: indexed, the ordinary document published, the server alive', async () => {
    const t = buildCase({ name: 'churn', git: false, arm: () => undefined });
    const c = churn(t.dir);
    try {
      const { client } = await TestClient.start({ folders: [t.dir], env: { ITSMOTE_NOW: NOW_ISO } });
      try {
        await client.indexed(LIMIT_MS);
        assert.deepEqual(
          (await client.diagnostics(fileUri(join(t.dir, NORMAL_REL)))).map((d) => d.code),
          [NORMAL_CODE],
        );
        assert.equal(client.exitCode, undefined);
      } finally {
        c.stop();
        await client.stop();
      }
    } finally {
      c.stop();
      t.cleanup();
    }
  });
});
