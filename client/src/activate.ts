/**
 * The ITSMote Changes extension, shared by the desktop (extension.ts) and the browser
 * (browser-extension.ts): starts the language server, and adds the Changes and Metrics views, the
 * metrics dashboard and the commands. `activate` returns an API object so the tests (and other
 * extensions) can observe what the views show. What differs by platform (how the server runs,
 * git's identity, the environment) comes in a `ClientPlatform`.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { IndexChangedNotification, WorkspaceTrustedNotification } from '../../server/src/protocol';
import type { InitializationOptions } from '../../server/src/protocol';
import { AuthorSource } from './author';
import type { AuthorIdentity } from './author';
import { languageClientOptions, ServerStatusItem } from './language-client';
import { ChangesTreeProvider } from './changes/tree';
import type { ChangesNode } from './changes/tree';
import { MetricsTreeProvider } from './metrics/view';
import type { MetricsNode } from './metrics/view';
import { MetricsDashboard } from './metrics/dashboard';
import { headline } from './metrics/format';
import { advanceStatus } from './commands/advance';
import { newChange } from './commands/new-change';
import { exportMetrics } from './commands/export';
import { pickFilters, pickGroupBy } from './commands/view-options';
import { revealOnFirstStart } from './first-start';
import { extensionClock } from './clock';
import { createRecordedLog } from './log';
import type { RecordedLog } from './log';

/** What differs between the desktop and the browser. */
export interface ClientPlatform {
  /** Makes the language client (Node IPC to dist/server.js, or a Web Worker). */
  createClient(
    context: vscode.ExtensionContext,
    options: LanguageClientOptions,
  ): BaseLanguageClient | Promise<BaseLanguageClient>;
  /** git's identity and the OS user, where they exist. */
  identity: AuthorIdentity;
  /** The environment (`ITSMOTE_NOW`); empty in a browser. */
  env: Record<string, string | undefined>;
  /** Whether the server may keep its index in the workspace storage folder (a local path). */
  keepsIndex: boolean;
  /** Called once the client exists (the browser answers the server's file-system requests). */
  onClient?(client: BaseLanguageClient, context: vscode.ExtensionContext): void;
}

/** What `activate` returns. */
export interface ItsmoteApi {
  client: BaseLanguageClient;
  changesTree: ChangesTreeProvider;
  changesView: vscode.TreeView<ChangesNode>;
  metricsTree: MetricsTreeProvider;
  metricsView: vscode.TreeView<MetricsNode>;
  dashboard: MetricsDashboard;
  status: ServerStatusItem;
  /** The author used for new changes and "only mine". */
  author(): string;
  /** Settles when the server runs and the first list has been loaded (rejects if it cannot start). */
  ready: Promise<void>;
  /** The "ITSMote Changes" output channel's recent lines (what "Click for the log" shows). */
  log: Pick<RecordedLog, 'lines' | 'onDidLog'>;
}

let client: BaseLanguageClient | undefined;

