/**
 * One document of the workspace index: its text (editor or disk), analysis, membership (is it a
 * change document, SPEC section 1), and diagnostics. `buildEntry` is synchronous and pure given
 * its inputs, so handlers can build a fresh entry for a version the index has not seen yet.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { fastAnalysis } from '../core/fast/index';
import type { Analysis } from '../core/model';
import { checkDocument } from '../core/check';
import type { Config } from '../core/config';
import { hasChangeTypeItem, pathMatcher } from '../core/discovery';
import type { PathMatcher } from '../core/discovery';
import type { RepoFacts } from '../core/repo/facts';
import { peopleOfDocument } from '../core/repo/facts';
import type { ResolvedSettings } from './settings';
import type { Folder } from './paths';
import { relPath } from './paths';

/** An indexed document. */
export interface Entry {
  uri: string;
  path?: string;
  folder?: Folder;
  text: string;
  /** The editor's version when open; null when read from disk. */
  version: number | null;
  analysis: Analysis;
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
}

/** Whether a document is a change document: its path matches the globs, or its header has a Change type. */
export function isChangeDocument(input: Pick<BuildInput, 'path' | 'folder' | 'config'>, analysis: Analysis): boolean {
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

function isTooLarge(input: Pick<BuildInput, 'text' | 'settings'>): boolean {
  return input.text.length / 1024 > input.settings.maxFileSizeKB;
}

/** Analyses, classifies and checks a document. Never throws for any text. */
export function buildEntry(input: BuildInput): Entry {
  const kb = input.text.length / 1024;
  const large = isTooLarge(input);
  // The line scan when the markdown is simple (no remark tree kept for unopened documents); same model.
  const analysis = fastAnalysis(large ? '' : input.text, input.uri);
  const isChange = large ? (input.path ? matcherOf(input.config).matches(relPath(input.folder, input.path)) : false) : isChangeDocument(input, analysis);
  const docDiagnostics = !isChange
    ? []
    : large
      ? [tooLarge(kb, input.settings.maxFileSizeKB)]
      : checkDocument(analysis, { config: input.config, now: input.now, docsUrl: input.settings.docsUrl, ...(input.repo ? { repo: input.repo } : {}) });
  const people = isChange && !large ? [...peopleOfDocument(analysis.doc)] : [];
  return { ...input, analysis, isChange, docDiagnostics, setDiagnostics: [], people };
}

/**
 * The entry re-checked with other repository facts (CODEOWNERS or the catalog changed, or which
 * people other documents name): the analysis is kept, only the single-document rules run again.
 */
export function recheckEntry(e: Entry, repo: RepoFacts | undefined, now: number): Entry {
  const next: Entry = { ...e };
  delete next.repo;
  if (repo) next.repo = repo;
  if (!e.isChange || isTooLarge(e)) return next;
  next.docDiagnostics = checkDocument(e.analysis, { config: e.config, now, docsUrl: e.settings.docsUrl, ...(repo ? { repo } : {}) });
  return next;
}
