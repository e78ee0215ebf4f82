/**
 * The ITSMote Changes language server. `node dist/server.js --stdio` (any LSP client) or
 * `--node-ipc` (the VS Code client); vscode-languageserver picks the transport from argv.
 * browser-server.ts is the same server in a Web Worker.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';
import { nodeFileSystem } from './node/node-file-system';
import { gitAuthor, osUser } from './node/author';

startServer(createConnection(ProposedFeatures.all), {
  fs: nodeFileSystem,
  env: process.env,
  author: { gitAuthor, osUser },
  keepsIndex: true,
  runtime: `Node ${process.version}, pid ${process.pid}`,
  onUncaught: (report) => {
    process.on('uncaughtException', (e) => report('uncaught', e));
    process.on('unhandledRejection', (e) => report('unhandled rejection', e));
  },
});