/** Activates the extension on a platform. */
export async function activateOn(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<ItsmoteApi> {
  const recorded = createRecordedLog('ITSMote Changes');
  const output = recorded.channel;
  const folders =
    vscode.workspace.workspaceFolders
      ?.map((f) => (f.uri.scheme === 'file' ? f.uri.fsPath : f.uri.toString()))
      .join(', ') || 'no folder';
  output.info(
    `ITSMote Changes ${String(context.extension.packageJSON.version)} activating in ${vscode.env.appName} ${vscode.version} (${folders})`,
  );
  const clock = extensionClock(platform.env);
  const now = clock.now;
  // Logged only: the server reads the same ITSMOTE_NOW and shows the error as a notification.
  if (clock.error) output.error(clock.error);
  // In Restricted Mode nothing here runs a process (no git); trust granted later lifts that.
  const authors = await AuthorSource.create(platform.identity);
  const author = (): string => authors.current();

  const lc = await platform.createClient(
    context,
    languageClientOptions(
      (): InitializationOptions => {
        const known = authors.known();
        // The index is kept in the workspace storage between sessions (none without a workspace).
        const storagePath = platform.keepsIndex ? context.storageUri?.fsPath : undefined;
        // Accepting a field name in completion reopens the list on its values (VS Code's own command).
        return {
          ...(known ? { author: known } : {}),
          ...(storagePath ? { storagePath } : {}),
          trusted: vscode.workspace.isTrusted,
          retriggerCommand: 'editor.action.triggerSuggest',
        };
      },
      output,
      () => authors.known() !== undefined,
      platform.keepsIndex ? 'file' : undefined,
    ),
  );
  client = lc;
  platform.onClient?.(lc, context);
  const status = new ServerStatusItem();
  const changesTree = new ChangesTreeProvider(lc, context.workspaceState, author);
  const metricsTree = new MetricsTreeProvider(lc, now);
  const dashboard = new MetricsDashboard(context.extensionUri, metricsTree);
  const changesView = vscode.window.createTreeView('itsmote.changes', {
    treeDataProvider: changesTree,
    showCollapseAll: true,
  });
  const metricsView = vscode.window.createTreeView('itsmote.metrics', { treeDataProvider: metricsTree });
  context.subscriptions.push(recorded, status, changesTree, metricsTree, dashboard, changesView, metricsView);
  context.subscriptions.push(vscode.window.registerFileDecorationProvider(changesTree));

  const log = (what: string) => (err: unknown) => {
    if (lc.state === State.Running) output.warn(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
  };
  const refresh = (): Promise<void> =>
    Promise.all([changesTree.refresh().catch(log('listChanges')), metricsTree.refresh().catch(log('metrics'))]).then(
      () => undefined,
    );

  const updateActive = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand(
      'setContext',
      'itsmote.activeIsChange',
      !!doc && !!changesTree.changeFor(doc.uri),
    );
  };
  const describeView = (): void => {
    changesView.description = changesTree.describeView();
    const withErrors = changesTree.snapshot.changes.filter((c) => c.problems.errors > 0).length;
    changesView.badge = withErrors
      ? { value: withErrors, tooltip: `${withErrors} change document${withErrors === 1 ? '' : 's'} with errors` }
      : undefined;
    status.setCounts(changesTree.snapshot.changes.length, withErrors);
  };
  // The month's headline is the Metrics view's description; while the view is collapsed (its
  // default) the workbench hides descriptions, so the title carries it instead.
  const describeMetrics = (): void => {
    const line = headline(metricsTree.roots()[0]!.metrics);
    metricsView.description = line;
    metricsView.title = metricsView.visible ? 'Metrics' : `Metrics · ${line}`;
  };
  describeMetrics();
  context.subscriptions.push(
    metricsTree.onDidRefresh(describeMetrics),
    metricsView.onDidChangeVisibility(describeMetrics),
    changesTree.onDidRefresh(() => {
      describeView();
      updateActive();
    }),
    changesTree.onDidChangeTreeData(describeView),
    vscode.window.onDidChangeActiveTextEditor(updateActive),
    lc.onDidChangeState((e) => {
      status.setState(e.newState);
      output.info(
        `language server ${e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped'}`,
      );
      // After a restart the server has a new index: load it (its notifications follow from then on).
      if (e.newState === State.Running) void refresh();
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await authors.trustGranted();
      // The server may now run git; a stopped server gets trusted: true when it is started again.
      if (lc.state !== State.Stopped)
        await lc.sendNotification(WorkspaceTrustedNotification, {}).catch(log('workspaceTrusted'));
    }),
  );
  // The only refresh trigger besides commands: the server says its index changed.
  lc.onNotification(IndexChangedNotification, () => void refresh());

  const command = (id: string, run: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };
  command('itsmote.newChange', async (opts) => {
    const given = opts && typeof opts === 'object' ? (opts as object) : undefined;
    const who = await authors.forWriting(given === undefined);
    return who === undefined ? undefined : newChange(who, now(), given);
  });
  command('itsmote.advanceStatus', (arg, opts) =>
    advanceStatus(lc, changesTree, arg, opts, (mayAsk, scope) => authors.forWriting(mayAsk, scope)),
  );
  command('itsmote.showMetrics', () => dashboard.show());
  command('itsmote.exportMetrics', (target) => exportMetrics(metricsTree, now(), target));
  command('itsmote.refresh', () => refresh());
  command('itsmote.groupBy', (by) => pickGroupBy(changesTree, by));
  command('itsmote.filter', (filters) => pickFilters(changesTree, author(), filters));
  command('itsmote.clearFilters', () => changesTree.setFilters({ onlyMine: false, onlyActive: false }));
  command('itsmote.showOutput', () => output.show(true));
  // The Node client restarts its process; the browser's has no restart: stop and start the worker.
  const restartable = lc as BaseLanguageClient & { restart?(): Promise<void> };
  command('itsmote.restartServer', () =>
    restartable.restart ? restartable.restart() : lc.stop().then(() => lc.start()),
  );
  command('itsmote.openChange', async (arg) => {
    const node = arg as ChangesNode | undefined;
    const uri =
      node?.kind === 'change' ? vscode.Uri.parse(node.change.uri) : arg instanceof vscode.Uri ? arg : undefined;
    if (uri) await vscode.window.showTextDocument(uri, { preview: true });
  });
  command('itsmote.copyId', async (arg) => {
    const node = arg as ChangesNode | undefined;
    if (node?.kind === 'change') {
      await vscode.env.clipboard.writeText(node.change.id);
      vscode.window.setStatusBarMessage(`$(copy) Copied ${node.change.id}`, 3000);
    }
  });

  // Ready = running and the server's first full index loaded (it notifies when a scan completes).
  const indexed = (): Promise<void> =>
    changesTree.ready
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const sub = changesTree.onDidRefresh(() => {
            if (changesTree.ready) {
              sub.dispose();
              resolve();
            }
          });
        });
  const ready = lc.start().then(
    () => refresh().then(indexed),
    (err: unknown) => {
      status.setState(State.Stopped);
      const message = err instanceof Error ? err.message : String(err);
      output.error(`the language server did not start: ${message}`);
      void vscode.window
        .showErrorMessage(`ITSMote: the language server did not start (${message}).`, 'Show Log')
        .then((a) => a && output.show());
      throw err;
    },
  );
  ready.catch(() => undefined);
  void ready.then(() =>
    revealOnFirstStart(context.workspaceState, changesTree.snapshot.changes.length, () => {
      const doc = vscode.window.activeTextEditor?.document;
      const change = doc ? changesTree.changeFor(doc.uri) : undefined;
      return change ? change.problems.errors + change.problems.warnings : 0;
    }).catch(log('first start')),
  );
  return {
    client: lc,
    changesTree,
    changesView,
    metricsTree,
    metricsView,
    dashboard,
    status,
    author,
    ready,
    log: recorded,
  };
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
