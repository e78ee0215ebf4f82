/**
 * Language server figures, through the protocol as an editor sees them: `node dist/server.js
 * --stdio` is spawned and driven by a vscode-languageserver-protocol client.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ExitNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ListChangesRequest, SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { CORPUS_NOW } from './corpus';

/** A running server and a client connection to it. */
interface Session {
  proc: ChildProcess;
  conn: ProtocolConnection;
  /** Resolves on the next publishDiagnostics for `uri` of `version`, or without a version when none is given. */
  nextPublish(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  published: Map<string, number>;
  lastPublishAt: number;
  progressEnded: Promise<number>;
  close(): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** Node flags of the server: the client's (SERVER_EXEC_ARGV), or BENCH_SERVER_FLAGS (space-separated) to try others. */
const execArgv =
  process.env.BENCH_SERVER_FLAGS !== undefined
    ? process.env.BENCH_SERVER_FLAGS.split(' ').filter(Boolean)
    : SERVER_EXEC_ARGV;

async function start(serverJs: string, folder: string | undefined, storagePath?: string): Promise<Session> {
  // Started with the flags the client starts it with.
  const proc = spawn(process.execPath, [...execArgv, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters: { uri: string; version?: number; resolve(p: PublishDiagnosticsParams): void }[] = [];
  const published = new Map<string, number>();
  let progressEnd: (t: number) => void = () => {};
  const progressEnded = new Promise<number>((r) => (progressEnd = r));
  const session: Session = {
    proc,
    conn,
    published,
    lastPublishAt: 0,
    progressEnded,
    nextPublish: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    close: async () => {
      try {
        await withTimeout(conn.sendRequest(ShutdownRequest.type), 10_000, 'shutdown');
        await conn.sendNotification(ExitNotification.type);
      } catch {
        proc.kill();
      }
      conn.dispose();
    },
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    session.lastPublishAt = performance.now();
    published.set(p.uri, p.diagnostics.length);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      // Exact: a waiter for a version takes only that version's publish, a waiter without one only
      // an unversioned publish (a close's). A fresh server's first scan re-checks the open
      // document and publishes its version again: taken by a looser waiter, that repeat answered
      // the close, and the close's own publish then answered the next open (the bench timed out).
      if (w.uri === p.uri && p.version === w.version) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  conn.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
    if (p.value?.kind === 'end') progressEnd(performance.now());
  });
  // Progress tokens, registrations, configuration: accept whatever the server asks.
  for (const method of [
    'window/workDoneProgress/create',
    'client/registerCapability',
    'client/unregisterCapability',
    'window/showMessageRequest',
  ])
    conn.onRequest(method, () => null);
  conn.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params.items ?? []).map(() => null));
  conn.listen();
  const rootUri = folder ? pathToFileURL(folder).href : null;
  await withTimeout(
    conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: folder ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { now: new Date(CORPUS_NOW).toISOString(), ...(storagePath ? { storagePath } : {}) },
    }),
    30_000,
    'initialize',
  );
  return session;
}

/** Round trips of one document: didOpen -> publish (first and median), didChange -> publish (median of `rounds`). */
export interface RoundTrip {
  /** The first didOpen of a fresh server (code not yet optimised by the JIT). */
  firstOpen: number;
  /** Median didOpen of a running server (close, open again). */
  open: number;
  change: number;
}

export async function measureRoundTrip(serverJs: string, path: string, rounds: number): Promise<RoundTrip> {
  const s = await start(serverJs, undefined);
  try {
    await s.conn.sendNotification('initialized', {});
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    const opens: number[] = [];
    // An editor opens documents in a running server: open and close it a few times, the
    // first open (cold JIT) reported on its own.
    for (let v = 1; v <= rounds + 1; v++) {
      const opened = s.nextPublish(uri, v);
      const t0 = performance.now();
      await s.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: v, text },
      });
      await withTimeout(opened, 60_000, 'diagnostics after didOpen');
      opens.push(performance.now() - t0);
      if (v === rounds + 1) break;
      // Closing publishes an empty list (no version): wait for it so it cannot answer the next open.
      const closed = s.nextPublish(uri);
      await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await withTimeout(closed, 60_000, 'diagnostics cleared after didClose');
    }
    const base = rounds + 1;
    const times: number[] = [];
    for (let v = base + 1; v < base + rounds + 1; v++) {
      // Alternate the Risk level so each version really differs.
      // A keystroke: one character typed at the end of the first line, then deleted, in turn.
      const at = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
      const typed = (v - base) % 2 === 1;
      const change = typed
        ? { range: { start: { line: 0, character: at }, end: { line: 0, character: at } }, text: 'x' }
        : { range: { start: { line: 0, character: at }, end: { line: 0, character: at + 1 } }, text: '' };
      const next = s.nextPublish(uri, v);
      const t = performance.now();
      await s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [change],
      });
      await withTimeout(next, 60_000, `diagnostics of version ${v}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const warmOpens = opens.slice(1).sort((a, b) => a - b);
    return { firstOpen: opens[0]!, open: warmOpens[warmOpens.length >> 1]!, change: times[times.length >> 1]! };
  } finally {
    await s.close();
  }
}

/** Workspace-wide diagnostics of a folder: time to the last publish, count, server memory. */
export interface WorkspaceFigures {
  /** ms from `initialized` to the end of the indexing progress. */
  indexed: number;
  /** ms from `initialized` to the last publishDiagnostics of the scan. */
  lastPublish: number;
  published: number;
  listed: number;
  /** Peak and current resident memory of the server, MB (from /proc). */
  peakRssMb?: number;
  rssMb?: number;
  /** CPU time (user + sys) of the server up to the answer of listChanges, ms (from /proc). */
  cpuMs?: number;
}

/** User + system CPU time of a process so far, ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks). */
function procCpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // getconf CLK_TCK is 100 on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function procStatus(pid: number | undefined, key: string): number | undefined {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function measureWorkspace(
  serverJs: string,
  folder: string,
  timeoutMs: number,
  storagePath?: string,
): Promise<WorkspaceFigures> {
  const s = await start(serverJs, folder, storagePath);
  try {
    const t0 = performance.now();
    await s.conn.sendNotification('initialized', {});
    const ended = await withTimeout(s.progressEnded, timeoutMs, 'the end of indexing');
    // A request answered after the end: every publish sent before it has arrived by then.
    const list = await withTimeout(s.conn.sendRequest(ListChangesRequest.method, {}), timeoutMs, 'itsmote/listChanges');
    return {
      indexed: ended - t0,
      lastPublish: s.lastPublishAt - t0,
      published: s.published.size,
      listed: (list as { changes: unknown[] }).changes.length,
      peakRssMb: procStatus(s.proc.pid, 'VmHWM'),
      rssMb: procStatus(s.proc.pid, 'VmRSS'),
      cpuMs: procCpuMs(s.proc.pid),
    };
  } finally {
    await s.close();
  }
}
