/**
 * A repository's facts for CM016 and CM017, whatever file system holds it: the first CODEOWNERS
 * file in GitHub's order and the service names of its Backstage catalog-info.yaml files. The
 * file system says how to read a file of the repository and where its catalog files are.
 */
import { CODEOWNERS_LOCATIONS, parseCodeowners } from '../core/repo/codeowners';
import { parseCatalog, serviceNames } from '../core/repo/catalog';
import type { ReadResult } from './file-system';

/** The repository facts read from disk, with where they came from and what was wrong. */
export interface RepoFiles {
  root: string;
  /** The CODEOWNERS file used (GitHub's order: .github/, root, docs/) and its owners. */
  codeowners?: { file: string; people: string[] };
  /** The catalog files read and the service names they give (absent: no catalog file). */
  catalog?: { files: string[]; services: string[] };
  /** Unreadable or invalid files (absolute paths), one entry per problem. */
  problems: { file: string; message: string }[];
}

/** How the repository files are found. */
export interface RepoReadOptions {
  /** Whether git may run (catalog discovery through `git ls-files`); false in an untrusted workspace. Default true. */
  git?: boolean;
}

/** The names of Backstage catalog files. */
export const CATALOG_NAME = /^catalog-info\.ya?ml$/i;
/** Folders a catalog walk never enters. */
export const CATALOG_SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'vendor']);
/** How deep a catalog walk goes below the repository root. */
export const CATALOG_MAX_DEPTH = 8;

/** How one file system reads a repository's files. */
export interface RepoReader {
  join(...parts: string[]): string;
  /** Reads a file of the repository (a link leading outside it is refused with a reason). */
  readInside(file: string): Promise<ReadResult>;
  /** The catalog-info.yaml files of the repository, sorted. */
  catalogFiles(): Promise<string[]>;
}

/** Reads CODEOWNERS and catalog-info.yaml files of a repository root (or of a plain folder). */
export async function assembleRepoFiles(root: string, reader: RepoReader): Promise<RepoFiles> {
  const problems: RepoFiles['problems'] = [];
  const result: RepoFiles = { root, problems };
  for (const loc of CODEOWNERS_LOCATIONS) {
    const file = reader.join(root, ...loc.split('/'));
    const r = await reader.readInside(file);
    if (r.ok) {
      result.codeowners = { file, people: parseCodeowners(r.text) };
      break;
    }
  }
  const files = await reader.catalogFiles();
  if (files.length) {
    const entities = [];
    const read: string[] = [];
    for (const f of files) {
      const r = await reader.readInside(f);
      if (!r.ok) {
        problems.push({ file: f, message: `skipped: ${r.reason}` });
        continue;
      }
      const parsed = parseCatalog(r.text);
      for (const e of parsed.errors) problems.push({ file: f, message: e });
      entities.push(...parsed.entities);
      read.push(f);
    }
    if (read.length) result.catalog = { files: read, services: serviceNames(entities) };
  }
  return result;
}
