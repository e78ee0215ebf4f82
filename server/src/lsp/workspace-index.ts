/**
 * The workspace index: every change document of the workspace folders (open ones from the
 * editor, the rest from disk), their diagnostics (single-document and CM040 across the set),
 * summaries for `itsmote/listChanges`, and facts for completion. It decides what is published.
 *
 * A closed document's entry is compact (entry.ts: a view of its record, not its text or model).
 * With a storage folder the records are kept on disk (`index.itsmotecache`, the CLI's cache
 * format), not in memory: each scan writes them as it goes and the next one (or the next session)
 * reads them back, analysing only the files whose content or config changed. Without one, the
 * entries keep their records packed.
 */
import { CancellationTokenSource } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../core/model';
import { contentHash, RecordCache, RecordCacheWriter } from '../node/record-cache';
import { sortDiagnostics } from '../core/check';
import { defaultConfig } from '../core/config';
import { mayHaveChangeType, pathMatcher } from '../core/discovery';
import { computeMetrics } from '../core/metrics';
import type { MonthMetrics } from '../core/metrics';
import { uniqueFreezes } from '../core/freezes';
import type { Freeze } from '../core/freezes';
import { personKey } from '../core/repo/facts';
import { freezeMarks, problemCounts } from '../core/summary';
import type { WorkspaceFacts } from '../core/features/index';
import type { ChangeListItem } from '../protocol';
import { ConfigResolverOn as ConfigResolver } from '../fs/config-resolver';
import type { ResolvedConfig } from '../fs/config-resolver';
import type { FileSystem } from '../fs/file-system';
import type { Entry } from './entry';
import { computeSetDiagnostics, setKey } from './set-rules';
import type { Environment } from './environment';
import type { SettingsCache } from './settings';
import type { Folder } from './paths';
import { folderOf, pathOf, uriOf } from './paths';
import { buildEntry, recheckEntry } from './entry';
import { RepoFactsStore } from './repo-facts';
import { log } from './guard';
import { yieldToEventLoop } from './soon';
import { collectGarbage, collectIfGrown } from './memory';

/** The open documents' texts, for a revalidation. */
export interface OpenTexts {
  all(): { uri: string; text: string; version: number }[];
  /** The version of an open document now (undefined when closed). */
  version(uri: string): number | undefined;
}

/** Where the index sends what it decides. */
export interface IndexSink {
  /** Sends a document's diagnostics; what it returns (if anything) settles once the transport took the message. */
  publish(uri: string, diagnostics: Diagnostic[], version?: number): void | Promise<unknown>;
  indexChanged(uris?: string[]): void;
  /** A config file was read: publish its problems. */
  configRead(r: ResolvedConfig): void;
  /** Something the user should know about the scan (the file cap was reached). */
  warn?(message: string): void;
}

/** How a scan reports its walk and learns that it should stop (LSP work-done progress). */
export interface ScanHooks {
  /** Candidate files found so far while walking a folder. */
  walking?(found: number): void;
  /** True: stop; what was indexed so far stays, nothing is dropped. */
  isCancelled?(): boolean;
  /** Given (a revalidation), the open documents are re-checked in the same pass. */
  open?: OpenTexts;
}

/** What the index depends on. */
export interface IndexDeps {
  env: Environment;
  /** Where documents, configs and repository files are read (Node's fs, or the client's). */
  fs: FileSystem;
  settings: SettingsCache;
  folders(): Folder[];
  isOpen(uri: string): boolean;
  sink: IndexSink;
  /** Where the index is kept between sessions (the client's storage folder), if anywhere. */
  storage?(): { path: string; version: string } | undefined;
}

/** Publishes sent at the end of a scan before waiting for the transport to take them. */
const PUBLISH_BATCH = 100;

/** The name of the persisted index in the storage folder. */
export const INDEX_FILE_NAME = 'index.itsmotecache';

