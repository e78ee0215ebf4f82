/**
 * What the server reads from its surroundings once: the fixed clock (`ITSMOTE_NOW` or
 * `initializationOptions.now`), whether the workspace is trusted, and the author fallbacks
 * (`git config user.name`/`user.email` when trusted, then the OS user). Settings and
 * initialization options win over these; see `Environment.author`. The fallbacks are given by
 * the platform: the browser server has neither git nor an OS user.
 */
import { parseNow } from '../core/clock';

/** Who is writing when neither the setting nor the client says: git's identity, the OS user. */
export interface AuthorFallbacks {
  gitAuthor(cwd: string | undefined): Promise<string | undefined>;
  osUser(): string;
}

/** No git, no OS user (a browser): the author comes from the setting or the client only. */
export const NO_AUTHOR_FALLBACKS: AuthorFallbacks = { gitAuthor: async () => undefined, osUser: () => '' };

/** Clock and author sources, resolved once at initialization. */
export class Environment {
  private fixedNow: number | undefined;
  private initAuthor: string | undefined;
  private fallbackAuthor: string;
  private trustedWorkspace = true;
  private clockProblems: string[] = [];

  /**
   * @param env the process environment (`ITSMOTE_NOW`); the browser has none.
   * @param fallbacks git's identity and the OS user, where the platform has them.
   */
  constructor(
    env: Record<string, string | undefined> = {},
    private readonly fallbacks: AuthorFallbacks = NO_AUTHOR_FALLBACKS,
  ) {
    this.fallbackAuthor = fallbacks.osUser();
    if (env.ITSMOTE_NOW?.trim()) this.fixedNow = this.readNow(env.ITSMOTE_NOW, 'ITSMOTE_NOW');
  }

  /** A fixed "now", or undefined (and a problem to report) when it does not name a real instant. */
  private readNow(value: string, source: string): number | undefined {
    const r = parseNow(value);
    if (r.ok) return r.value;
    this.clockProblems.push(`${source} ${r.error}; it is ignored.`);
    return undefined;
  }

  /**
   * Why a fixed "now" was refused (an impossible date such as 2026-02-31 is an error, as in the
   * CLI); the server reports these once at start. Empty when the clock is fine.
   */
  get clockErrors(): readonly string[] {
    return this.clockProblems;
  }

  /** Applies initialization options (they win over the environment). */
  configure(options: { now?: unknown; author?: unknown; trusted?: unknown } | undefined): void {
    const now = typeof options?.now === 'string' ? this.readNow(options.now, 'initializationOptions.now') : undefined;
    if (now !== undefined) this.fixedNow = now;
    if (typeof options?.author === 'string' && options.author.trim()) this.initAuthor = options.author.trim();
    // Only an explicit false restricts: clients without workspace trust send nothing.
    if (options?.trusted === false) this.trustedWorkspace = false;
  }

  /**
   * Whether the server may start processes (git). False in an untrusted workspace: then nothing
   * is run at all, whatever the repository holds.
   */
  get trusted(): boolean {
    return this.trustedWorkspace;
  }

  /** The user trusted the workspace (`itsmote/workspaceTrusted`). */
  grantTrust(): void {
    this.trustedWorkspace = true;
  }

  /** Reads `git config user.name` (else `user.email`) once, in the first workspace folder; nothing when untrusted. */
  async detectGitAuthor(cwd: string | undefined): Promise<void> {
    if (!this.trusted) return;
    const name = await this.fallbacks.gitAuthor(cwd);
    if (name) this.fallbackAuthor = name;
  }

  /** "Now" for rules and new log entries. */
  now(): number {
    return this.fixedNow ?? Date.now();
  }

  /** The author: the setting, else the initialization option, else git, else the OS user. */
  author(setting: string | undefined): string {
    return setting?.trim() || this.initAuthor || this.fallbackAuthor;
  }
}
