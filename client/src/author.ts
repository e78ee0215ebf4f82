/**
 * Who the user is, for status log entries (`by …`), new changes' owner and "only mine":
 * the `itsmote.author` setting, else `git config user.name` (else `user.email`) in the first
 * workspace folder, else the operating-system user.
 */
import { gitAuthor, osUser } from '../../server/src/node/author';
import * as vscode from 'vscode';

/** The author from git or the OS, ignoring the setting (the fallback the setting overrides). */
export async function fallbackAuthor(): Promise<string> {
  const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  return (await gitAuthor(cwd)) || osUser();
}

/** The `itsmote.author` setting, trimmed, or undefined when empty. */
export function configuredAuthor(scope?: vscode.Uri): string | undefined {
  const v = vscode.workspace.getConfiguration('itsmote', scope).get<string>('author');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
