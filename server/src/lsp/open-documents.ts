/**
 * Open documents and their validation: validated at once on open, debounced (150 ms) on change,
 * with stale runs dropped (a run that finds a newer version publishes nothing). URIs are
 * normalised (vscode-uri) so that an open document and the same file found on disk are one entry.
 */
import type { Connection } from 'vscode-languageserver';
import { CancellationTokenSource, TextDocuments } from 'vscode-languageserver';
import { fastAnalysis } from '../core/fast/index';
import type { Analysis } from '../core/model';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { WorkspaceIndex } from './workspace-index';
import { background } from './guard';
import { runLater, runSoon } from './soon';

/** The debounce between a change and its check. */
export const DEBOUNCE_MS = 150;

/** The index key of a URI (same file, same key, whatever the client's spelling). */
export function normalizeUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** Open documents keyed by normalised URI, and their debounced validation. */
export class OpenDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly clientUri = new Map<string, string>();
  /** What cancels each pending check. */
  private readonly timers = new Map<string, () => void>();
  /** The running check of each document: a newer version cancels it. */
  private readonly running = new Map<string, CancellationTokenSource>();
  /** The analysis of each open document's current version, made once for requests and the check. */
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();
  private readonly justOpened = new Set<string>();
  private index: WorkspaceIndex | undefined;

  /** Connects to the index (they depend on each other: the index asks which documents are open). */
  attach(index: WorkspaceIndex): void {
    this.index = index;
  }

  /** The open document of a normalised URI. */
  get(uri: string): TextDocument | undefined {
    return this.documents.get(this.clientUri.get(uri) ?? uri);
  }

  isOpen(uri: string): boolean {
    return this.clientUri.has(uri);
  }

  /** Every open document with its normalised URI. */
  all(): { uri: string; doc: TextDocument }[] {
    return [...this.clientUri.entries()].flatMap(([uri, c]) => {
      const doc = this.documents.get(c);
      return doc ? [{ uri, doc }] : [];
    });
  }

  /**
   * The analysis of an open document's current version (made once per version: requests during
   * the debounce and the check that follows share it).
   */
  analysisOf(uri: string): Analysis | undefined {
    const doc = this.get(uri);
    if (!doc) return undefined;
    const hit = this.analyses.get(uri);
    if (hit?.version === doc.version) return hit.analysis;
    const analysis = fastAnalysis(doc.getText(), uri);
    this.analyses.set(uri, { version: doc.version, analysis });
    return analysis;
  }

  /** Schedules a check of an open document (a delay of 0: at once, without a timer). */
  schedule(uri: string, delay = DEBOUNCE_MS): void {
    this.cancel(uri);
    const run = () => {
      this.timers.delete(uri);
      background('validate', () => this.validate(uri));
    };
    this.timers.set(uri, delay === 0 ? runSoon(run) : runLater(run, delay));
  }

  /** Cancels a pending check, and the running one. */
  cancel(uri: string): void {
    const t = this.timers.get(uri);
    t?.();
    this.timers.delete(uri);
    this.running.get(uri)?.cancel();
    this.running.delete(uri);
  }

  /** Checks an open document now; a newer version (or a close) cancels it and it publishes nothing. */
  async validate(uri: string): Promise<void> {
    const doc = this.get(uri);
    if (!doc || !this.index) return;
    const version = doc.version;
    const source = new CancellationTokenSource();
    this.running.get(uri)?.cancel();
    this.running.set(uri, source);
    try {
      await this.index.update(
        uri,
        doc.getText(),
        version,
        () => !source.token.isCancellationRequested && this.get(uri)?.version === version,
        false,
        () => this.analysisOf(uri),
      );
    } finally {
      if (this.running.get(uri) === source) this.running.delete(uri);
      source.dispose();
    }
  }

  /** Wires the text document events to the connection. */
  listen(connection: Connection, onClosed: (uri: string) => void): void {
    this.documents.onDidOpen((e) => {
      const uri = normalizeUri(e.document.uri);
      this.clientUri.set(uri, e.document.uri);
      this.justOpened.add(uri);
      this.schedule(uri, 0);
    });
    this.documents.onDidChangeContent((e) => {
      const uri = normalizeUri(e.document.uri);
      if (this.justOpened.delete(uri)) return; // the open already scheduled an immediate check
      this.schedule(uri);
    });
    this.documents.onDidClose((e) => {
      const uri = normalizeUri(e.document.uri);
      this.cancel(uri);
      this.justOpened.delete(uri);
      this.clientUri.delete(uri);
      this.analyses.delete(uri);
      onClosed(uri);
    });
    this.documents.listen(connection);
  }

  /** The client's spelling of a URI (for publishing to an open document). */
  clientSpelling(uri: string): string {
    return this.clientUri.get(uri) ?? uri;
  }
}
