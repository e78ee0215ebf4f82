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
 *
 * In a browser there is neither git nor an OS user (`NO_IDENTITY`): the setting, else the one
 * question, is the author.
 */
import * as vscode from 'vscode';

/** Where an identity comes from besides the setting: git and the OS (node-identity.ts), or nowhere. */
export interface AuthorIdentity {
  /** git's identity in the workspace; asked only when `trusted`. */
  git(trusted: boolean): Promise<string | undefined>;
  /** The operating-system user ('' when there is none). */
  osUser(): string;
  /** Why git is not asked here, for the question (the browser: there is no git). */
  noGit?: string;
}

/** No git, no OS user: the browser. */
export const NO_IDENTITY: AuthorIdentity = {
  git: async () => undefined,
  osUser: () => '',
  noGit: 'There is no git in the browser to ask who you are.',
};

/** The `itsmote.author` setting, trimmed, or undefined when empty. */
export function configuredAuthor(scope?: vscode.Uri): string | undefined {
  const v = vscode.workspace.getConfiguration('itsmote', scope).get<string>('author');
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The author as the extension knows it, following workspace trust. */
export class AuthorSource {
  private constructor(
    private readonly identity: AuthorIdentity,
    private git: string | undefined,
  ) {}

  /** Reads git's identity once (only in a trusted workspace). */
  static async create(identity: AuthorIdentity): Promise<AuthorSource> {
    return new AuthorSource(identity, await identity.git(vscode.workspace.isTrusted));
  }

  /** The author now, never asking: the setting, else git, else the OS user (for display and filters only). */
  current(): string {
    return configuredAuthor() ?? this.git ?? this.identity.osUser();
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
    // Scripted calls never wait for a person; with no OS user (a browser) there is nothing to write.
    if (!mayAsk) return this.identity.osUser() || undefined;
    const why = this.identity.noGit
      ? this.identity.noGit
      : vscode.workspace.isTrusted
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
    await vscode.workspace
      .getConfiguration('itsmote')
      .update('author', answer.trim(), vscode.ConfigurationTarget.Global);
    return answer.trim();
  }

  /** The workspace was trusted: git may be asked now. */
  async trustGranted(): Promise<void> {
    this.git = await this.identity.git(true);
  }
}
