/**
 * The `FileSystem` of the browser server: every read is a request to the client, which answers
 * with `vscode.workspace.fs` (protocol.ts, `itsmote/fs/*`), so that the server checks documents
 * of any file system the editor serves (`vscode-vfs://`, `github://`, a local folder opened on
 * vscode.dev). Paths are URI paths (uri-paths.ts).
 *
 * The walk follows the same rules as the Node one where they apply: names sorted within a
 * folder, files before subfolders, excluded folders never entered, a candidate cap and a
 * cancellation check. It follows no symbolic link (the editor's virtual file systems have
 * none; a link is reported where a change document was expected), so it stays inside its root.
 */
import type { PathMatcher } from '../core/discovery';
import type { FsReadDirectoryResult, FsReadFileResult, FsStatResult } from '../protocol';
import { DEFAULT_MAX_FILES } from './file-system';
import type { FileSystem, FoundFile, ReadResult, WalkOptions, WalkResult } from './file-system';
import { assembleRepoFiles, CATALOG_MAX_DEPTH, CATALOG_NAME, CATALOG_SKIP_DIRS } from './repo-files';
import type { RepoFiles } from './repo-files';
import { uriOfPath, uriPaths } from './uri-paths';

/** The requests the client answers (the browser server sends them over its connection). */
export interface FsTransport {
  readFile(uri: string): Promise<FsReadFileResult>;
  readDirectory(uri: string): Promise<FsReadDirectoryResult>;
  stat(uri: string): Promise<FsStatResult>;
}

/** `vscode.FileType` bits. */
export const FileTypeBits = { file: 1, directory: 2, symbolicLink: 64 } as const;

const MARKDOWN = /\.(md|markdown)$/i;

/** A request that failed (the client went away, or threw) becomes a reason, never an exception. */
async function settle<T extends { ok: boolean }>(p: Promise<T>): Promise<T | { ok: false; reason: string }> {
  try {
    const r = await p;
    return r && typeof r === 'object' ? r : { ok: false, reason: 'no answer from the editor' };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** A file system read through the client. */
export class ClientFileSystem implements FileSystem {
  readonly paths = uriPaths;

  constructor(private readonly transport: FsTransport) {}

  async readText(path: string): Promise<ReadResult> {
    return settle(this.transport.readFile(uriOfPath(path)));
  }

  private async entries(dir: string): Promise<FsReadDirectoryResult> {
    const r = await settle(this.transport.readDirectory(uriOfPath(dir)));
    if (r.ok) r.entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return r;
  }

  async findChangeFiles(root: string, matcher: PathMatcher, opts: WalkOptions = {}): Promise<WalkResult> {
    const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
    const files: FoundFile[] = [];
    const result: WalkResult = { files, problems: [] };
    const wanted = (rel: string) => matcher.matches(rel) || (MARKDOWN.test(rel) && !matcher.excluded(rel));
    let folders = 0;
    // Breadth by folder as in the Node walk: a folder's files, then its subfolders in name order.
    const walk = async (dir: string, relDir: string): Promise<boolean> => {
      if (opts.isCancelled?.()) {
        result.cancelled = true;
        return false;
      }
      const listed = await this.entries(dir);
      if (!listed.ok) {
        if (relDir === '') result.rootError = listed.reason;
        else result.problems.push({ path: dir, reason: listed.reason });
        return true;
      }
      folders++;
      const subdirs: [string, string][] = [];
      for (const [name, type] of listed.entries) {
        const path = uriPaths.join(dir, name);
        const rel = relDir ? `${relDir}/${name}` : name;
        if (type & FileTypeBits.symbolicLink) {
          if (wanted(rel)) result.problems.push({ path, reason: 'a symbolic link: not followed in the browser' });
        } else if (type & FileTypeBits.directory) {
          if (!matcher.excluded(rel)) subdirs.push([path, rel]);
        } else if (type & FileTypeBits.file && wanted(rel)) {
          if (files.length >= maxFiles) {
            result.capped = maxFiles;
            return false;
          }
          files.push({ path, rel, byGlob: matcher.matches(rel) });
        }
      }
      opts.onProgress?.(files.length, folders);
      for (const [path, rel] of subdirs) if (!(await walk(path, rel))) return false;
      return true;
    };
    await walk(uriPaths.resolve(root), '');
    return result;
  }

  async findRepoRoot(dir: string): Promise<string | undefined> {
    for (let d = uriPaths.resolve(dir); ;) {
      if ((await settle(this.transport.stat(uriOfPath(uriPaths.join(d, '.git'))))).ok) return d;
      const up = uriPaths.dirname(d);
      if (up === d) return undefined;
      d = up;
    }
  }

  async readRepoFiles(root: string): Promise<RepoFiles> {
    return assembleRepoFiles(root, {
      join: uriPaths.join,
      readInside: (file) => this.readText(file),
      // No git in the browser: the catalog files are found by a bounded walk.
      catalogFiles: async () => {
        const out: string[] = [];
        const walk = async (dir: string, depth: number): Promise<void> => {
          const listed = await this.entries(dir);
          if (!listed.ok) return;
          for (const [name, type] of listed.entries) {
            if (type & FileTypeBits.symbolicLink) continue;
            if (type & FileTypeBits.directory && depth < CATALOG_MAX_DEPTH && !CATALOG_SKIP_DIRS.has(name))
              await walk(uriPaths.join(dir, name), depth + 1);
            else if (type & FileTypeBits.file && CATALOG_NAME.test(name)) out.push(uriPaths.join(dir, name));
          }
        };
        await walk(uriPaths.resolve(root), 0);
        return out;
      },
    });
  }
}
