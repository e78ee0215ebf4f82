/** The desktop's author fallbacks: git's identity in the first local folder, and the OS user. */
import * as vscode from 'vscode';
import { gitAuthor, osUser } from '../../server/src/node/author';
import type { AuthorIdentity } from './author';

/** git (user.name, else user.email) of the first `file:` folder, never asked when untrusted; the OS user. */
export const nodeIdentity: AuthorIdentity = {
  async git(trusted) {
    if (!trusted) return undefined;
    const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
    return (await gitAuthor(cwd)) || undefined;
  },
  osUser,
};
