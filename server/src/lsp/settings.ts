/**
 * The `itsmote` settings, pulled per scope through `workspace/configuration` and cached until
 * `workspace/didChangeConfiguration`. Scope is the workspace folder holding a document (settings
 * are folder-scoped in VS Code), or the document itself outside any folder.
 */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_DOCS_URL } from '../core/check';
import type { ItsmoteSettings } from '../protocol';
import { SETTINGS_SECTION } from '../protocol';
import { DEFAULT_MAX_FILES } from '../fs/file-system';

/** Settings with every default filled in. */
export type ResolvedSettings = Required<Omit<ItsmoteSettings, 'author'>> & Pick<ItsmoteSettings, 'author'>;

export const DEFAULT_SETTINGS: ResolvedSettings = {
  docsUrl: DEFAULT_DOCS_URL,
  workspaceDiagnostics: true,
  maxFileSizeKB: 1024,
  maxFiles: DEFAULT_MAX_FILES,
};

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** Fills defaults and drops values of the wrong type (settings are user input too). */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    docsUrl: typeof r.docsUrl === 'string' && r.docsUrl.trim() ? r.docsUrl.trim() : DEFAULT_SETTINGS.docsUrl,
    workspaceDiagnostics:
      typeof r.workspaceDiagnostics === 'boolean' ? r.workspaceDiagnostics : DEFAULT_SETTINGS.workspaceDiagnostics,
    maxFileSizeKB:
      typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB,
    maxFiles: isCount(r.maxFiles) ? r.maxFiles : DEFAULT_SETTINGS.maxFiles,
    ...(typeof r.author === 'string' && r.author.trim() ? { author: r.author.trim() } : {}),
  };
}

/** The settings a client sent with a wrong type or value (they fall back to their defaults). */
export function invalidSettings(raw: unknown): string[] {
  if (raw === null || raw === undefined) return [];
  if (typeof raw !== 'object') return ['(the whole itsmote section)'];
  const r = raw as Record<string, unknown>;
  const bad: string[] = [];
  if (r.docsUrl !== undefined && typeof r.docsUrl !== 'string') bad.push('docsUrl');
  if (r.workspaceDiagnostics !== undefined && typeof r.workspaceDiagnostics !== 'boolean')
    bad.push('workspaceDiagnostics');
  if (r.maxFileSizeKB !== undefined && !(typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0))
    bad.push('maxFileSizeKB');
  if (r.maxFiles !== undefined && !isCount(r.maxFiles)) bad.push('maxFiles');
  if (r.author !== undefined && typeof r.author !== 'string') bad.push('author');
  return bad.map((k) => `itsmote.${k}`);
}

/** A per-scope settings cache. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  /** Settings pushed with `didChangeConfiguration` (clients without `workspace/configuration`). */
  private pushed: ResolvedSettings = DEFAULT_SETTINGS;
  /** Invalid-settings warnings already logged. */
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
  ) {}

  /** The settings of a scope URI. */
  get(scopeUri: string): Promise<ResolvedSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let p = this.cache.get(scopeUri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }).then(
        (raw) => {
          this.warnInvalid(raw);
          return resolveSettings(raw);
        },
        () => this.pushed,
      );
      this.cache.set(scopeUri, p);
    }
    return p;
  }

  /** Logs one warning per distinct set of invalid settings (not one per document or folder). */
  private warnInvalid(raw: unknown): void {
    const bad = invalidSettings(raw);
    const key = bad.join(', ');
    if (!bad.length || this.warned.has(key)) return;
    this.warned.add(key);
    this.connection.console.warn(
      `[itsmote] invalid setting${bad.length > 1 ? 's' : ''} ${key}: wrong type or value, the default applies.`,
    );
  }

  /** Forgets cached settings; `settings` is the pushed `itsmote` section, if any. */
  reset(settings: unknown): void {
    this.cache.clear();
    const section =
      settings && typeof settings === 'object' ? (settings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (section !== undefined) {
      this.warnInvalid(section);
      this.pushed = resolveSettings(section);
    }
  }
}
