/**
 * One document of the workspace index: its text (editor or disk), analysis, membership (is it a
 * change document, SPEC section 1), and diagnostics. `buildEntry` is synchronous and pure given
 * its inputs, so handlers can build a fresh entry for a version the index has not seen yet.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze } from '../core/model';
import type { Analysis } from '../core/model';
import { checkDocument } from '../core/check';
import type { Config } from '../core/config';
import { hasChangeTypeItem, pathMatcher } from '../core/discovery';
import type { PathMatcher } from '../core/discovery';
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

/** Analyses, classifies and checks a document. Never throws for any text. */
export function buildEntry(input: BuildInput): Entry {
  const kb = input.text.length / 1024;
  const large = kb > input.settings.maxFileSizeKB;
  const analysis = analyze(large ? '' : input.text, input.uri);
  const isChange = large ? (input.path ? matcherOf(input.config).matches(relPath(input.folder, input.path)) : false) : isChangeDocument(input, analysis);
  const docDiagnostics = !isChange
    ? []
    : large
      ? [tooLarge(kb, input.settings.maxFileSizeKB)]
      : checkDocument(analysis, { config: input.config, now: input.now, docsUrl: input.settings.docsUrl });
  return { ...input, analysis, isChange, docDiagnostics, setDiagnostics: [] };
}
