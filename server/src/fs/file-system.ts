/**
 * The one file-system interface of the language server and the CLI: everything they read
 * (change documents, `.itsmote.json`, CODEOWNERS, catalog-info.yaml, the folder walk) goes
 * through a `FileSystem`. Two implementations: Node's fs (node/node-file-system.ts: the desktop
 * server and the CLI) and the client's `vscode.workspace.fs` over custom LSP requests
 * (fs/client-file-system.ts: the browser server, so that `vscode-vfs://` and `github://` work).
 *
 * This module imports nothing from Node: the browser bundle is built from it.
 */
import type { PathMatcher } from '../core/discovery';
import type { RepoFiles, RepoReadOptions } from './repo-files';

/** The text of a file, or why it could not be read. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** A candidate file under a walked root. */
export interface FoundFile {
  /** Path as `join(root, rel)`: absolute when the root is. */
  path: string;
  /** Path relative to the root, forward slashes: what the globs were matched against. */
  rel: string;
  /** Selected by the include globs; otherwise a markdown file that counts only if its header has a Change type. */
  byGlob: boolean;
}

/** A path the walk could not read, or would not follow. */
export interface WalkProblem {
  path: string;
  reason: string;
}

/** What a walk found. */
export interface WalkResult {
  /** Candidates in a stable order (names sorted within each folder, files before subfolders). */
  files: FoundFile[];
  problems: WalkProblem[];
  /** Set when the root itself cannot be read as a folder. */
  rootError?: string;
  /** Set to the cap when the walk stopped at `maxFiles` candidates: the rest of the root was not looked at. */
  capped?: number;
  /** True when the walk stopped because `isCancelled` said so. */
  cancelled?: boolean;
}

/** Limits and hooks of a walk. */
export interface WalkOptions {
  /** Stop after this many candidates (default DEFAULT_MAX_FILES). */
  maxFiles?: number;
  /** Asked before each folder is read; true stops the walk. */
  isCancelled?: () => boolean;
  /** Told after each folder is read: candidates so far and folders read. */
  onProgress?: (found: number, folders: number) => void;
}

/** The default cap on candidate files per walk (the `itsmote.maxFiles` setting, `--max-files`). */
export const DEFAULT_MAX_FILES = 50_000;

/** Path arithmetic in the file system's own spelling (OS paths for Node, URI strings in the browser). */
export interface PathOps {
  readonly sep: string;
  join(...parts: string[]): string;
  dirname(path: string): string;
  /** An absolute, normalised path. */
  resolve(path: string): string;
}

/** Everything the server and the CLI read from a file system. Implementations never throw. */
export interface FileSystem {
  readonly paths: PathOps;
  /** Reads a regular file as strict UTF-8 text (a reason, never an exception, when it cannot). */
  readText(path: string): Promise<ReadResult>;
  /**
   * The synchronous read, where the file system has one (Node): a scan of thousands of small
   * files costs more in promise round trips than in reads. Callers fall back to `readText`.
   * `regular`: a walk just found the file regular, so the stat before the open is skipped.
   */
  readTextSync?(path: string, opts?: { regular?: boolean }): ReadResult;
  /** The change-document candidates under `root` (SPEC section 1); stays inside the root. */
  findChangeFiles(root: string, matcher: PathMatcher, opts?: WalkOptions): Promise<WalkResult>;
  /** The nearest folder at or above `dir` holding `.git`, if any. */
  findRepoRoot(dir: string): Promise<string | undefined>;
  /** The CODEOWNERS and catalog-info.yaml facts of a repository root (or of a plain folder). */
  readRepoFiles(root: string, opts?: RepoReadOptions): Promise<RepoFiles>;
}

// The one web API this layer uses (no DOM or Node types here): Node and browsers both have it.
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

// A fatal decoder can be reused: each `decode` without `stream` starts afresh.
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes as strict UTF-8 (a leading BOM is dropped); a reason when they are not text. The
 * one decoder of every reader (Node's, synchronous or not, and the client's file system).
 */
export function decodeText(bytes: Uint8Array): ReadResult {
  // A Buffer's own `includes` (memchr) when the bytes are one.
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}
