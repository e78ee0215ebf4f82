/**
 * What the calendar and the report show besides the documents: the freezes of the configs that
 * apply (each document's, and each folder's named on the command line, so a freeze shows even
 * where no change is planned), and a path per document that is the same on every run.
 */
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { uniqueFreezes } from '../core/freezes';
import type { Freeze } from '../core/freezes';
import { ConfigResolver } from '../node/config-resolver';
import { nodeFileSystem as fs } from '../node/node-file-system';
import type { LoadedDocument } from './load-documents';

/** The freezes of the documents' configs and of the folders named in `paths`, each once. */
export async function freezesOf(paths: readonly string[], docs: readonly LoadedDocument[]): Promise<Freeze[]> {
  // Problems in these configs were reported when the documents were loaded.
  const resolver = new ConfigResolver();
  const lists: (readonly Freeze[])[] = docs.map((d) => d.config.freezes);
  for (const p of paths) {
    if ((await stat(p).catch(() => undefined))?.isDirectory()) lists.push((await resolver.forDir(p)).config.freezes);
  }
  return uniqueFreezes(lists);
}

/**
 * For each document, its path relative to its repository root (nearest folder with `.git`), with
 * `/` separators; the absolute path outside a repository. Independent of the current folder.
 */
export async function stablePaths(docs: readonly LoadedDocument[]): Promise<Map<LoadedDocument, string>> {
  const roots = new Map<string, Promise<string | undefined>>();
  const out = new Map<LoadedDocument, string>();
  for (const d of docs) {
    const abs = resolve(d.file);
    const dir = dirname(abs);
    if (!roots.has(dir)) roots.set(dir, fs.findRepoRoot(dir));
    const root = await roots.get(dir);
    out.set(d, (root ? relative(root, abs) : abs).split(sep).join('/'));
  }
  return out;
}
