/**
 * The entry for the document a request is about, at the version the editor has now. When the
 * index has not caught up yet (a request between a change and its debounced check), a fresh
 * entry is built synchronously with the index's config and settings for that document.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze } from '../core/model';
import { checkDocument } from '../core/check';
import { defaultConfig } from '../core/config';
import type { Diagnose } from '../core/actions/index';
import { buildEntry } from './entry';
import type { Entry } from './entry';
import type { OpenDocuments } from './open-documents';
import { normalizeUri } from './open-documents';
import type { WorkspaceIndex } from './workspace-index';
import type { Environment } from './environment';
import { DEFAULT_SETTINGS } from './settings';
import { folderOf, pathOf } from './paths';
import type { Folder } from './paths';

/** Looks up current entries for request handlers. */
export class CurrentDocuments {
  constructor(
    private readonly open: OpenDocuments,
    private readonly index: WorkspaceIndex,
    private readonly env: Environment,
    private readonly folders: () => Folder[],
  ) {}

  /** The current entry of a (client-spelled) URI, or undefined when it is neither open nor indexed. */
  entry(clientUri: string): Entry | undefined {
    const uri = normalizeUri(clientUri);
    const doc = this.open.get(uri);
    const indexed = this.index.get(uri);
    if (!doc) return indexed;
    if (indexed && indexed.version === doc.version) return indexed;
    const path = pathOf(uri);
    return buildEntry({
      uri,
      path,
      folder: folderOf(this.folders(), path),
      text: doc.getText(),
      version: doc.version,
      config: indexed?.config ?? defaultConfig(),
      settings: indexed?.settings ?? DEFAULT_SETTINGS,
      now: this.env.now(),
      ...(indexed?.repo ? { repo: indexed.repo } : {}),
    });
  }

  /** Every diagnostic of an entry (single-document and CM040). */
  diagnostics(e: Entry): Diagnostic[] {
    return this.index.diagnosticsOf(e);
  }

  /** Re-checks edited text the way the entry was checked (fix-all verifies its own result with it). */
  diagnoser(e: Entry): Diagnose {
    return (text) => {
      const analysis = analyze(text, e.uri);
      return { analysis, diagnostics: checkDocument(analysis, { config: e.config, now: this.env.now(), docsUrl: e.settings.docsUrl, ...(e.repo ? { repo: e.repo } : {}) }) };
    };
  }
}
