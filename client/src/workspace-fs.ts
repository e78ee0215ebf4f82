/**
 * Answers the browser server's file-system requests (`itsmote/fs/*`, protocol.ts) with
 * `vscode.workspace.fs`, which reads whatever file system the editor serves: `vscode-vfs://`
 * on vscode.dev, `github://` on github.dev, a local folder opened in the browser. Only regular
 * files are read, as on the desktop, and the text is decoded by the same strict UTF-8 rules.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { decodeText } from '../../server/src/fs/file-system';
import { FsReadDirectoryRequest, FsReadFileRequest, FsStatRequest } from '../../server/src/protocol';
import type { FsReadDirectoryResult, FsReadFileResult, FsStatResult } from '../../server/src/protocol';

/** An error of `vscode.workspace.fs` in the words a local read uses (the server compares them). */
export function describeWorkspaceFsError(e: unknown): string {
  const code = (e as { code?: string })?.code;
  switch (code) {
    case 'FileNotFound':
    case 'EntryNotFound':
      return 'no such file or directory';
    case 'FileNotADirectory':
    case 'EntryNotADirectory':
      return 'not a directory';
    case 'FileIsADirectory':
    case 'EntryIsADirectory':
      return 'is a directory';
    case 'NoPermissions':
      return 'permission denied';
    case 'Unavailable':
      return 'unavailable';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

async function readFile(uri: vscode.Uri): Promise<FsReadFileResult> {
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.Directory) return { ok: false, reason: 'is a directory' };
    if (!(st.type & vscode.FileType.File)) return { ok: false, reason: 'not a regular file' };
    return decodeText(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    return { ok: false, reason: describeWorkspaceFsError(e) };
  }
}

async function readDirectory(uri: vscode.Uri): Promise<FsReadDirectoryResult> {
  try {
    return { ok: true, entries: await vscode.workspace.fs.readDirectory(uri) };
  } catch (e) {
    return { ok: false, reason: describeWorkspaceFsError(e) };
  }
}

async function stat(uri: vscode.Uri): Promise<FsStatResult> {
  try {
    return { ok: true, type: (await vscode.workspace.fs.stat(uri)).type };
  } catch (e) {
    return { ok: false, reason: describeWorkspaceFsError(e) };
  }
}

/** Registers the handlers on a client (before it starts: the server reads at its first scan). */
export function answerFileSystemRequests(client: BaseLanguageClient): vscode.Disposable {
  const subs = [
    client.onRequest(FsReadFileRequest, (p) => readFile(vscode.Uri.parse(p.uri))),
    client.onRequest(FsReadDirectoryRequest, (p) => readDirectory(vscode.Uri.parse(p.uri))),
    client.onRequest(FsStatRequest, (p) => stat(vscode.Uri.parse(p.uri))),
  ];
  return vscode.Disposable.from(...subs);
}
