/**
 * The one typed file that the client and the server share: custom requests, notifications,
 * commands, initialization options and settings. Change it here and both sides follow.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ChangeSummary } from './core/summary';
import type { MonthMetrics } from './core/metrics';
import type { Status } from './core/fields';

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
}

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
}

export const SETTINGS_SECTION = 'itsmote';
