/**
 * The language client: `dist/server.js` over Node IPC for markdown documents (files and untitled),
 * with the author and the workspace trust in the initialization options (computed at each
 * (re)start, so a restart after trust was granted starts trusted). Restarting after a crash is the client
 * library's default behaviour (up to 4 times in 3 minutes).
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';
import type { InitializationOptions } from '../../server/src/protocol';
import { routeAdvanceThroughCommand } from './advance-actions';

/**
 * `init` gives the initialization options at each (re)start; `authorKnown` says whether a real
 * identity is known (else the server's advance actions are routed through the command that asks).
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  init: () => InitializationOptions,
  output: vscode.LogOutputChannel,
  authorKnown: () => boolean = () => true,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // The flags the bench measures the server with (protocol.ts says why).
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: init,
    outputChannel: output,
    middleware: {
      provideCodeActions: async (document, range, ctx, token, next) => {
        const actions = await next(document, range, ctx, token);
        return actions && !authorKnown() ? routeAdvanceThroughCommand(actions, document.uri) : actions;
      },
    },
  };
  // The id `itsmote` makes the client read the `itsmote.trace.server` setting.
  return new LanguageClient('itsmote', 'ITSMote Changes', serverOptions, clientOptions);
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
      i.tooltip = 'ITSMote language server: stopped. Click for its log; "ITSMote: Restart Language Server" starts it again.';
      i.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      const { changes, withErrors } = this.counts;
      i.text = withErrors ? `$(checklist) ${changes} $(error) ${withErrors}` : `$(checklist) ${changes}`;
      i.tooltip = `ITSMote language server: running. ${changes} change document${changes === 1 ? '' : 's'}, ${withErrors} with errors. Click for the log.`;
    }
  }
}
