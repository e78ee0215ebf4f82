/**
 * The ITSMote Changes language server. `node dist/server.js --stdio` (any LSP client) or
 * `--node-ipc` (the VS Code client); vscode-languageserver picks the transport from argv.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';

startServer(createConnection(ProposedFeatures.all));
