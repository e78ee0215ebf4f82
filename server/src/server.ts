/**
 * The ITSMote Changes language server. `node dist/server.js --stdio` (any LSP client) or
 * `--node-ipc` (the VS Code client); vscode-languageserver picks the transport from argv.
 * browser-server.ts is the same server in a Web Worker.
 *
 * With `--virtual-workspace` (the desktop client passes it when every workspace folder is
 * virtual, e.g. Remote Repositories' `vscode-vfs://`) the server reads through the client's file
 * system as the browser server does: Node's fs cannot read those folders. It keeps no index file
 * then (there is no local path to key it on), and git only gives the author's global identity.
 */
import { homedir } from 'node:os';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';
import { useUriPaths } from './lsp/paths';
import { ClientFileSystem } from './fs/client-file-system';
import { nodeFileSystem } from './node/node-file-system';
import { gitAuthor, osUser } from './node/author';
import { FsReadDirectoryRequest, FsReadFileRequest, FsStatRequest, VIRTUAL_WORKSPACE_ARG } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const virtual = process.argv.includes(VIRTUAL_WORKSPACE_ARG);
if (virtual) useUriPaths();

startServer(connection, {
  fs: virtual
    ? new ClientFileSystem({
        readFile: (uri) => connection.sendRequest(FsReadFileRequest, { uri }),
        readDirectory: (uri) => connection.sendRequest(FsReadDirectoryRequest, { uri }),
        stat: (uri) => connection.sendRequest(FsStatRequest, { uri }),
      })
    : nodeFileSystem,
  env: process.env,
  // A URI path is no directory git could run in: from the home folder, git gives the global identity.
  author: { gitAuthor: (cwd) => gitAuthor(virtual ? homedir() : cwd), osUser },
  keepsIndex: !virtual,
  runtime: `Node ${process.version}, pid ${process.pid}${virtual ? ', virtual workspace (reads through the client)' : ''}`,
  onUncaught: (report) => {
    process.on('uncaughtException', (e) => report('uncaught', e));
    process.on('unhandledRejection', (e) => report('unhandled rejection', e));
  },
});
