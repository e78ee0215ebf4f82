/**
 * Repository facts for `check` (CM016, CM017): each document's repository root is the nearest
 * ancestor with `.git`, or else the folder named on the command line that holds it. CODEOWNERS
 * and catalog files are read once per root; problems are reported once per file.
 */
import { dirname, resolve, sep } from 'node:path';
import type { RepoFacts } from '../core/repo/facts';
import { countDocumentPeople } from '../core/repo/facts';
import { nodeFileSystem as fs } from '../node/node-file-system';
import type { RepoFiles } from '../node/repo/find-repo';
import type { LoadedDocument } from './load-documents';
import { displayPath } from './load-documents';

/** The folder (a path given on the command line) that holds `abs` (a file, or a folder ending with the separator), the deepest first. */
function givenFolderOf(abs: string, folders: readonly string[]): string | undefined {
  return folders
    .filter((f) => abs === f || abs.startsWith(f.endsWith(sep) ? f : f + sep))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * Reads the facts of every document's repository and returns a lookup for runChecks.
 * `folders` are the absolute folders named on the command line; `problem` gets one line per bad file.
 */
export async function repoFactsFor(
  docs: readonly LoadedDocument[],
  folders: readonly string[],
  problem: (line: string) => void,
): Promise<{ repoFor: (d: LoadedDocument) => RepoFacts | undefined; roots: Map<string, RepoFiles> }> {
  // Per folder as the documents name it (a walk gives them folder by folder): the root of a
  // document is its folder's, and a file's given folder is its folder's (a file is never one).
  const rootOfDir = new Map<string, string>();
  const rootOf = new Map<LoadedDocument, string>();
  for (const d of docs) {
    const dirOfFile = dirname(d.file);
    let root = rootOfDir.get(dirOfFile);
    if (root === undefined) {
      const dir = resolve(dirOfFile);
      root = (await fs.findRepoRoot(dir)) ?? givenFolderOf(`${dir === sep ? '' : dir}${sep}`, folders) ?? dir;
      rootOfDir.set(dirOfFile, root);
    }
    rootOf.set(d, root);
  }
  const roots = new Map<string, RepoFiles>();
  for (const root of new Set(rootOf.values())) {
    const files = await fs.readRepoFiles(root);
    for (const p of files.problems) problem(`${displayPath(p.file)}: ${p.message}`);
    roots.set(root, files);
  }
  const facts = new Map<string, RepoFacts>();
  for (const [root, files] of roots) {
    if (!files.codeowners && !files.catalog) continue;
    const members = docs.filter((d) => rootOf.get(d) === root).map((d) => d.analysis.doc);
    facts.set(root, {
      ...(files.codeowners ? { people: files.codeowners.people, peopleInDocuments: countDocumentPeople(members) } : {}),
      ...(files.catalog ? { services: files.catalog.services } : {}),
    });
  }
  return { repoFor: (d) => facts.get(rootOf.get(d) ?? ''), roots };
}
