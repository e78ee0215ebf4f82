/**
 * The `FileSystem` of the desktop server and the CLI: Node's fs, with the hardened reads and
 * walk (regular files only, O_NONBLOCK, the walk stays inside its root, a candidate cap) and a
 * synchronous read for scans of many small files.
 */
import { dirname, join, resolve, sep } from 'node:path';
import type { FileSystem } from '../fs/file-system';
import { findChangeFiles } from './find-change-files';
import { readTextFile } from './read-text-file';
import { readTextFileSync } from './read-text-file-sync';
import { findRepoRoot, readRepoFiles } from './repo/find-repo';

/** Node's file system, as the server and the CLI read it. */
export const nodeFileSystem: FileSystem & Required<Pick<FileSystem, 'readTextSync'>> = {
  paths: { sep, join, dirname, resolve },
  readText: readTextFile,
  readTextSync: readTextFileSync,
  findChangeFiles,
  findRepoRoot,
  readRepoFiles,
};
