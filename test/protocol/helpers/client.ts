/**
 * A real LSP client for protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC
 * to it with vscode-languageserver-protocol. Everything the server sends is recorded, and tests
 * wait on it with `waitFor` (a predicate and a timeout), never with sleeps.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  RegistrationRequest,
  ApplyWorkspaceEditRequest,
  WorkDoneProgressCreateRequest,
  PublishDiagnosticsNotification,
} from 'vscode-languageserver-protocol/node';
import type {
  ProtocolConnection,
  InitializeResult,
  Diagnostic,
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  Registration,
} from 'vscode-languageserver-protocol/node';

const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

/** One message the server sent (notification or request), in arrival order. */
export interface Received {
  method: string;
  params: any;
}

export interface StartOptions {
  /** Workspace folder paths. */
  folders?: string[];
  /** Environment for the server process (ITSMOTE_NOW and friends). */
  env?: Record<string, string>;
  initializationOptions?: unknown;
  /** The `itsmote` settings answered to `workspace/configuration`. */
  settings?: Record<string, unknown>;
  /** Overrides of the client capabilities. */
  capabilities?: ClientCapabilities;
  /** Workspace folders given as URIs (any scheme), in place of `folders`. */
  folderUris?: string[];
  /** Arguments for dist/server.js after `--stdio`. */
  serverArgs?: string[];
  /** Answers to the server's own requests (`itsmote/fs/readFile`...), by method. */
  answers?: Record<string, (params: any) => unknown>;
  /** Run the server as this user (tests that need permissions to mean something when run as root). */
  uid?: number;
  gid?: number;
}

/** The default capabilities: what VS Code declares for what this server uses. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
      dataSupport: true,
      isPreferredSupport: true,
    },
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

/** A running server and the client side of its connection. */
export class TestClient {
  readonly received: Received[] = [];
  readonly stderr: string[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly registrations: Registration[] = [];
  settings: Record<string, unknown>;
  /** Answer to give to `workspace/applyEdit`. */
  applyEditAnswer = true;
  exitCode: number | null | undefined;
  private waiters: (() => void)[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly conn: ProtocolConnection,
    readonly child: ChildProcess,
    opts: StartOptions,
  ) {
    this.settings = opts.settings ?? {};
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
        this.wake();
      }),
    );
    child.stderr?.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    conn.onUnhandledNotification((m) => this.record(m.method, m.params));
    // Work-done progress for tokens the server created (`$/progress` is not an ordinary notification).
    // (ProtocolConnection's type omits onUnhandledProgress, which the underlying connection has.)
    (conn as unknown as { onUnhandledProgress(h: (p: unknown) => void): void }).onUnhandledProgress((p) =>
      this.record('$/progress', p),
    );
    conn.onRequest(ConfigurationRequest.type, (p) => {
      this.record(ConfigurationRequest.method, p);
      return p.items.map((i) => (i.section === 'itsmote' ? this.settings : null));
    });
    conn.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      this.record(RegistrationRequest.method, p);
    });
    conn.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      this.record(WorkDoneProgressCreateRequest.method, p);
    });
    for (const [method, answer] of Object.entries(opts.answers ?? {}))
      conn.onRequest(method, (p: unknown) => {
        this.record(method, p);
        return answer(p);
      });
    conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.appliedEdits.push(p);
      this.record(ApplyWorkspaceEditRequest.method, p);
      return { applied: this.applyEditAnswer };
    });
    conn.listen();
  }

  /** Spawns the server and runs initialize/initialized. */
  static async start(opts: StartOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    const ids = opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {};
    const child = spawn(process.execPath, [SERVER, '--stdio', ...(opts.serverArgs ?? [])], {
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...ids,
    });
    const conn = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new TestClient(conn, child, opts);
    const folders = opts.folderUris ?? (opts.folders ?? []).map(fileUri);
    const init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      capabilities: opts.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: opts.initializationOptions ?? {},
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  private record(method: string, params: any): void {
    this.received.push({ method, params });
    this.wake();
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  /** How many messages have arrived so far: pass it as `since` to wait only for later ones. */
  mark(): number {
    return this.received.length;
  }

  /** Waits until `pick` returns a value for some message received at or after `since`. */
  waitFor<T>(pick: (r: Received) => T | undefined, ms = 5000, since = 0, what = 'a message'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let scanned = since;
      const timer = setTimeout(() => {
        reject(
          new Error(
            `timed out after ${ms} ms waiting for ${what}; got: ${
              this.received
                .slice(since)
                .map((r) => r.method)
                .join(', ') || 'nothing'
            }\n${this.stderr.join('')}`,
          ),
        );
      }, ms);
      const check = () => {
        for (; scanned < this.received.length; scanned++) {
          const v = pick(this.received[scanned]!);
          if (v !== undefined) {
            clearTimeout(timer);
            resolve(v);
            return;
          }
        }
        if (this.exitCode !== undefined) {
          clearTimeout(timer);
          reject(new Error(`server exited (${this.exitCode}) while waiting for ${what}\n${this.stderr.join('')}`));
          return;
        }
        this.waiters.push(check);
      };
      check();
    });
  }

  /** Waits for diagnostics of a URI (matching `accept`, when given) published at or after `since`. */
  diagnostics(
    uri: string,
    since = 0,
    accept: (ds: Diagnostic[], version?: number) => boolean = () => true,
    ms = 5000,
  ): Promise<Diagnostic[]> {
    return this.waitFor(
      (r) =>
        r.method === PublishDiagnosticsNotification.method &&
        r.params.uri === uri &&
        accept(r.params.diagnostics, r.params.version)
          ? (r.params.diagnostics as Diagnostic[])
          : undefined,
      ms,
      since,
      `diagnostics for ${uri}`,
    );
  }

  /** The last diagnostics published for a URI so far. */
  lastDiagnostics(uri: string): Diagnostic[] | undefined {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const r = this.received[i]!;
      if (r.method === PublishDiagnosticsNotification.method && r.params.uri === uri) return r.params.diagnostics;
    }
    return undefined;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
  }

  /** Replaces the whole text (a range-less change, allowed with incremental sync). */
  change(uri: string, text: string, version: number): Promise<void> {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits for the first `itsmote/indexChanged` (the initial scan finished). */
  indexed(ms = 10000): Promise<unknown> {
    return this.waitFor(
      (r) => (r.method === 'itsmote/indexChanged' ? r.params : undefined),
      ms,
      0,
      'the initial index',
    );
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) {
      try {
        await this.conn.sendRequest(ShutdownRequest.type);
        await this.conn.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') {
      this.child.kill();
      throw new Error('server did not exit after shutdown/exit');
    }
    this.conn.dispose();
    return code;
  }
}

/** The `file:` URI of a path, as clients send it. */
export function fileUri(path: string): string {
  return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
}
