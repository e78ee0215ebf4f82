/**
 * `check --changed <ref> --require-change`: CM050 for each service whose code changed since the
 * merge base with `ref` while no change document of the repository registers work on it.
 */
import { realpath } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { checkRepoRules } from '../core/check';
import { pathMatcher } from '../core/discovery';
import type { ChangedFile } from '../core/rules/index';
import { ConfigResolver } from '../node/config-resolver';
import { gitToplevel } from '../node/git';
import { readComponents } from '../node/repo/components';
import { changedSince } from './changed-files';
import { displayPath, loadDocuments } from './load-documents';
import type { LoadCallbacks } from './load-documents';
import type { FileResult } from './run-checks';
import { FatalError } from './usage';

/** How the repository's change documents are loaded: check's --max-files, and where a cap is reported. */
export interface RepoLoad {
  maxFiles?: number;
  capped: LoadCallbacks['capped'];
}

const posix = (p: string) => p.split(sep).join('/');

/** The git work trees that hold the paths named on the command line. */
async function repositoriesOf(paths: readonly string[]): Promise<string[]> {
  const tops = new Set<string>();
  for (const p of paths) {
    const abs = await realpath(resolve(p)).catch(() => resolve(p));
    const top = (await gitToplevel(abs)) ?? (await gitToplevel(dirname(abs)));
    if (!top) throw new FatalError(`--require-change: ${p} is not in a git repository`);
    tops.add(top);
  }
  return [...tops];
}

/** The changed files of one repository, marked exempt when they are change documents or ignored by `requireChange.ignore`. */
async function changedFiles(top: string, ref: string, documents: ReadonlySet<string>): Promise<ChangedFile[]> {
  const resolver = new ConfigResolver();
  const out: ChangedFile[] = [];
  for (const abs of [...(await changedSince(ref, top))].sort()) {
    const { config, file } = await resolver.forFile(abs);
    // Globs are written for the folder of their config (the repository root for the defaults).
    const rel = posix(relative(file ? dirname(file) : top, abs));
    const ignored = config.requireChangeIgnore.length > 0 && picomatch(config.requireChangeIgnore, { dot: true })(rel);
    out.push({
      path: posix(relative(top, abs)),
      exempt: documents.has(abs) || pathMatcher(config).matches(rel) || ignored,
    });
  }
  return out;
}

/** CM050 results (one per unregistered service, on its first changed file) for the repositories holding `paths`. */
export async function requireChangeResults(
  ref: string,
  paths: readonly string[],
  now: number,
  load: RepoLoad,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  // Problems of the files were reported by check's own load; a cap is reported (the set is then incomplete).
  const quiet: LoadCallbacks = {
    skipped: () => {},
    configProblem: () => {},
    missing: () => {},
    empty: () => {},
    capped: load.capped,
  };
  for (const top of await repositoriesOf(paths)) {
    // Every change document of the repository counts, not only those under the paths given.
    const { documents } = await loadDocuments(
      [top],
      quiet,
      load.maxFiles !== undefined ? { maxFiles: load.maxFiles } : {},
    );
    const docPaths = new Set(
      await Promise.all(documents.map((d) => realpath(resolve(d.file)).catch(() => resolve(d.file)))),
    );
    const input = {
      changedFiles: await changedFiles(top, ref, docPaths),
      components: await readComponents(top),
      documents: documents.map((d) => d.analysis.doc),
    };
    const { config } = await new ConfigResolver().forDir(top);
    for (const [file, diagnostics] of checkRepoRules(input, { config, now }))
      results.push({ file: displayPath(resolve(top, file)), diagnostics });
  }
  return results;
}