/** The workspace index. */
export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly resolvers = new Map<string, ConfigResolver>();
  private readonly published = new Set<string>();
  /** The SHA-1 of each change's summary as last notified (the summary itself is 0.5 KB a document). */
  private readonly summaries = new Map<string, string>();
  /** CODEOWNERS and catalog facts per folder, and the people counts of its change documents. */
  private readonly repo: RepoFactsStore;
  private factsCache: WorkspaceFacts | undefined;
  /** False until the first scan finished. */
  complete = false;
  /** The running scan: a newer scan or revalidation cancels it (its results would be stale). */
  private run: CancellationTokenSource | undefined;
  private scanning: Promise<void> | undefined;
  /** The records on disk (of the previous scan or session), read at the start of a scan and dropped after it. */
  private persisted: RecordCache | undefined;
  /** The records the running scan writes to the storage folder, as it makes them. */
  private writer: RecordCacheWriter | undefined;

  constructor(private readonly deps: IndexDeps) {
    this.repo = new RepoFactsStore(deps.fs, () => deps.env.trusted);
  }

  /** The file system the index reads. */
  get fs(): FileSystem {
    return this.deps.fs;
  }

  /** Reads a file synchronously, where the file system can (entries without their record are rebuilt from it). */
  private readonly readSync = (path: string) =>
    this.deps.fs.readTextSync?.(path) ?? { ok: false as const, reason: 'no synchronous read' };

  /** The entry of a URI, if indexed. */
  get(uri: string): Entry | undefined {
    return this.entries.get(uri);
  }

  /** Every indexed change document. */
  changes(): Entry[] {
    return [...this.entries.values()].filter((e) => e.isChange);
  }

  private resolverFor(folder: Folder | undefined): ConfigResolver {
    const key = folder?.path ?? '';
    let r = this.resolvers.get(key);
    if (!r) {
      r = new ConfigResolver(this.deps.fs, (c) => this.deps.sink.configRead(c), folder?.path);
      this.resolvers.set(key, r);
    }
    return r;
  }

  /** The config and settings a document gets. */
  async contextFor(uri: string) {
    const path = pathOf(uri);
    const folder = folderOf(this.deps.folders(), path);
    const [settings, resolved] = await Promise.all([
      this.deps.settings.get(folder?.uri ?? uri),
      path ? this.resolverFor(folder).forFile(path) : undefined,
    ]);
    // Untitled and virtual documents have no folder to read a config from: defaults.
    const repo = this.repo.factsFor(folder);
    return { path, folder, settings, config: resolved?.config ?? defaultConfig(), ...(repo ? { repo } : {}) };
  }

  /**
   * Re-indexes one document from its text. `isCurrent` is asked after the asynchronous part
   * (settings, config); a stale run (a newer version arrived) stops there and changes nothing.
   */
  async update(
    uri: string,
    text: string,
    version: number | null,
    isCurrent: () => boolean = () => true,
    batch = false,
    analysis?: () => Analysis | undefined,
  ): Promise<Entry | undefined> {
    const ctx = await this.contextFor(uri);
    if (!isCurrent()) return undefined;
    // A closed document whose text and config are unchanged keeps its record (no analysis).
    const prev = this.entries.get(uri);
    const held =
      prev?.packed !== undefined ? { hash: prev.hash, key: prev.key, packed: prev.packed, view: prev.view } : undefined;
    const disk = held || version !== null ? undefined : this.persisted?.peek(uri);
    // The view of an unchanged entry is kept; a record from disk alone gets a new one.
    const reuse =
      version !== null
        ? undefined
        : (held ??
          (disk && prev && disk.hash === prev.hash && disk.key === prev.key ? { ...disk, view: prev.view } : disk));
    // The entry takes the packed record over: the copy read from disk is not kept twice.
    this.persisted?.take(uri);
    const made = version !== null ? analysis?.() : undefined;
    const e = buildEntry({
      uri,
      text,
      version,
      ...ctx,
      now: this.deps.env.now(),
      ...(reuse ? { record: reuse } : {}),
      ...(made ? { analysis: made } : {}),
    });
    this.store(e, batch);
    return e;
  }

  private store(e: Entry, batch: boolean): void {
    const prev = this.entries.get(e.uri);
    if (e.version === null && e.packed !== undefined) {
      if (e.isChange) this.writer?.add(e.uri, e.hash, e.key, e.packed, e.view.summary);
      // With a storage folder the record lives on disk (a scan writes it), not in the entry.
      // Assigned, not deleted: a `delete` makes the entry a dictionary (about 700 bytes more).
      if (this.deps.storage?.() && this.deps.fs.readTextSync) e.packed = undefined;
    }
    if (!e.isChange && e.version === null) this.entries.delete(e.uri);
    else this.entries.set(e.uri, e);
    this.factsCache = undefined;
    if (batch) return;
    const setChanged = !prev || setKey(prev) !== setKey(e);
    e.setDiagnostics = prev?.setDiagnostics && !setChanged ? prev.setDiagnostics : e.setDiagnostics;
    const touched = setChanged ? this.refreshSet() : new Set<string>();
    // CM016 is cross-document: when the people a document names change, others may become (un)known.
    if (e.folder && (prev?.people.join('\n') ?? '') !== e.people.join('\n'))
      for (const u of this.refreshRepo([e.folder], false)) touched.add(u);
    touched.add(e.uri);
    this.publishAndNotify(touched);
  }

  /**
   * Recounts the people named by the change documents of `folders` and re-checks the entries
   * whose CM016 outcome can differ (`force`: every entry, the repository files changed). Returns
   * the URIs whose diagnostics changed; unchanged documents are not re-published.
   */
  private refreshRepo(folders: readonly Folder[], force: boolean): Set<string> {
    const changed = new Set<string>();
    const now = this.deps.env.now();
    for (const folder of folders) {
      const members = [...this.entries.values()].filter((e) => e.folder?.uri === folder.uri);
      const counts = new Map<string, number>();
      for (const e of members) if (e.isChange) for (const p of e.people) counts.set(p, (counts.get(p) ?? 0) + 1);
      this.repo.setCounts(folder, counts);
      const facts = this.repo.factsFor(folder);
      // What CM016 reads of the counts: which of the document's people outside CODEOWNERS another
      // document names (people in CODEOWNERS are known whatever the counts say).
      const listed = new Set((facts?.people ?? []).map(personKey));
      const known = (e: Entry, c: ReadonlyMap<string, number> | undefined) =>
        e.people.filter((p) => !listed.has(p) && (c?.get(p) ?? 0) >= 2).join('\n');
      for (const e of members) {
        // Facts re-read (new arrays) or first read after the document was checked: re-check.
        const newFacts = e.repo?.people !== facts?.people || e.repo?.services !== facts?.services;
        const stale =
          force ||
          (e.isChange && newFacts) ||
          (facts?.people !== undefined && known(e, e.repo?.peopleInDocuments) !== known(e, counts));
        if (!stale) {
          if (facts) e.repo = facts;
          continue;
        }
        const next = recheckEntry(e, facts, now, this.readSync);
        this.entries.set(e.uri, next);
        if (JSON.stringify(next.docDiagnostics) !== JSON.stringify(e.docDiagnostics)) changed.add(e.uri);
      }
    }
    this.factsCache = undefined;
    return changed;
  }

  /**
   * A CODEOWNERS or catalog file changed on disk: re-reads the facts of the folders whose
   * repository holds it and re-publishes the documents whose diagnostics changed.
   */
  async repoFilesChanged(paths: readonly string[]): Promise<void> {
    if (this.scanning) await this.scanning.catch(() => undefined);
    const all = this.deps.folders();
    const folders = all.filter((f) => paths.some((p) => this.repo.foldersHolding(p, [f]).length > 0));
    for (const f of folders) await this.repo.read(f);
    this.publishAndNotify(this.refreshRepo(folders, true));
  }

  /** Removes a document (deleted on disk, or an unsaved document closed). */
  remove(uri: string): void {
    const prev = this.entries.get(uri);
    this.entries.delete(uri);
    this.factsCache = undefined;
    const touched = prev?.isChange ? this.refreshSet() : new Set<string>();
    if (prev?.folder && prev.people.length) for (const u of this.refreshRepo([prev.folder], false)) touched.add(u);
    touched.add(uri);
    this.publishAndNotify(touched);
  }

  /** An open document was closed: fall back to its text on disk (workspace diagnostics), or forget it. */
  async closed(uri: string): Promise<void> {
    const path = pathOf(uri);
    // Only files inside a workspace folder are part of workspace diagnostics.
    const inWorkspace = folderOf(this.deps.folders(), path) !== undefined;
    const r = path && inWorkspace ? await this.deps.fs.readText(path) : undefined;
    if (this.deps.isOpen(uri)) return; // reopened meanwhile
    if (r?.ok) await this.update(uri, r.text, null, () => !this.deps.isOpen(uri));
    else this.remove(uri);
  }

  /** Recomputes CM040 for the whole set; returns the URIs whose set diagnostics changed. */
  private refreshSet(): Set<string> {
    const all = [...this.entries.values()];
    const next = computeSetDiagnostics(all, this.deps.env.now());
    const changed = new Set<string>();
    for (const e of all) {
      const ds = next.get(e.uri) ?? [];
      if (JSON.stringify(ds) !== JSON.stringify(e.setDiagnostics)) {
        e.setDiagnostics = ds;
        changed.add(e.uri);
      }
    }
    return changed;
  }

  /** The diagnostics of an entry as published. */
  diagnosticsOf(e: Entry): Diagnostic[] {
    return sortDiagnostics([...e.docDiagnostics, ...e.setDiagnostics]);
  }

  private publishOne(uri: string): void | Promise<unknown> {
    const e = this.entries.get(uri);
    const wanted = e !== undefined && e.isChange && (e.version !== null || e.settings.workspaceDiagnostics);
    if (!wanted) {
      if (this.published.delete(uri)) return this.deps.sink.publish(uri, [], e?.version ?? undefined);
      return;
    }
    this.published.add(uri);
    return this.deps.sink.publish(uri, this.diagnosticsOf(e), e.version ?? undefined);
  }

  private publishAndNotify(uris: Iterable<string>): void {
    const changed: string[] = [];
    for (const uri of uris) {
      this.publishOne(uri);
      const e = this.entries.get(uri);
      const summary = e?.isChange ? contentHash(JSON.stringify(this.summaryOf(e))) : undefined;
      if (summary !== this.summaries.get(uri)) {
        if (summary === undefined) this.summaries.delete(uri);
        else this.summaries.set(uri, summary);
        changed.push(uri);
      }
    }
    if (changed.length && this.complete) this.deps.sink.indexChanged(changed);
  }

  /**
   * Scans the workspace folders for change documents (open documents are the editor's business),
   * then computes CM040 once and publishes everything. Disk entries no longer found are dropped.
   */
  async scan(progress?: (done: number, total: number) => void, hooks: ScanHooks = {}): Promise<void> {
    this.run?.cancel();
    const source = new CancellationTokenSource();
    this.run = source;
    const run = this.runScan(source.token, progress, hooks);
    this.scanning = run;
    try {
      await run;
    } finally {
      if (this.scanning === run) this.scanning = undefined;
      if (this.run === source) this.run = undefined;
      source.dispose();
    }
  }

  private async runScan(
    token: CancellationToken,
    progress: ((done: number, total: number) => void) | undefined,
    hooks: ScanHooks,
  ): Promise<void> {
    const storage = await this.openStorage();
    // The file's bytes are garbage once its records are read (20 MB for 10,000 documents).
    if (storage.persisted) collectGarbage();
    try {
      await this.scanFolders(token, progress, hooks, storage.writer);
    } finally {
      // A scan that did not finish drops what it was writing (the previous file stays).
      if (this.writer === storage.writer) this.writer = undefined;
      if (this.persisted === storage.persisted) this.persisted = undefined;
      await storage.writer?.abort();
    }
  }

  private async scanFolders(
    token: CancellationToken,
    progress: ((done: number, total: number) => void) | undefined,
    hooks: ScanHooks,
    writer: RecordCacheWriter | undefined,
  ): Promise<void> {
    const stale = () => token.isCancellationRequested;
    const open = hooks.open;
    let cancelled = false;
    for (const r of this.resolvers.values()) r.clear();
    const seen = new Set<string>();
    this.repo.retain(this.deps.folders());
    for (const folder of this.deps.folders()) {
      if (cancelled) break;
      const resolver = this.resolverFor(folder);
      const [root, { maxFiles }] = await Promise.all([
        resolver.forDir(folder.path),
        this.deps.settings.get(folder.uri),
      ]);
      const walkOptions = {
        maxFiles,
        ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
        onProgress: (found: number) => hooks.walking?.(found),
      };
      // The repository files are read alongside the walk: a scan takes no longer for them.
      const [walk] = await Promise.all([
        this.deps.fs.findChangeFiles(folder.path, pathMatcher(root.config), walkOptions),
        this.repo.read(folder),
      ]);
      if (stale()) return;
      if (walk.capped !== undefined)
        this.deps.sink.warn?.(
          `stopped looking for change documents in ${folder.path} after ${walk.capped} candidate files (the itsmote.maxFiles setting); the rest of the folder is not checked.`,
        );
      cancelled = walk.cancelled === true;
      let done = 0;
      // Progress about every 1% (a notification per file costs more than the file), and the
      // event loop is given back every ~10 ms so that requests are answered during the scan.
      const step = Math.max(1, Math.floor(walk.files.length / 100));
      let slice = performance.now();
      for (const f of walk.files) {
        if (hooks.isCancelled?.()) {
          cancelled = true;
          break;
        }
        if (done % step === 0) progress?.(done, walk.files.length);
        done++;
        if (performance.now() - slice > 10) {
          collectIfGrown();
          await yieldToEventLoop();
          if (stale()) return;
          slice = performance.now();
        }
        const uri = uriOf(f.path);
        seen.add(uri);
        if (this.deps.isOpen(uri)) continue;
        // Small files read synchronously (a promise round trip per file cost more than the read).
        const fs = this.deps.fs;
        const r = fs.readTextSync ? fs.readTextSync(f.path) : await fs.readText(f.path);
        if (!r.ok || (!f.byGlob && !mayHaveChangeType(r.text))) {
          this.entries.delete(uri);
          continue;
        }
        await this.update(uri, r.text, null, () => !this.deps.isOpen(uri) && !stale(), true);
        if (stale()) return;
      }
    }
    // A revalidation re-checks the open documents too (with the new settings and config).
    if (open) {
      for (const { uri, text, version } of open.all()) {
        await this.update(uri, text, version, () => !stale() && open.version(uri) === version, true);
        if (stale()) return;
      }
    }
    // A cancelled scan saw only part of the folders: keep what it did not get to.
    if (!cancelled)
      for (const [uri, e] of this.entries) if (e.version === null && !seen.has(uri)) this.entries.delete(uri);
    this.factsCache = undefined;
    // The previous session's records not taken over are of files gone: dropped before collecting.
    this.persisted = undefined;
    collectGarbage();
    this.refreshSet();
    // Documents were checked with the people counts of a half-read folder: settle them now.
    this.refreshRepo(this.deps.folders(), false);
    this.complete = true;
    const uris = new Set([...this.entries.keys(), ...this.published]);
    let sent = 0;
    for (const uri of uris) {
      const written = this.publishOne(uri);
      // The connection holds each message (object, JSON, bytes) until the transport takes it:
      // waiting for every 100th keeps the 10,000 publishes of a scan from piling up in memory
      // at once (20 MB at the scan's end, where the server's peak was).
      if (written && ++sent % PUBLISH_BATCH === 0) {
        await written.catch(() => undefined);
        if (stale()) return;
      }
    }
    for (const [uri, e] of this.entries)
      if (e.isChange) this.summaries.set(uri, contentHash(JSON.stringify(this.summaryOf(e))));
    this.deps.sink.indexChanged();
    // A scan cancelled by the user saw part of the folders: the file of the previous scan stays.
    if (!cancelled) await this.finishWriting(writer);
    // The publishes and the writer's buffers are garbage now: the sidebar's list (10,000
    // summaries at once) comes next.
    collectGarbage();
  }

  /**
   * Before a scan: reads the records kept in the storage folder (the previous scan's or session's)
   * and starts writing the new file (a failure only logs: the scan then keeps nothing on disk).
   */
  private async openStorage(): Promise<{ persisted?: RecordCache; writer?: RecordCacheWriter }> {
    const where = this.deps.storage?.();
    if (!where) return {};
    const file = this.deps.fs.paths.join(where.path, INDEX_FILE_NAME);
    const persisted = await RecordCache.open(file, where.version);
    this.persisted = persisted;
    try {
      this.writer = await RecordCacheWriter.create(file, where.version);
      return { persisted, writer: this.writer };
    } catch (e) {
      this.cannotKeep(where.path, e);
      return { persisted };
    }
  }

  /** After a whole scan: puts the records written during it in place for the next scan or session. */
  private async finishWriting(w: RecordCacheWriter | undefined): Promise<void> {
    if (this.writer === w) this.writer = undefined;
    try {
      await w?.finish();
    } catch (e) {
      this.cannotKeep(this.deps.storage?.()?.path ?? '', e);
    }
  }

  private cannotKeep(where: string, e: unknown): void {
    log().error(`[itsmote] cannot keep the index in ${where}: ${e instanceof Error ? e.message : String(e)}`);
  }

  /** Resolves when no scan is running (its index written): the server waits for it on shutdown. */
  async idle(): Promise<void> {
    while (this.scanning) await this.scanning.catch(() => undefined);
  }

  /**
   * Re-checks every document with fresh settings and config (settings or a config file changed):
   * one scan that re-reads the files (a record is reused where text and config are unchanged)
   * and re-checks the open documents, then one round of publishing.
   */
  async revalidate(open: OpenTexts): Promise<void> {
    await this.scan(undefined, { open });
  }

  /** A change's summary as the sidebar shows it. */
  summaryOf(e: Entry): ChangeListItem {
    const diagnostics = this.diagnosticsOf(e);
    // The freezes come from the CM041 diagnostics, as in `summarize`, so list, tree and Problems agree.
    const freezes = freezeMarks(diagnostics);
    return {
      ...e.view.summary,
      problems: problemCounts(diagnostics),
      ...(freezes.length ? { freezes } : {}),
      uri: e.uri,
      allowedNext: e.view.allowedNext,
    };
  }

  /** Summaries of the change documents (under a folder URI when given), by ID. */
  list(folderUri?: string): ChangeListItem[] {
    return this.changesUnder(folderUri)
      .map((e) => this.summaryOf(e))
      .sort((a, b) => a.id.localeCompare(b.id) || a.uri.localeCompare(b.uri));
  }

  /** SPEC section 5 metrics of the change documents (under a folder URI when given). */
  metrics(folderUri?: string): MonthMetrics[] {
    return computeMetrics(this.changesUnder(folderUri).map((e) => e.view.doc));
  }

  /** The freezes of the configs that apply to the change documents (under a folder URI when given). */
  freezes(folderUri?: string): Freeze[] {
    return uniqueFreezes(this.changesUnder(folderUri).map((e) => e.config.freezes));
  }

  /** The change documents under a folder URI (all when absent). */
  private changesUnder(folderUri?: string): Entry[] {
    return this.changes().filter(
      (e) => !folderUri || e.uri.startsWith(folderUri.endsWith('/') ? folderUri : `${folderUri}/`),
    );
  }

  /** The catalog's service names for a document's folder (completion of Affected services). */
  catalogServices(folder: Folder | undefined): readonly string[] {
    return this.repo.catalogServices(folder);
  }

  /** Services, people and incidents named by the change documents and CODEOWNERS files. */
  facts(): WorkspaceFacts {
    if (!this.factsCache) {
      const services = new Map<string, string>();
      const people = new Set<string>();
      const incidents = new Set<string>();
      for (const e of this.changes()) {
        const f = e.view.facts;
        for (const s of f.services) if (!services.has(s.toLowerCase())) services.set(s.toLowerCase(), s);
        for (const p of f.people) people.add(p);
        for (const i of f.incidents) incidents.add(i);
      }
      // CODEOWNERS teams (`@org/team`) are not people to name as owner or approver.
      for (const p of this.repo.allOwners()) if (!p.includes('/')) people.add(p);
      const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => a.localeCompare(b));
      this.factsCache = { services: sorted(services.values()), people: sorted(people), incidents: sorted(incidents) };
    }
    return this.factsCache;
  }
}
