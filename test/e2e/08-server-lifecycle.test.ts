import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { api, until } from './helpers';

describe('server lifecycle (runs last: it restarts the server)', () => {
  it('restarts the server after a crash, shows it in the status bar, and reloads the tree', async () => {
    const a = await api();
    // The client library keeps the forked process in a private field; the test only reads its pid.
    const proc = (a.client as unknown as { _serverProcess?: ChildProcess })._serverProcess;
    assert.ok(proc?.pid, 'the server runs in its own process');
    const before = a.changesTree.snapshot.changes.length;
    const states: State[] = [];
    const sub = a.client.onDidChangeState((e) => states.push(e.newState));
    const refreshed = until(
      'a reload after the restart',
      () => states.includes(State.Running) && a.changesTree.snapshot.complete && a.changesTree.snapshot,
      [a.changesTree.onDidRefresh],
      60_000,
    );
    try {
      process.kill(proc.pid, 'SIGKILL');
      await until(
        'the status bar to show the restart',
        () => states.includes(State.Starting) || states.includes(State.Stopped),
        [a.client.onDidChangeState],
        20_000,
      );
      const snapshot = await refreshed;
      assert.equal(a.client.state, State.Running);
      assert.equal(snapshot.changes.length, before, 'the same changes after the restart');
      const newProc = (a.client as unknown as { _serverProcess?: ChildProcess })._serverProcess;
      assert.notEqual(newProc?.pid, proc.pid, 'a new server process');
      assert.match(a.status.text, /^\$\(checklist\) \d+/);
    } finally {
      sub.dispose();
    }
  });

  it('"Restart Language Server" restarts it on demand', async () => {
    const a = await api();
    const states: State[] = [];
    const sub = a.client.onDidChangeState((e) => states.push(e.newState));
    const before = a.changesTree.snapshot.changes.length;
    try {
      const reloaded = until(
        'the index again',
        () => states.includes(State.Running) && a.changesTree.snapshot.complete && a.changesTree.snapshot,
        [a.changesTree.onDidRefresh],
        60_000,
      );
      await vscode.commands.executeCommand('itsmote.restartServer');
      await until(
        'stopped then running again',
        () => states.includes(State.Stopped) && a.client.state === State.Running,
        [a.client.onDidChangeState],
        60_000,
      );
      assert.equal((await reloaded).changes.length, before);
    } finally {
      sub.dispose();
    }
  });
});
