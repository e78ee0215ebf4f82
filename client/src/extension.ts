/**
 * The desktop extension (package.json `main`): the language server is `dist/server.js`, a Node
 * process over IPC; git and the OS user are the author's fallbacks. browser-extension.ts is the
 * same extension on vscode.dev and github.dev.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ServerOptions } from 'vscode-languageclient/node';
import { activateOn, deactivate } from './activate';
import type { ItsmoteApi } from './activate';
import { nodeIdentity } from './node-identity';
import { SERVER_EXEC_ARGV, VIRTUAL_WORKSPACE_ARG } from '../../server/src/protocol';
import { answerFileSystemRequests } from './workspace-fs';

export type { ItsmoteApi } from './activate';
export { deactivate };

/**
 * Whether every workspace folder is virtual (Remote Repositories' `vscode-vfs://`, any scheme
 * but `file`): the server cannot read them from disk and reads through this client instead. A
 * window mixing local and virtual folders stays local (the virtual ones are not indexed).
 */
export function isVirtualWorkspace(folders = vscode.workspace.workspaceFolders ?? []): boolean {
  return folders.length > 0 && folders.every((f) => f.uri.scheme !== 'file');
}

/** Activates the extension with the Node language server. */
export function activate(context: vscode.ExtensionContext): Promise<ItsmoteApi> {
  const virtual = isVirtualWorkspace();
  const args = virtual ? [VIRTUAL_WORKSPACE_ARG] : [];
  return activateOn(context, {
    createClient: (ctx, clientOptions) => {
      const module = ctx.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        // The flags the bench measures the server with (protocol.ts says why).
        run: { module, transport: TransportKind.ipc, args, options: { execArgv: [...SERVER_EXEC_ARGV] } },
        debug: {
          module,
          transport: TransportKind.ipc,
          args,
          options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] },
        },
      };
      // The id `itsmote` makes the client read the `itsmote.trace.server` setting.
      return new LanguageClient('itsmote', 'ITSMote Changes', serverOptions, clientOptions);
    },
    identity: nodeIdentity,
    env: process.env,
    // In a virtual workspace: no index file (no local folder), every scheme's documents, and the
    // server's reads answered with vscode.workspace.fs, as on vscode.dev.
    keepsIndex: !virtual,
    ...(virtual ? { onClient: (client, ctx) => ctx.subscriptions.push(answerFileSystemRequests(client)) } : {}),
  });
}
