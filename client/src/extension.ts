/**
 * The desktop extension (package.json `main`): the language server is `dist/server.js`, a Node
 * process over IPC; git and the OS user are the author's fallbacks. browser-extension.ts is the
 * same extension on vscode.dev and github.dev.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ServerOptions } from 'vscode-languageclient/node';
import { activateOn, deactivate } from './activate';
import type { ItsmoteApi } from './activate';
import { nodeIdentity } from './node-identity';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';

export type { ItsmoteApi } from './activate';
export { deactivate };

/** Activates the extension with the Node language server. */
export function activate(context: vscode.ExtensionContext): Promise<ItsmoteApi> {
  return activateOn(context, {
    createClient: (ctx, clientOptions) => {
      const module = ctx.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        // The flags the bench measures the server with (protocol.ts says why).
        run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
        debug: {
          module,
          transport: TransportKind.ipc,
          options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] },
        },
      };
      // The id `itsmote` makes the client read the `itsmote.trace.server` setting.
      return new LanguageClient('itsmote', 'ITSMote Changes', serverOptions, clientOptions);
    },
    identity: nodeIdentity,
    env: process.env,
    keepsIndex: true,
  });
}
