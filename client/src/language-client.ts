/**
 * The language client's options, shared by the desktop client (node-client.ts: `dist/server.js`
 * over Node IPC) and the browser's (browser-extension.ts: a Web Worker): markdown documents,
 * with the author and the workspace trust in the initialization options (computed at each
 * (re)start, so a restart after trust was granted starts trusted). Restarting after a crash is
 * the client library's default behaviour (up to 4 times in 3 minutes).
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../../server/src/protocol';
import { routeAdvanceThroughCommand } from './advance-actions';

/**
 * `init` gives the initialization options at each (re)start; `authorKnown` says whether a real
 * identity is known (else the server's advance actions are routed through the command that asks).
 * `scheme`: only documents of this scheme (and untitled ones); undefined: every markdown document
 * (the browser, where the workspace is any file system the editor serves).
 */
export function languageClientOptions(
  init: () => InitializationOptions,
  output: vscode.LogOutputChannel,
  authorKnown: () => boolean = () => true,
  scheme: string | undefined = 'file',
): LanguageClientOptions {
  return {
    documentSelector: scheme
      ? [
          { scheme, language: 'markdown' },
          { scheme: 'untitled', language: 'markdown' },
        ]
      : [{ language: 'markdown' }],
    initializationOptions: init,
    outputChannel: output,
    middleware: {
      provideCodeActions: async (document, range, ctx, token, next) => {
        const actions = await next(document, range, ctx, token);
        return actions && !authorKnown() ? routeAdvanceThroughCommand(actions, document.uri) : actions;
      },
    },
  };
}

/** The status bar item: the server's state, the size of the index, and a way to the log. */
export class ServerStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('itsmote.server', vscode.StatusBarAlignment.Left, 10);
  private state: State = State.Starting;
  private counts = { changes: 0, withErrors: 0 };

  constructor() {
    this.item.name = 'ITSMote Changes';
    this.item.command = 'itsmote.showOutput';
    this.render();
    this.item.show();
  }

  setState(state: State): void {
    this.state = state;
    this.render();
  }

  setCounts(changes: number, withErrors: number): void {
    this.counts = { changes, withErrors };
    this.render();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const i = this.item;
    i.backgroundColor = undefined;
    if (this.state === State.Starting) {
      i.text = '$(loading~spin) ITSMote';
      i.tooltip = 'ITSMote language server: starting';
    } else if (this.state === State.Stopped) {
      i.text = '$(error) ITSMote';
      i.tooltip =
        'ITSMote language server: stopped. Click for its log; "ITSMote: Restart Language Server" starts it again.';
      i.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      const { changes, withErrors } = this.counts;
      i.text = withErrors ? `$(checklist) ${changes} $(error) ${withErrors}` : `$(checklist) ${changes}`;
      i.tooltip = `ITSMote language server: running. ${changes} change document${changes === 1 ? '' : 's'}, ${withErrors} with errors. Click for the log.`;
    }
  }
}
