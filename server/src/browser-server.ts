/**
 * The ITSMote Changes language server in a Web Worker (vscode.dev, github.dev): the same server
 * as server.ts, reading through the client's file system (`itsmote/fs/*` requests answered with
 * `vscode.workspace.fs`). It starts no process and reads no OS: no git (the author comes from the
 * `itsmote.author` setting or the client), no environment, no cache file.
 *
 * Built for the browser platform (scripts/build.mjs): a Node module reachable from here fails
 * the build.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { FsReadDirectoryRequest, FsReadFileRequest, FsStatRequest } from './protocol';
import { ClientFileSystem } from './fs/client-file-system';
import { startServer } from './lsp/start';

/** The worker's global scope, as far as the server uses it. */
interface WorkerScope {
  addEventListener(
    type: 'error' | 'unhandledrejection',
    listener: (e: { error?: unknown; reason?: unknown; message?: string }) => void,
  ): void;
}

const scope = globalThis as unknown as WorkerScope;
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(port),
  new BrowserMessageWriter(port),
);

startServer(connection, {
  fs: new ClientFileSystem({
    readFile: (uri) => connection.sendRequest(FsReadFileRequest, { uri }),
    readDirectory: (uri) => connection.sendRequest(FsReadDirectoryRequest, { uri }),
    stat: (uri) => connection.sendRequest(FsStatRequest, { uri }),
  }),
  env: {},
  keepsIndex: false,
  runtime: 'Web Worker',
  onUncaught: (report) => {
    scope.addEventListener('error', (e) => report('uncaught', e.error ?? e.message));
    scope.addEventListener('unhandledrejection', (e) => report('unhandled rejection', e.reason));
  },
});
