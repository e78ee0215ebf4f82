/** Guarded handlers (lsp/guard.ts): errors become the fallback answer, a cancelled request answers RequestCancelled. */
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver';
import { guard, setLogger, throwIfCancelled } from '../../../server/src/lsp/guard';

describe('lsp guard', () => {
  const logged: string[] = [];
  before(() => setLogger({ error: (m) => logged.push(m), info: () => {} }));

  it('answers the fallback when a handler throws', async () => {
    const h = guard('x', 'fallback', () => {
      throw new Error('boom');
    });
    assert.equal(await h(), 'fallback');
    assert.match(logged.at(-1)!, /x failed: Error: boom/);
  });

  it('answers RequestCancelled when the request was cancelled, without logging an error', async () => {
    const source = new CancellationTokenSource();
    const h = guard('y', 'fallback', async (token: typeof source.token) => {
      await Promise.resolve();
      throwIfCancelled(token);
      return 'done';
    });
    const before = logged.length;
    const p = h(source.token);
    source.cancel();
    await assert.rejects(p, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    assert.equal(logged.length, before);
    assert.equal(await h(new CancellationTokenSource().token), 'done');
  });
});
