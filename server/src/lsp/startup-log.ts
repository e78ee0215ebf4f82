/**
 * What the server writes to the client's log (the "ITSMote Changes" output channel) at info
 * level: who it is, what it serves, which config files it found and how long indexing took. The
 * lines are what a person debugging "why is my document not checked" needs first, and nothing
 * per keystroke. Pure formatting; start.ts decides when.
 */
import type { ConfigError } from '../core/config';
import { configErrorPosition, configErrorText } from '../core/config-errors';
import type { Folder } from './paths';

/** The line after `initialize`: server and client versions, the runtime, the process. */
export function startedLine(
  server: { name: string; version: string },
  client: { name: string; version?: string } | undefined,
  runtime: string,
): string {
  const by = client ? ` for ${client.name}${client.version ? ` ${client.version}` : ''}` : '';
  return `${server.name} ${server.version} started${by} (${runtime})`;
}

/** The workspace folders served, or why there are none. */
export function foldersLine(folders: readonly Folder[]): string {
  if (folders.length === 0) return 'no workspace folder: only open documents are checked';
  return `workspace folder${folders.length === 1 ? '' : 's'}: ${folders.map((f) => f.path).join(', ')}`;
}

/** One config file as read: valid, or how many problems (each problem is logged on its own line). */
export function configLine(file: string, errors: readonly ConfigError[]): string {
  return errors.length
    ? `config ${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'} (the defaults apply to those keys)`
    : `config ${file}: valid`;
}

/** One problem of a config file, as the CLI prints it. */
export function configProblemLine(file: string, e: ConfigError): string {
  return `config ${file}:${configErrorPosition(e)}: ${configErrorText(e)}`;
}

/** What a scan found. */
export interface ScanStats {
  changes: number;
  withErrors: number;
  folders: number;
  configs: number;
  ms: number;
}

/** The line after each full scan of the workspace. */
export function indexedLine(s: ScanStats): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `indexed ${n(s.changes, 'change document')} (${s.withErrors} with errors) in ${n(s.folders, 'folder')} in ${Math.round(s.ms)} ms; ${s.configs ? n(s.configs, 'config file') : 'no .itsmote.json: defaults apply'}`;
}
