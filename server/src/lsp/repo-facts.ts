/**
 * Repository facts per workspace folder (CM016, CM017, completion): the CODEOWNERS owners and
 * catalog service names of the folder's repository (nearest ancestor with `.git`, else the
 * folder itself, as the CLI does), read from disk, and how many change documents of the folder
 * name each person.
 */
import type { RepoFacts } from '../core/repo/facts';
import type { FileSystem } from '../fs/file-system';
import type { RepoFiles } from '../fs/repo-files';
import type { Folder } from './paths';

/** The repository files read for each workspace folder, and the people counts the index keeps. */
export class RepoFactsStore {
  private readonly files = new Map<string, RepoFiles>();
  private readonly counts = new Map<string, Map<string, number>>();

  /**
   * @param fs where the repository files are read.
   * @param mayRunGit whether git may run now (a trusted workspace); asked at each read.
   */
  constructor(
    private readonly fs: FileSystem,
    private readonly mayRunGit: () => boolean = () => true,
  ) {}

  /** (Re-)reads the CODEOWNERS and catalog files of a folder's repository. Never throws. */
  async read(folder: Folder): Promise<void> {
    try {
      this.files.set(
        folder.uri,
        await this.fs.readRepoFiles((await this.fs.findRepoRoot(folder.path)) ?? folder.path, {
          git: this.mayRunGit(),
        }),
      );
    } catch {
      // An unreadable repository gives no facts; the rules that need them stay off.
      this.files.delete(folder.uri);
    }
  }

  /** Forgets folders no longer in the workspace. */
  retain(folders: readonly Folder[]): void {
    const keep = new Set(folders.map((f) => f.uri));
    for (const k of [...this.files.keys()]) if (!keep.has(k)) this.files.delete(k);
    for (const k of [...this.counts.keys()]) if (!keep.has(k)) this.counts.delete(k);
  }

  /** The folders whose repository holds `path` (a changed CODEOWNERS or catalog file). */
  foldersHolding(path: string, folders: readonly Folder[]): Folder[] {
    return folders.filter((f) => {
      const root = this.files.get(f.uri)?.root ?? f.path;
      return path === root || path.startsWith(root.endsWith(this.fs.paths.sep) ? root : root + this.fs.paths.sep);
    });
  }

  /** Sets how many change documents of a folder name each person (`countDocumentPeople`). */
  setCounts(folder: Folder, counts: Map<string, number>): void {
    this.counts.set(folder.uri, counts);
  }

  /** The people counts of a folder (empty until set). */
  countsOf(folder: Folder): ReadonlyMap<string, number> {
    return this.counts.get(folder.uri) ?? new Map();
  }

  /** The facts for the checks of a document in `folder`; undefined when the repository has neither file. */
  factsFor(folder: Folder | undefined): RepoFacts | undefined {
    const f = folder ? this.files.get(folder.uri) : undefined;
    if (!folder || !f || (!f.codeowners && !f.catalog)) return undefined;
    return {
      ...(f.codeowners ? { people: f.codeowners.people, peopleInDocuments: this.countsOf(folder) } : {}),
      ...(f.catalog ? { services: f.catalog.services } : {}),
    };
  }

  /** Every CODEOWNERS owner of the workspace (people and teams), for completion. */
  allOwners(): string[] {
    return [...this.files.values()].flatMap((f) => f.codeowners?.people ?? []);
  }

  /** The catalog's service names for a folder, for completion. */
  catalogServices(folder: Folder | undefined): readonly string[] {
    return (folder && this.files.get(folder.uri)?.catalog?.services) || [];
  }
}
