/**
 * The extension on vscode.dev and github.dev (package.json `browser`): the language server is
 * dist/browser/server.js in a Web Worker, reading the workspace through this client
 * (workspace-fs.ts). There is no git and no OS user: the author is the `itsmote.author` setting,
 * else asked once (AuthorSource). Built for the browser platform: a Node module reachable from
 * here fails the build.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateOn, deactivate } from './activate';
import type { ItsmoteApi } from './activate';
import { NO_IDENTITY } from './author';
import { answerFileSystemRequests } from './workspace-fs';

export type { ItsmoteApi } from './activate';
export { deactivate };

/** The worker's constructor, as the extension host of a browser offers it. */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/** Activates the extension with the language server in a Web Worker. */
export function activate(context: vscode.ExtensionContext): Promise<ItsmoteApi> {
  return activateOn(context, {
    createClient: (ctx, clientOptions) => {
      const worker = new Worker(vscode.Uri.joinPath(ctx.extensionUri, 'dist/browser/server.js').toString(true));
      return new LanguageClient('itsmote', 'ITSMote Changes', clientOptions, worker);
    },
    identity: NO_IDENTITY,
    env: {},
    keepsIndex: false,
    onClient: (client, ctx) => ctx.subscriptions.push(answerFileSystemRequests(client)),
  });
}
