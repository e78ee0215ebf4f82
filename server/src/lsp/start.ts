/**
 * Wires the language server: capabilities, document sync, the workspace index, settings,
 * watched files and every handler. Each handler is guarded (guard.ts): nothing a client sends
 * can crash the server.
 */
import type {
  Connection,
  InitializeParams,
  InitializeResult,
  WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { MessageType, ShowMessageNotification, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { IndexChangedNotification, ServerCommands, WorkspaceTrustedNotification } from '../protocol';
import type { InitializationOptions } from '../protocol';
import { ActionKinds } from '../core/actions/index';
import type { FileSystem } from '../fs/file-system';
import { Environment } from './environment';
import type { AuthorFallbacks } from './environment';
import { SettingsCache } from './settings';
import { OpenDocuments, normalizeUri } from './open-documents';
import { WorkspaceIndex } from './workspace-index';
import type { OpenTexts } from './workspace-index';
import { CurrentDocuments } from './current';
import { registerFeatureHandlers } from './feature-handlers';
import { clientFeatures } from './client-features';
import type { ClientFeatures } from './client-features';
import { registerCommandHandlers } from './command-handlers';
import { onWatchedFiles, registerWatchers } from './watched-files';
import { configDiagnostics } from './config-diagnostics';
import { background, guard, log, setLogger } from './guard';
import type { Folder } from './paths';
import { pathOf, uriOf } from './paths';
import { configLine, configProblemLine, foldersLine, indexedLine, startedLine } from './startup-log';
import { version } from '../../../package.json';

/** Server name and version (the package's), as reported in `serverInfo` and in the log. */
export const SERVER_INFO = { name: 'itsmote-changes', version };

/** The capabilities the server announces. */
export function serverCapabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: {
      codeActionKinds: [ActionKinds.quickFix, ActionKinds.advance, ActionKinds.fixAll],
      resolveProvider: false,
    },
    completionProvider: { triggerCharacters: [':', ' ', '-', ',', '@'], resolveProvider: false },
    hoverProvider: true,
    documentSymbolProvider: true,
    executeCommandProvider: { commands: [ServerCommands.advanceStatus] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

function foldersOf(params: InitializeParams): Folder[] {
  const fromFolders = (params.workspaceFolders ?? []).flatMap((f) => {
    const path = pathOf(f.uri);
    return path ? [{ uri: normalizeUri(f.uri), path }] : [];
  });
  if (fromFolders.length) return fromFolders;
  const root = params.rootUri ? pathOf(params.rootUri) : (params.rootPath ?? undefined);
  return root ? [{ uri: normalizeUri(uriOf(root)), path: root }] : [];
}

/**
 * What the server gets from where it runs: the desktop (server.ts: Node's fs, git, the process)
 * or a browser's Web Worker (browser-server.ts: the client's file system, nothing else).
 */
export interface ServerPlatform {
  /** Where documents, configs and repository files are read. */
  fs: FileSystem;
  /** The process environment (`ITSMOTE_NOW`); empty in a browser. */
  env: Record<string, string | undefined>;
  /** git's identity and the OS user, where they exist. */
  author?: AuthorFallbacks;
  /** Whether the index may be kept in the client's storage folder between sessions (a cache file). */
  keepsIndex: boolean;
  /** The runtime, for the log's first line (`Node v20.19.0, pid 123`). */
  runtime: string;
  /** Routes errors nothing caught to this logger (Node: process events; a worker: its error events). */
  onUncaught?(report: (what: string, e: unknown) => void): void;
}

/** Starts serving on a connection. */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  setLogger({ error: (m) => connection.console.error(m), info: (m) => connection.console.info(m) });
  platform.onUncaught?.((what, e) => log().error(`[itsmote] ${what}: ${(e as Error)?.stack ?? e}`));

  const env = new Environment(platform.env, platform.author);
  const open = new OpenDocuments();
  let folders: Folder[] = [];
  let settings = new SettingsCache(connection, false);
  let dynamicWatch = false;
  let progressSupported = false;
  let storagePath: string | undefined;
  // What this client can do beyond the basics, read at initialize (features.ts uses it).
  const client: ClientFeatures = { completionSnippets: false, snippetEdits: false };
  const configPublished = new Set<string>();
  const configSeq = new Map<string, number>();
  // Config files read since the last scan was logged, and what was last logged of each: a
  // config is re-read on every scan, but its problems are logged again only when they change.
  const configsSeen = new Set<string>();
  const configLogged = new Map<string, string>();

  const publish = (uri: string, diagnostics: Diagnostic[], version?: number): Promise<void> =>
    connection
      .sendDiagnostics({ uri: open.clientSpelling(uri), diagnostics, ...(version !== undefined ? { version } : {}) })
      .catch(() => {});

  const index = new WorkspaceIndex({
    env,
    fs: platform.fs,
    get settings() {
      return settings;
    },
    folders: () => folders,
    isOpen: (uri) => open.isOpen(uri),
    storage: () => (storagePath ? { path: storagePath, version: SERVER_INFO.version } : undefined),
    sink: {
      publish,
      indexChanged: (uris) =>
        void connection.sendNotification(IndexChangedNotification, uris ? { uris } : {}).catch(() => {}),
      warn: (message) => {
        log().info(`[itsmote] ${message}`);
        // A notification, not showWarningMessage's request: nothing waits for the user to close it.
        void connection
          .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `ITSMote: ${message}` })
          .catch(() => {});
      },
      configRead: (r) =>
        background('config diagnostics', async () => {
          if (!r.file) return;
          configsSeen.add(r.file);
          const logged = JSON.stringify(r.errors);
          if (configLogged.get(r.file) !== logged) {
            configLogged.set(r.file, logged);
            connection.console.info(configLine(r.file, r.errors));
            for (const e of r.errors) connection.console.warn(configProblemLine(r.file, e));
          }
          const uri = normalizeUri(uriOf(r.file));
          // Only the latest read of a config may publish: an older one finishing late is stale.
          const seq = (configSeq.get(uri) ?? 0) + 1;
          configSeq.set(uri, seq);
          const read = r.errors.length ? await platform.fs.readText(r.file) : undefined;
          if (configSeq.get(uri) !== seq) return;
          if (!read?.ok && !/^cannot be read/.test(r.errors[0]?.message ?? '')) {
            // No errors, or the file is gone by now: nothing to show on it.
            if (configPublished.delete(uri)) void publish(uri, []);
            return;
          }
          configPublished.add(uri);
          void publish(uri, configDiagnostics(read?.ok ? read.text : '', r.errors));
        }),
    },
  });
  open.attach(index);
  const docs = new CurrentDocuments(open, index, env, () => folders);

  const openTexts: OpenTexts = {
    all: () => open.all().map((o) => ({ uri: o.uri, text: o.doc.getText(), version: o.doc.version })),
    version: (uri) => open.get(uri)?.version,
  };

  /** Scans the workspace (with progress); a revalidation re-checks the open documents in the same pass. */
  const scan = async (revalidating = false) => {
    let reporter: WorkDoneProgressServerReporter | undefined;
    if (progressSupported) {
      try {
        const p = await connection.window.createWorkDoneProgress();
        // Cancellable: a scan of a huge folder can be stopped from the editor's progress UI.
        p.begin('ITSMote: indexing change documents', 0, 'looking for change documents', true);
        reporter = p;
      } catch {
        reporter = undefined;
      }
    }
    const started = performance.now();
    configsSeen.clear();
    const isCancelled = () => reporter?.token.isCancellationRequested === true;
    try {
      await index.scan(
        (done, total) => reporter?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total}`),
        {
          walking: (found) => reporter?.report(`looking for change documents: ${found} found`),
          isCancelled,
          ...(revalidating ? { open: openTexts } : {}),
        },
      );
      if (isCancelled()) log().info('[itsmote] workspace scan cancelled: the documents read so far are indexed');
      const changes = index.changes();
      const withErrors = changes.filter((e) => index.diagnosticsOf(e).some((d) => d.severity === 1)).length;
      connection.console.info(
        indexedLine({
          changes: changes.length,
          withErrors,
          folders: folders.length,
          configs: configsSeen.size,
          ms: performance.now() - started,
        }),
      );
    } finally {
      reporter?.done();
    }
  };

  connection.onInitialize(
    guard(
      'initialize',
      { capabilities: serverCapabilities(), serverInfo: SERVER_INFO } as InitializeResult,
      (params: InitializeParams) => {
        folders = foldersOf(params);
        const options = params.initializationOptions as InitializationOptions | undefined;
        env.configure(options);
        storagePath =
          platform.keepsIndex && typeof options?.storagePath === 'string' && options.storagePath
            ? options.storagePath
            : undefined;
        const caps = params.capabilities;
        settings = new SettingsCache(connection, caps.workspace?.configuration === true);
        dynamicWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
        progressSupported = caps.window?.workDoneProgress === true;
        Object.assign(client, clientFeatures(params));
        connection.console.info(startedLine(SERVER_INFO, params.clientInfo, platform.runtime));
        connection.console.info(foldersLine(folders));
        return { capabilities: serverCapabilities(), serverInfo: SERVER_INFO };
      },
    ),
  );

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      // A clock the user fixed but mistyped must not pass silently (the CLI stops on it).
      for (const problem of env.clockErrors) {
        log().error(`[itsmote] ${problem}`);
        void connection
          .sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `ITSMote: ${problem}` })
          .catch(() => {});
      }
      if (dynamicWatch) background('register watchers', () => registerWatchers(connection));
      background('workspace folders', async () => {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard('didChangeWorkspaceFolders', undefined, async (e) => {
            const removed = new Set(e.removed.map((f) => normalizeUri(f.uri)));
            folders = folders.filter((f) => !removed.has(f.uri));
            for (const f of e.added) {
              const path = pathOf(f.uri);
              if (path) folders.push({ uri: normalizeUri(f.uri), path });
            }
            connection.console.info(foldersLine(folders));
            await scan();
          }),
        );
      });
      await env.detectGitAuthor(folders[0]?.path);
      await scan();
    }),
  );

  // Trust granted after start: git may run now (author, catalog discovery); re-scan to use it.
  connection.onNotification(
    WorkspaceTrustedNotification,
    guard('workspaceTrusted', undefined, async () => {
      if (env.trusted) return;
      env.grantTrust();
      await env.detectGitAuthor(folders[0]?.path);
      await scan();
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, async (params) => {
      settings.reset(params?.settings);
      await scan(true);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, (params) =>
      onWatchedFiles(params.changes ?? [], index, open, async (deleted) => {
        for (const uri of deleted) {
          configSeq.set(uri, (configSeq.get(uri) ?? 0) + 1);
          if (configPublished.delete(uri)) void publish(uri, []);
        }
        // One pass: the scan re-reads the files with the new config and re-checks the open documents.
        await scan(true);
      }),
    ),
  );

  // The index of the last scan is being written to the storage folder: let it finish.
  connection.onShutdown(guard('shutdown', undefined, () => index.idle()));

  registerFeatureHandlers(connection, docs, index, env, client);
  registerCommandHandlers(connection, docs, index, env);
  open.listen(connection, (uri) => background('close', () => index.closed(uri)));
  connection.listen();
}
