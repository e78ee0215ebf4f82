/**
 * One document of the workspace index: its record (core/record.ts: slim model, stable
 * diagnostics, directives) packed into one string, a small unpacked view of what the index reads
 * often (summary, CM040 and metrics inputs, completion facts), membership (is it a change
 * document, SPEC section 1), and diagnostics. Only open documents keep their text, full analysis
 * and unpacked record; a closed document's entry is compact, its record unpacked when a rule
 * must run again, its model rebuilt from the file on demand. `buildEntry` is synchronous and pure
 * given its inputs, so handlers can build a fresh entry for a version the index has not seen.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { fastAnalysis } from '../core/fast/index';
import type { Analysis } from '../core/model';
import type { DocumentRecord, RecordView } from '../core/record';
import { makeRecord, recordAnalysis, recordDiagnostics, viewOf } from '../core/record';
import { configKey, contentHash, packRecord, unpackRecord } from '../node/record-cache';
import type { Config } from '../core/config';
import { hasChangeTypeItem, pathMatcher } from '../core/discovery';
import type { PathMatcher } from '../core/discovery';
import type { RepoFacts } from '../core/repo/facts';
import { peopleOfDocument } from '../core/repo/facts';
import type { ReadResult } from '../fs/file-system';
import type { ResolvedSettings } from './settings';
import type { Folder } from './paths';
import { relPath } from './paths';
import { PackedView } from './packed-view';
import { isSetMember } from '../core/check';
import { docFacts } from '../core/rules/util';

/** An indexed document. */
export interface Entry {
  uri: string;
  path?: string;
  folder?: Folder;
  /** The editor's version when open; null when read from disk. */
  version: number | null;
  /**
   * The record (slim model, stable diagnostics, directives), packed. The index drops it from a
   * closed document's entry when it keeps the records in its storage folder (a rule that must run
   * again reads and analyses the file then): it is a third of such an entry.
   */
  packed?: string;
  /** What the index reads of every document often, unpacked. */
  view: RecordView;
  /** The record unpacked, the text and full analysis: open documents only (`packed` for the rest). */
  record?: DocumentRecord;
  full?: { text: string; analysis: Analysis };
  /** SHA-1 of the text, and the key of what the record depends on (config, docs URL, size limit). */
  hash: string;
  key: string;
  /** Over `maxFileSizeKB`: not checked. */
  large: boolean;
  isChange: boolean;
  config: Config;
  settings: ResolvedSettings;
  /** Single-document rule diagnostics. */
  docDiagnostics: Diagnostic[];
  /** Set rule diagnostics (CM040), filled by the index. */
  setDiagnostics: Diagnostic[];
  /** The repository facts the document was checked with (CM016, CM017). */
  repo?: RepoFacts;
  /** The people the document names (`personKey`s), counted into `peopleInDocuments`; empty unless a change document. */
  people: string[];
}

const matchers = new WeakMap<Config, PathMatcher>();
function matcherOf(config: Config): PathMatcher {
  let m = matchers.get(config);
  if (!m) {
    m = pathMatcher(config);
    matchers.set(config, m);
  }
  return m;
}

/** What a build needs. */
export interface BuildInput {
  uri: string;
  path?: string;
  folder?: Folder;
  text: string;
  version: number | null;
  config: Config;
  settings: ResolvedSettings;
  now: number;
  /** The facts of the document's repository; absent: CM016 and CM017 do not run. */
  repo?: RepoFacts;
  /** A record made earlier for this text (same hash and key), reused instead of analysing again. */
  record?: { hash: string; key: string; packed: string; view?: RecordView };
  /** The analysis of this very text, when a request already made it. */
  analysis?: Analysis;
}

/** Whether a document is a change document: its path matches the globs, or its header has a Change type. */
export function isChangeDocument(
  input: Pick<BuildInput, 'path' | 'folder' | 'config'>,
  analysis: Pick<Analysis, 'doc'>,
): boolean {
  const m = matcherOf(input.config);
  if (input.path) {
    const rel = relPath(input.folder, input.path);
    if (m.matches(rel)) return true;
    if (m.excluded(rel)) return false;
  }
  return hasChangeTypeItem(analysis.doc);
}

/** The diagnostic for a document too large to check (the `maxFileSizeKB` setting). */
function tooLarge(kb: number, limit: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'itsmote',
    code: 'too-large',
    message: `This document is ${Math.round(kb)} KB, over the itsmote.maxFileSizeKB limit (${limit} KB); it is not checked.`,
  };
}

/** The key of what a record depends on besides the text: config, docs URL, and whether it is over the size limit. */
export function recordKey(input: Pick<BuildInput, 'config' | 'settings'>, large: boolean): string {
  return `${configKey(input.config, input.settings.docsUrl)}${large ? ' large' : ''}`;
}

