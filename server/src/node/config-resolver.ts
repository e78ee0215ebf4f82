/**
 * The config resolver of the command line and the desktop server: `fs/config-resolver.ts`
 * reading through Node's file system.
 */
import { ConfigResolverOn } from '../fs/config-resolver';
import type { ResolvedConfig } from '../fs/config-resolver';
import { nodeFileSystem } from './node-file-system';

export type { ResolvedConfig } from '../fs/config-resolver';

/** Resolves `.itsmote.json` files on the local disk (see `ConfigResolverOn`). */
export class ConfigResolver extends ConfigResolverOn {
  /**
   * @param onConfigRead called once per config file read, e.g. to report its errors once.
   * @param stopAt the highest folder searched (inclusive); default the filesystem root.
   */
  constructor(onConfigRead?: (r: ResolvedConfig) => void, stopAt?: string) {
    super(nodeFileSystem, onConfigRead, stopAt);
  }
}
