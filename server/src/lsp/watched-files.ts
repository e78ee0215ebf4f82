/**
 * Files changed outside the editor (`workspace/didChangeWatchedFiles`): change documents are
 * re-read, deleted ones dropped; a changed `.itsmote.json` re-scans the workspace, since it can
 * change which files are change documents and how every one of them is checked. A changed
 * CODEOWNERS or catalog-info.yaml re-reads the repository facts (CM016, CM017).
 */
import type { Connection, FileEvent } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../core/config';
import type { OpenDocuments } from './open-documents';
import { normalizeUri } from './open-documents';
import type { WorkspaceIndex } from './workspace-index';
import { pathOf } from './paths';

/** The names of the repository files the server reads (CODEOWNERS, Backstage catalog). */
const REPO_FILE = /\/(CODEOWNERS|catalog-info\.ya?ml)$/i;

/** Handles one batch of file events. `configChanged` is awaited when a config file changed. */
export async function onWatchedFiles(
  changes: readonly FileEvent[],
  index: WorkspaceIndex,
  open: OpenDocuments,
  configChanged: (deleted: string[]) => Promise<void>,
): Promise<void> {
  let config = false;
  const deletedConfigs: string[] = [];
  const repoFiles: string[] = [];
  for (const c of changes) {
    const uri = normalizeUri(c.uri);
    if (REPO_FILE.test(uri)) {
      const path = pathOf(uri);
      if (path) repoFiles.push(path);
      continue;
    }
    if (uri.endsWith(`/${CONFIG_FILE_NAME}`)) {
      config = true;
      if (c.type === FileChangeType.Deleted) deletedConfigs.push(uri);
      continue;
    }
    if (!/\.(md|markdown)$/i.test(uri) || open.isOpen(uri)) continue;
    if (c.type === FileChangeType.Deleted) {
      index.remove(uri);
      continue;
    }
    const path = pathOf(uri);
    const r = path ? await index.fs.readText(path) : undefined;
    if (open.isOpen(uri)) continue;
    if (r?.ok) await index.update(uri, r.text, null, () => !open.isOpen(uri));
    else index.remove(uri);
  }
  // A config change re-scans, which re-reads the repository files too.
  if (config) await configChanged(deletedConfigs);
  else if (repoFiles.length) await index.repoFilesChanged(repoFiles);
}

/** Asks the client to watch markdown and config files (dynamic registration). */
export async function registerWatchers(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [
      { globPattern: '**/*.md' },
      { globPattern: '**/*.markdown' },
      { globPattern: `**/${CONFIG_FILE_NAME}` },
      { globPattern: '**/CODEOWNERS' },
      { globPattern: '**/catalog-info.yaml' },
      { globPattern: '**/catalog-info.yml' },
    ],
  });
}
