/**
 * Finds and reads the `.itsmote.json` that applies to a file: the one in the nearest ancestor
 * folder (SPEC section 7), up to a stop folder (the workspace root) or the filesystem root.
 * Lookups are cached per folder, so resolving a thousand files in one tree reads each config once.
 * It reads through a `FileSystem` (Node's or the client's); node/config-resolver.ts is the Node one.
 */
import { CONFIG_FILE_NAME, defaultConfig, parseConfig } from '../core/config';
import type { Config, ConfigError } from '../core/config';
import type { FileSystem } from './file-system';

/** The configuration for a folder and where it came from. */
export interface ResolvedConfig {
  config: Config;
  /** Absolute path of the config file; absent when defaults apply. */
  file?: string;
  /** Problems in that file (its valid parts still apply). */
  errors: ConfigError[];
}

/** Resolves configs with a per-folder cache, reading through a file system. Create one per run (or reset it when a config changes). */
export class ConfigResolverOn {
  private readonly byDir = new Map<string, Promise<ResolvedConfig>>();
  private readonly stopAt: string | undefined;

  /**
   * @param fs the file system the configs are read from.
   * @param onConfigRead called once per config file read, e.g. to report its errors once.
   * @param stopAt the highest folder searched (inclusive); default the filesystem root.
   */
  constructor(
    private readonly fs: FileSystem,
    private readonly onConfigRead: (r: ResolvedConfig) => void = () => {},
    stopAt?: string,
  ) {
    this.stopAt = stopAt === undefined ? undefined : fs.paths.resolve(stopAt);
  }

  /** The config that applies to a file. */
  forFile(path: string): Promise<ResolvedConfig> {
    return this.forDir(this.fs.paths.dirname(this.fs.paths.resolve(path)));
  }

  /** The config that applies inside a folder (its own `.itsmote.json` first). */
  forDir(dir: string): Promise<ResolvedConfig> {
    const abs = this.fs.paths.resolve(dir);
    let p = this.byDir.get(abs);
    if (!p) {
      p = this.lookup(abs);
      this.byDir.set(abs, p);
    }
    return p;
  }

  /** Forgets cached lookups (after a config file changed). */
  clear(): void {
    this.byDir.clear();
  }

  private async lookup(dir: string): Promise<ResolvedConfig> {
    const file = this.fs.paths.join(dir, CONFIG_FILE_NAME);
    const read = await this.fs.readText(file);
    if (read.ok) {
      const { config, errors } = parseConfig(read.text);
      const r: ResolvedConfig = { config, file, errors };
      this.onConfigRead(r);
      return r;
    }
    if (read.reason !== 'no such file or directory' && read.reason !== 'not a directory') {
      // A config that exists but cannot be read is reported, and defaults apply below it.
      const r: ResolvedConfig = {
        config: defaultConfig(),
        file,
        errors: [{ path: '(root)', message: `cannot be read: ${read.reason}` }],
      };
      this.onConfigRead(r);
      return r;
    }
    const parent = this.fs.paths.dirname(dir);
    if (parent === dir || dir === this.stopAt) return { config: defaultConfig(), errors: [] };
    return this.forDir(parent);
  }
}
