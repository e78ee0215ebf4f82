/**
 * The extension on vscode.dev and github.dev (package.json `browser`): the language server is
 * dist/browser/server.js in a Web Worker, reading the workspace through this client
 * (workspace-fs.ts). There is no git and no OS user: the author is the `itsmote.author` setting,
 * else asked once (AuthorSource). Built for the browser platform: a Node module reachable from
 * here fails the build.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateOn, deactivate } from './activate';
import type { ItsmoteApi } from './activate';
import { NO_IDENTITY } from './author';
import { answerFileSystemRequests } from './workspace-fs';

export type { ItsmoteApi } from './activate';
export { deactivate };

type ServerWorker = ConstructorParameters<typeof BrowserMessageReader>[0];
/** The few browser globals used here (the project type-checks without the DOM library). */
declare const Worker: new (url: string) => ServerWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/**
 * The language server's worker. An extension installed on a server (code-server, VS Code Server)
 * has a `vscode-remote:` URI, from which the web worker extension host refuses to start a
 * worker ("Creating workers from remote extensions is currently not supported"): there the
 * script is read through the editor and started from a blob.
 */
export async function startServerWorker(extensionUri: vscode.Uri): Promise<ServerWorker> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist/browser/server.js');
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const code = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
}

/** Activates the extension with the language server in a Web Worker. */
export function activate(context: vscode.ExtensionContext): Promise<ItsmoteApi> {
  return activateOn(context, {
    // A fresh worker at each start (a restart after a crash, or the Restart command).
    createClient: (ctx, clientOptions) =>
      new LanguageClient(
        'itsmote',
        'ITSMote Changes',
        async () => {
          const worker = await startServerWorker(ctx.extensionUri);
          return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
        },
        clientOptions,
      ),
    identity: NO_IDENTITY,
    env: {},
    keepsIndex: false,
    onClient: (client, ctx) => ctx.subscriptions.push(answerFileSystemRequests(client)),
  });
}
