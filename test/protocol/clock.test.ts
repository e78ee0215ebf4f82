/**
 * The server's fixed clock (issue 14, one clock): `ITSMOTE_NOW` and `initializationOptions.now`
 * are read by the same strict parser as the CLI's `--now`. An impossible date is reported as an
 * error and never used (it used to roll 2026-02-31 over into March 3rd).
 */
import { strict as assert } from 'node:assert';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';

// Approved, window over on March 3rd at 12:00: stale (CM036) at NOW_ISO, not at March 3rd 10:00.
const WINDOW_IN_MARCH = editLine(
  VALID_NORMAL,
  '- Planned execution time:',
  '- Planned execution time: 2026-03-03 11:00 UTC, 60 min',
);

describe('protocol: the fixed clock', () => {
  let ws: TempWorkspace;
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    ws.cleanup();
  });

  it('an impossible initializationOptions.now is an error message, and the valid ITSMOTE_NOW stays', async () => {
    ws = new TempWorkspace({ 'changes/a.md': WINDOW_IN_MARCH });
    ({ client } = await TestClient.start({
      folders: [ws.root],
      env: { ITSMOTE_NOW: NOW_ISO },
      initializationOptions: { now: '2026-02-31T10:00:00Z' },
    }));
    const shown = await client.waitFor(
      (r) => (r.method === 'window/showMessage' ? r.params : undefined),
      5000,
      0,
      'the clock error',
    );
    assert.equal(shown.type, 1);
    assert.equal(
      shown.message,
      'ITSMote: initializationOptions.now names a day that does not exist (2026-02-31), not "2026-02-31T10:00:00Z"; it is ignored.',
    );
    const uri = ws.uri('changes/a.md');
    await client.open(uri, WINDOW_IN_MARCH);
    const ds = await client.diagnostics(uri);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['CM036'],
      'checked at 2026-11-28, not at March 3rd',
    );
  });

  it('an unreadable ITSMOTE_NOW is an error message too', async () => {
    ws = new TempWorkspace({});
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: 'next tuesday' } }));
    const shown = await client.waitFor(
      (r) => (r.method === 'window/showMessage' ? r.params : undefined),
      5000,
      0,
      'the clock error',
    );
    assert.equal(shown.type, 1);
    assert.match(
      shown.message,
      /^ITSMote: ITSMOTE_NOW must be an ISO 8601 time such as 2026-11-28T12:00:00Z, not "next tuesday"; it is ignored\.$/,
    );
  });
});