/** Analyses (or reuses the record of), classifies and checks a document. Never throws for any text. */
export function buildEntry(input: BuildInput): Entry {
  const kb = input.text.length / 1024;
  const large = kb > input.settings.maxFileSizeKB;
  const hash = contentHash(input.text);
  const key = recordKey(input, large);
  const reuse =
    input.record && input.record.hash === hash && input.record.key === key && input.version === null
      ? input.record
      : undefined;
  const unpacked = reuse ? unpackRecord(reuse.packed) : undefined;
  // Open documents keep their full analysis (features need it); closed ones only the record.
  const analysis = unpacked
    ? undefined
    : large
      ? fastAnalysis('', input.uri)
      : (input.analysis ?? fastAnalysis(input.text, input.uri));
  const record = unpacked ?? makeRecord(analysis!, { config: input.config, docsUrl: input.settings.docsUrl });
  const isChange = large
    ? input.path
      ? matcherOf(input.config).matches(relPath(input.folder, input.path))
      : false
    : isChangeDocument(input, record);
  const docDiagnostics = !isChange
    ? []
    : large
      ? [tooLarge(kb, input.settings.maxFileSizeKB)]
      : recordDiagnostics(record, {
          config: input.config,
          now: input.now,
          docsUrl: input.settings.docsUrl,
          ...(input.repo ? { repo: input.repo } : {}),
        });
  const people = isChange && !large ? [...peopleOfDocument(record.doc)] : [];
  const packed = unpacked ? reuse!.packed : packRecord(record, input.settings.docsUrl);
  const view =
    (unpacked && reuse!.view) ||
    (input.version === null
      ? closedViewOf(record, unpacked ? undefined : packed, input.config.extraFields)
      : viewOf(record, input.config.extraFields));
  const e: Entry = {
    uri: input.uri,
    version: input.version,
    config: input.config,
    settings: input.settings,
    packed,
    view,
    hash,
    key,
    large,
    isChange,
    docDiagnostics,
    setDiagnostics: [],
    people,
  };
  if (input.path !== undefined) e.path = input.path;
  if (input.folder) e.folder = input.folder;
  if (input.repo) e.repo = input.repo;
  if (input.version !== null) {
    e.record = record;
    e.full = { text: input.text, analysis: analysis ?? fastAnalysis(large ? '' : input.text, input.uri) };
  }
  return e;
}

/**
 * The view a closed document keeps: packed (packed-view.ts: strings of its own), or for a change
 * CM040 compares, unpacked and made from `packed` when given (the record made from the text):
 * its strings are then not slices that would keep the whole text of the document alive.
 */
function closedViewOf(record: DocumentRecord, packed: string | undefined, extraFields: readonly string[]): RecordView {
  const v = viewOf(record, extraFields);
  if (!isSetMember(docFacts(v.doc))) return new PackedView(v);
  const own = packed !== undefined ? unpackRecord(packed) : undefined;
  return own ? viewOf(own, extraFields) : v;
}

/** The record an entry holds (unpacked from its string for a closed document), if it holds one. */
function heldRecord(e: Entry): DocumentRecord | undefined {
  return e.record ?? (e.packed !== undefined ? unpackRecord(e.packed) : undefined);
}

/**
 * The entry re-checked with other repository facts (CODEOWNERS or the catalog changed, or which
 * people other documents name): only the rules that read them run again, on the slim model. An
 * entry without its record (see `packed`) is built again from the file as `readText` reads it
 * now (about 0.2 ms); when the file cannot be read, its diagnostics stay as they were (the
 * watcher's deletion follows).
 */
export function recheckEntry(
  e: Entry,
  repo: RepoFacts | undefined,
  now: number,
  readText?: (path: string) => ReadResult,
): Entry {
  // Assigned, not deleted: a `delete` turns an entry into a dictionary (about 700 bytes more each).
  const next: Entry = { ...e, repo };
  if (!e.isChange || e.large) return next;
  const record = heldRecord(e);
  const path = e.path;
  if (!record) {
    const r = path !== undefined ? readText?.(path) : undefined;
    if (!r?.ok) return next;
    const fresh = buildEntry({
      uri: e.uri,
      path,
      ...(e.folder ? { folder: e.folder } : {}),
      text: r.text,
      version: null,
      config: e.config,
      settings: e.settings,
      now,
      ...(repo ? { repo } : {}),
    });
    fresh.packed = undefined;
    fresh.setDiagnostics = e.setDiagnostics;
    return fresh;
  }
  next.docDiagnostics = recordDiagnostics(record, {
    config: e.config,
    now,
    docsUrl: e.settings.docsUrl,
    ...(repo ? { repo } : {}),
  });
  return next;
}

/** The analysis of an entry for set rules (CM040): its view's model, with the record's directives. */
export function slimAnalysis(e: Entry): Analysis {
  // A packed view decodes a new model on each read: it must not be remembered against the view.
  return e.view instanceof PackedView
    ? recordAnalysis({ doc: e.view.doc, suppressions: e.view.suppressions })
    : recordAnalysis(e.view);
}
