/**
 * Who the user is, for status log entries (`by …`), new changes' owner and "only mine": the
 * `itsmote.author` setting, else `git config user.name` (else `user.email`) in the first
 * workspace folder.
 *
 * A command that writes an author never writes a guess: with neither a setting nor a git
 * identity (no identity configured, or Restricted Mode, where git is never run because the
 * repository's config could make it start a program) it asks once, and the answer is saved as
 * the `itsmote.author` user setting. The operating-system user stands in only where nothing is
 * written and nothing can be asked (the view's "only mine", scripted calls).
 */
import { gitAuthor, osUser } from '../../server/src/node/author';
import * as vscode from 'vscode';

/** The git identity (user.name, else user.email) of the first folder; never asked when untrusted. */
export async function gitIdentity(trusted: boolean = vscode.workspace.isTrusted): Promise<string | undefined> {
  if (!trusted) return undefined;
  const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  return (await gitAuthor(cwd)) || undefined;
}

/** The `itsmote.author` setting, trimmed, or undefined when empty. */
export function configuredAuthor(scope?: vscode.Uri): string | undefined {
  const v = vscode.workspace.getConfiguration('itsmote', scope).get<string>('author');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The author as the extension knows it, following workspace trust. */
export class AuthorSource {
  private constructor(private git: string | undefined) {}

  /** Reads git's identity once (only in a trusted workspace). */
  static async create(): Promise<AuthorSource> {
    return new AuthorSource(await gitIdentity());
  }

  /** The author now, never asking: the setting, else git, else the OS user (for display and filters only). */
  current(): string {
    return configuredAuthor() ?? this.git ?? osUser();
  }

  /** A real identity, if one is known: the setting, else git's (trusted only); what the server is told at start. */
  known(scope?: vscode.Uri): string | undefined {
    return configuredAuthor(scope) ?? (vscode.workspace.isTrusted ? this.git : undefined);
  }

  /**
   * The author for a command that writes it (the setting as seen from `scope`, a document, as the
   * server reads it per folder). With no known identity, asks (once: the answer becomes the
   * user setting) unless `mayAsk` is false (scripted calls), when the OS user is used.
   * Undefined when the user cancels the question.
   */
  async forWriting(mayAsk: boolean, scope?: vscode.Uri): Promise<string | undefined> {
    const known = this.known(scope);
    if (known) return known;
    if (!mayAsk) return osUser();
    const why = vscode.workspace.isTrusted
      ? 'git has no user.name or user.email here.'
      : 'Restricted Mode: git is not asked who you are.';
    const answer = await vscode.window.showInputBox({
      title: 'ITSMote: your name for change documents',
      prompt: `${why} Saved as your itsmote.author user setting, so you are asked once.`,
      placeHolder: '@handle or First Last',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'A name or @handle, as written in status log entries.'),
    });
    if (!answer?.trim()) return undefined;
    await vscode.workspace.getConfiguration('itsmote').update('author', answer.trim(), vscode.ConfigurationTarget.Global);
    return answer.trim();
  }

  /** The workspace was trusted: git may be asked now. */
  async trustGranted(): Promise<void> {
    this.git = await gitIdentity(true);
  }
}
