/**
 * Who the user is, for status log entries (`by …`), new changes' owner and "only mine":
 * the `itsmote.author` setting, else `git config user.name` (else `user.email`) in the first
 * workspace folder, else the operating-system user.
 */
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';

function git(args: string[], cwd: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    // A missing git, a folder that is no repository or a slow disk all mean "no answer".
    execFile('git', args, { cwd, timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? '' : stdout.trim()));
  });
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** The author from git or the OS, ignoring the setting (the fallback the setting overrides). */
export async function fallbackAuthor(): Promise<string> {
  const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  return (await git(['config', 'user.name'], cwd)) || (await git(['config', 'user.email'], cwd)) || osUser();
}

/** The `itsmote.author` setting, trimmed, or undefined when empty. */
export function configuredAuthor(scope?: vscode.Uri): string | undefined {
  const v = vscode.workspace.getConfiguration('itsmote', scope).get<string>('author');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
