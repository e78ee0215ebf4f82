/**
 * The one typed file that the client and the server share: custom requests, notifications,
 * commands, initialization options and settings. Change it here and both sides follow.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ChangeSummary } from './core/summary';
import type { MonthMetrics } from './core/metrics';
import type { Status } from './core/fields';
import type { FreezeSpan } from './core/freezes';

/** A change in the workspace index, as the sidebar shows it. */
export interface ChangeListItem extends ChangeSummary {
  uri: string;
  /** Statuses this change may move to next (lifecycle table). */
  allowedNext: Status[];
}

export interface ListChangesParams {
  /** Only changes under this folder URI (default: all workspace folders). */
  folderUri?: string;
}
export interface ListChangesResult {
  changes: ChangeListItem[];
  /** False while the initial index is still being built. */
  complete: boolean;
}
/** `itsmote/listChanges`: summaries of every change document in the workspace. */
export const ListChangesRequest = new RequestType<ListChangesParams, ListChangesResult, void>('itsmote/listChanges');

export interface MetricsParams {
  folderUri?: string;
}
export interface MetricsResult {
  months: MonthMetrics[];
  /** The change freezes of the folders' `.itsmote.json` files, for the dashboard's month axis. */
  freezes?: FreezeSpan[];
}
/** `itsmote/metrics`: SPEC section 5 metrics by month. */
export const MetricsRequest = new RequestType<MetricsParams, MetricsResult, void>('itsmote/metrics');

export interface IndexChangedParams {
  /** The URIs whose summaries changed (absent: anything may have changed). */
  uris?: string[];
}
/** `itsmote/indexChanged`: the workspace index changed; the sidebar re-requests. */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('itsmote/indexChanged');

/** Arguments of the server command that advances a change's status. */
export interface AdvanceStatusArgs {
  uri: string;
  to: Status;
  /** Reason (Rolled Back) or outcome (Closed), written into the log entry / Outcome. */
  note?: string;
  /** Document version the edit is computed for; a stale version is refused. */
  version?: number;
  /** Who is writing the log entry, as the client knows it (wins over the setting and the server's fallback). */
  author?: string;
}
/** Commands the server registers (`workspace/executeCommand`). */
export const ServerCommands = {
  /** Applies "advance status" through `workspace/applyEdit`; returns true when applied. */
  advanceStatus: 'itsmote.server.advanceStatus',
} as const;

/** `initializationOptions` the client sends. */
export interface InitializationOptions {
  /** Who is writing log entries: the `itsmote.author` setting, else git, else the OS user. */
  author?: string;
  /** Clock override (ISO 8601), mainly for tests; `ITSMOTE_NOW` in the server's environment also works. */
  now?: string;
  /**
   * A folder the server may keep its index in between sessions (VS Code: the extension's
   * workspace storage, `context.storageUri`), so that reopening a large workspace is warm.
   * Absent: the index lives in memory only.
   */
  storagePath?: string;
  /**
   * Whether the workspace is trusted (VS Code workspace trust). False: the server starts no
   * process at all (no git: author from the setting or the OS user, catalog discovery by a
   * walk), until `itsmote/workspaceTrusted` arrives. Absent: trusted (a client that has no
   * notion of trust); git is hardened either way (docs/reliability.md).
   */
  trusted?: boolean;
  /**
   * A client command that opens the completion list again (VS Code: `editor.action.triggerSuggest`).
   * Given, accepting a field name in completion goes straight on to the field's values.
   */
  retriggerCommand?: string;
}

/** `itsmote/workspaceTrusted` parameters: nothing yet, trust is only ever granted. */
export type WorkspaceTrustedParams = Record<string, never>;
/**
 * `itsmote/workspaceTrusted`: the user trusted the workspace after the server started untrusted.
 * The server may now run git (author, catalog discovery) and re-scans; no restart needed.
 */
export const WorkspaceTrustedNotification = new NotificationType<WorkspaceTrustedParams>('itsmote/workspaceTrusted');

/** The `itsmote` settings section, as the server reads it through `workspace/configuration`. */
export interface ItsmoteSettings {
  /** Name written into status log entries. */
  author?: string;
  /** Base URL of the rules documentation; `#cmNNN` is appended. */
  docsUrl?: string;
  /** Check unopened change documents too (workspace-wide Problems). */
  workspaceDiagnostics?: boolean;
  /** Documents larger than this (KB) get one information diagnostic instead of a full check. */
  maxFileSizeKB?: number;
  /** The workspace scan of a folder stops (with a warning) after this many candidate files. */
  maxFiles?: number;
}

export const SETTINGS_SECTION = 'itsmote';

/**
 * The file system of the browser server, answered by the client with `vscode.workspace.fs`
 * (server to client requests): a server in a Web Worker has no disk, and on vscode.dev and
 * github.dev the workspace is a virtual file system (`vscode-vfs://`, `github://`) only the
 * editor can read. The desktop server reads the disk itself and never sends these.
 */
export interface FsUriParams {
  uri: string;
}
/** A file's text, or why it cannot be read (the words of a local read: `no such file or directory`). */
export type FsReadFileResult = { ok: true; text: string } | { ok: false; reason: string };
/** `itsmote/fs/readFile`: a regular file as strict UTF-8 text. */
export const FsReadFileRequest = new RequestType<FsUriParams, FsReadFileResult, void>('itsmote/fs/readFile');
/** A folder's entries: name and `vscode.FileType` bits (1 file, 2 directory, 64 symbolic link). */
export type FsReadDirectoryResult =
  { ok: true; entries: [name: string, type: number][] } | { ok: false; reason: string };
/** `itsmote/fs/readDirectory`: the entries of a folder. */
export const FsReadDirectoryRequest = new RequestType<FsUriParams, FsReadDirectoryResult, void>(
  'itsmote/fs/readDirectory',
);
/** What a URI is (`vscode.FileType` bits), or why it cannot be told. */
export type FsStatResult = { ok: true; type: number } | { ok: false; reason: string };
/** `itsmote/fs/stat`: whether a URI exists and what it is. */
export const FsStatRequest = new RequestType<FsUriParams, FsStatResult, void>('itsmote/fs/stat');

/**
 * The argument the desktop client starts `dist/server.js` with when every workspace folder is
 * virtual (Remote Repositories' `vscode-vfs://`): the server then reads through the client
 * (`itsmote/fs/*`, as the browser server does) and names documents by URI paths.
 */
export const VIRTUAL_WORKSPACE_ARG = '--virtual-workspace';

/**
 * The node flags the language server is started with: the client passes them as `execArgv`
 * (client/src/extension.ts) and `npm run bench` starts the server with them
 * (scripts/bench/lsp.ts), so the figures are those of the server as the editor runs it
 * (docs/performance.md, "A lean server"): `--expose-gc` lets a workspace scan collect where it
 * leaves mostly garbage (lsp/memory.ts); without allocation-site pretenuring V8 stops allocating
 * the analysis's short-lived objects straight into the old space; semi-spaces of 4 MB instead of
 * 16 keep 24 MB less of young generation resident (the scavenges that follow cost no measurable CPU).
 */
export const SERVER_EXEC_ARGV: readonly string[] = [
  '--expose-gc',
  '--no-allocation-site-pretenuring',
  '--max-semi-space-size=4',
];
