/**
 * The document a request is about, at the version the editor has now, with its full analysis.
 * Open documents: the index's entry when it has caught up, else the analysis of the new version
 * (made once per version and shared with the debounced check, open-documents.ts), whose
 * diagnostics are computed only when a handler asks for them (hover, code actions): completion
 * and symbols during typing run no rule. Closed documents: the index keeps no model, so it is
 * rebuilt from the file on demand.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze } from '../core/model';
import type { Analysis } from '../core/model';
import { checkDocument, sortDiagnostics } from '../core/check';
import { defaultConfig } from '../core/config';
import type { Diagnose } from '../core/actions/index';
import { fastAnalysis } from '../core/fast/index';
import { contentHash } from '../node/record-cache';
import { isChangeDocument } from './entry';
import type { Entry } from './entry';
import type { OpenDocuments } from './open-documents';
import { normalizeUri } from './open-documents';
import type { WorkspaceIndex } from './workspace-index';
import type { Environment } from './environment';
import { DEFAULT_SETTINGS } from './settings';
import type { ResolvedSettings } from './settings';
import { folderOf, pathOf } from './paths';
import type { Folder } from './paths';
import type { Config } from '../core/config';
import type { RepoFacts } from '../core/repo/facts';

/** A document as request handlers see it. */
export interface Current {
  uri: string;
  /** The editor's version; null for a closed document. */
  version: number | null;
  analysis: Analysis;
  isChange: boolean;
  folder?: Folder;
  config: Config;
  settings: ResolvedSettings;
  repo?: RepoFacts;
  /** Every diagnostic of the document (computed on first call when the index is behind). */
  diagnostics(): Diagnostic[];
}

/** Looks up current documents for request handlers. */
export class CurrentDocuments {
  constructor(
    private readonly open: OpenDocuments,
    private readonly index: WorkspaceIndex,
    private readonly env: Environment,
    private readonly folders: () => Folder[],
  ) {}

  /**
   * The current document of a (client-spelled) URI, or undefined when it is neither open nor
   * indexed (or the request was cancelled while a closed document was read).
   */
  async get(clientUri: string, token?: CancellationToken): Promise<Current | undefined> {
    const uri = normalizeUri(clientUri);
    const doc = this.open.get(uri);
    const indexed = this.index.get(uri);
    if (!doc) return indexed ? this.closed(indexed, token) : undefined;
    if (indexed?.full && indexed.version === doc.version)
      return this.fromEntry(indexed, indexed.full.analysis, () => this.index.diagnosticsOf(indexed));
    // The debounced check has not run yet: the new version's analysis, diagnostics only on demand.
    const path = pathOf(uri);
    const folder = folderOf(this.folders(), path);
    const config = indexed?.config ?? defaultConfig();
    const settings = indexed?.settings ?? DEFAULT_SETTINGS;
    const repo = indexed?.repo;
    // Over the size limit: not analysed (as the check does it), its one diagnostic from the index.
    if (doc.getText().length / 1024 > settings.maxFileSizeKB)
      return indexed
        ? this.fromEntry(indexed, fastAnalysis('', uri), () => this.index.diagnosticsOf(indexed))
        : undefined;
    const analysis = this.open.analysisOf(uri)!;
    let diagnostics: Diagnostic[] | undefined;
    return {
      uri,
      version: doc.version,
      analysis,
      isChange: isChangeDocument({ path, folder, config }, analysis),
      ...(folder ? { folder } : {}),
      config,
      settings,
      ...(repo ? { repo } : {}),
      diagnostics: () =>
        (diagnostics ??= checkDocument(analysis, {
          config,
          now: this.env.now(),
          docsUrl: settings.docsUrl,
          ...(repo ? { repo } : {}),
        })),
    };
  }

  /** A closed document: its model rebuilt from the file (the index keeps none). */
  private async closed(e: Entry, token?: CancellationToken): Promise<Current | undefined> {
    const read = e.path ? await this.index.fs.readText(e.path) : undefined;
    if (!read?.ok || token?.isCancellationRequested) return undefined;
    const analysis = fastAnalysis(read.text, e.uri);
    // Changed on disk since it was indexed (the watcher has not told us yet): check this text.
    const same = contentHash(read.text) === e.hash;
    let diagnostics: Diagnostic[] | undefined;
    return this.fromEntry(e, analysis, () =>
      same
        ? this.index.diagnosticsOf(e)
        : (diagnostics ??= sortDiagnostics(
            checkDocument(analysis, {
              config: e.config,
              now: this.env.now(),
              docsUrl: e.settings.docsUrl,
              ...(e.repo ? { repo: e.repo } : {}),
            }),
          )),
    );
  }

  private fromEntry(e: Entry, analysis: Analysis, diagnostics: () => Diagnostic[]): Current {
    return {
      uri: e.uri,
      version: e.version,
      analysis,
      isChange: e.isChange,
      ...(e.folder ? { folder: e.folder } : {}),
      config: e.config,
      settings: e.settings,
      ...(e.repo ? { repo: e.repo } : {}),
      diagnostics,
    };
  }

  /** Re-checks edited text the way the document was checked (fix-all verifies its own result with it). */
  diagnoser(c: Current): Diagnose {
    return (text) => {
      const analysis = analyze(text, c.uri);
      return {
        analysis,
        diagnostics: checkDocument(analysis, {
          config: c.config,
          now: this.env.now(),
          docsUrl: c.settings.docsUrl,
          ...(c.repo ? { repo: c.repo } : {}),
        }),
      };
    };
  }
}
