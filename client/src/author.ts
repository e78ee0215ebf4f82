/**
 * Who the user is, for status log entries (`by …`), new changes' owner and "only mine": the
 * `itsmote.author` setting, else `git config user.name` (else `user.email`) in the first
 * workspace folder, else the operating-system user.
 *
 * In Restricted Mode (an untrusted workspace) git is never run: the repository's config could
 * make it start a program. Then a command that writes an author asks once, and the answer is
 * saved as the `itsmote.author` user setting; until then the OS user stands in where nothing
 * can be asked (the view's "only mine").
 */
import { gitAuthor, osUser } from '../../server/src/node/author';
import * as vscode from 'vscode';

/** The author from git or the OS, ignoring the setting (the fallback the setting overrides); no git when untrusted. */
export async function fallbackAuthor(trusted: boolean = vscode.workspace.isTrusted): Promise<string> {
  if (!trusted) return osUser();
  const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  return (await gitAuthor(cwd)) || osUser();
}

/** The `itsmote.author` setting, trimmed, or undefined when empty. */
export function configuredAuthor(scope?: vscode.Uri): string | undefined {
  const v = vscode.workspace.getConfiguration('itsmote', scope).get<string>('author');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The author as the extension knows it, following workspace trust. */
export class AuthorSource {
  private constructor(private fallback: string) {}

  /** Reads the fallback once (git only in a trusted workspace). */
  static async create(): Promise<AuthorSource> {
    return new AuthorSource(await fallbackAuthor());
  }

  /** The author now, never asking: the setting, else the fallback. */
  current(): string {
    return configuredAuthor() ?? this.fallback;
  }

  /** What the server is told at start: the setting, else git's answer; nothing in Restricted Mode without a setting. */
  forServer(): string | undefined {
    return configuredAuthor() ?? (vscode.workspace.isTrusted ? this.fallback : undefined);
  }

  /**
   * The author for a command that writes it (the setting as seen from `scope`, a document, as the
   * server reads it per folder). In Restricted Mode with no setting, asks (once: the answer
   * becomes the user setting) unless `mayAsk` is false (scripted calls), when the OS user is
   * used. Undefined when the user cancels the question.
   */
  async forWriting(mayAsk: boolean, scope?: vscode.Uri): Promise<string | undefined> {
    const set = configuredAuthor(scope);
    if (set || vscode.workspace.isTrusted || !mayAsk) return set ?? this.fallback;
    const answer = await vscode.window.showInputBox({
      title: 'ITSMote: your name for change documents',
      prompt: 'Restricted Mode: git is not asked who you are. Saved as your itsmote.author user setting, so you are asked once.',
      value: this.fallback,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'A name or @handle, as written in status log entries.'),
    });
    if (!answer?.trim()) return undefined;
    await vscode.workspace.getConfiguration('itsmote').update('author', answer.trim(), vscode.ConfigurationTarget.Global);
    return answer.trim();
  }

  /** The workspace was trusted: git may be asked now. */
  async trustGranted(): Promise<void> {
    this.fallback = await fallbackAuthor(true);
  }
}
