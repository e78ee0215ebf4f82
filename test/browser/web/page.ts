/**
 * The page side of the web-server test (bundled for the browser by web-server.test.ts): starts
 * the browser language server bundle in a real Web Worker, talks LSP to it with the browser
 * reader and writer of vscode-jsonrpc (re-exported by vscode-languageserver-protocol), and
 * answers its `itsmote/fs/*` requests from an in-memory file system, as the extension answers them with `vscode.workspace.fs`. The test
 * drives it through `globalThis.lsp`.
 *
 * Typed without the DOM library (the project type-checks tests without it): the few browser
 * APIs used are declared here.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createMessageConnection,
} from 'vscode-languageserver-protocol/browser';
import { FsReadDirectoryRequest, FsReadFileRequest, FsStatRequest } from '../../../server/src/protocol';
import type { FsReadDirectoryResult, FsReadFileResult, FsStatResult } from '../../../server/src/protocol';

type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Worker: new (url: string) => Port;
declare const Blob: new (parts: string[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/** `vscode.FileType` bits. */
const FILE = 1;
const DIRECTORY = 2;

/** What the test reads back. */
interface Lsp {
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): Promise<void>;
  /** The last diagnostics published per URI. */
  diagnostics: Record<string, { code?: string | number; severity?: number; message: string }[]>;
  /** Resolves with a URI's diagnostics once `ready(diagnostics)` says so. */
  diagnosticsOf(uri: string, ready: string): Promise<unknown>;
  /** Resolves after the n-th `itsmote/indexChanged` notification. */
  indexChanged(n: number): Promise<void>;
  /** Every file-system request the server sent, in order (`method uri`). */
  fsRequests: string[];
  /** Log lines of the server (`window/logMessage`). */
  log: string[];
}

/** Starts the server in a worker over `files` (URI to text); the folders hold them. */
function start(serverCode: string, files: Record<string, string>): Lsp {
  const worker = new Worker(URL.createObjectURL(new Blob([serverCode], { type: 'text/javascript' })));
  const conn = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  const fsRequests: string[] = [];
  const log: string[] = [];
  const diagnostics: Lsp['diagnostics'] = {};
  const waiters: (() => void)[] = [];
  let indexChanges = 0;
  const wake = () => waiters.splice(0).forEach((w) => w());
  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise<void>((r) => waiters.push(r));
  };
  const trim = (uri: string) => uri.replace(/\/+$/, '');
  const children = (dir: string): [string, number][] => {
    const prefix = `${trim(dir)}/`;
    const out = new Map<string, number>();
    for (const uri of Object.keys(files)) {
      if (!uri.startsWith(prefix)) continue;
      const [name, ...rest] = uri.slice(prefix.length).split('/');
      out.set(name!, rest.length ? DIRECTORY : FILE);
    }
    return [...out];
  };
  const isDir = (uri: string) => children(uri).length > 0;

  conn.onRequest(FsReadFileRequest, ({ uri }): FsReadFileResult => {
    fsRequests.push(`readFile ${uri}`);
    if (uri in files) return { ok: true, text: files[uri]! };
    return { ok: false, reason: isDir(uri) ? 'is a directory' : 'no such file or directory' };
  });
  conn.onRequest(FsReadDirectoryRequest, ({ uri }): FsReadDirectoryResult => {
    fsRequests.push(`readDirectory ${uri}`);
    return isDir(uri)
      ? { ok: true, entries: children(uri) }
      : { ok: false, reason: uri in files ? 'not a directory' : 'no such file or directory' };
  });
  conn.onRequest(FsStatRequest, ({ uri }): FsStatResult => {
    fsRequests.push(`stat ${uri}`);
    return uri in files
      ? { ok: true, type: FILE }
      : isDir(uri)
        ? { ok: true, type: DIRECTORY }
        : { ok: false, reason: 'no such file or directory' };
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification(
    'textDocument/publishDiagnostics',
    (p: { uri: string; diagnostics: Lsp['diagnostics'][string] }) => {
      diagnostics[p.uri] = p.diagnostics;
      wake();
    },
  );
  conn.onNotification('itsmote/indexChanged', () => {
    indexChanges++;
    wake();
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => void log.push(p.message));
  conn.listen();
  return {
    request: (method, params) => conn.sendRequest(method, params),
    notify: (method, params) => conn.sendNotification(method, params),
    diagnostics,
    async diagnosticsOf(uri, ready) {
      const ok = new Function('d', `return ${ready};`) as (d: unknown) => boolean;
      await until(() => diagnostics[uri] !== undefined && ok(diagnostics[uri]));
      return diagnostics[uri];
    },
    indexChanged: (n) => until(() => indexChanges >= n),
    fsRequests,
    log,
  };
}

(globalThis as unknown as { startServer: typeof start; lsp?: Lsp }).startServer = (code, files) => {
  const lsp = start(code, files);
  (globalThis as unknown as { lsp: Lsp }).lsp = lsp;
  return lsp;
};
