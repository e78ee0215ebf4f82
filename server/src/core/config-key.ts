/**
 * The config part of a cache key, shared by the Node cache and its browser twin: each brings its
 * own content hash (node:crypto on desktop, @noble/hashes in a worker).
 */
import type { Config } from './config';

/** `configKey(config, docsUrl)` over `hash`: a hash of the resolved config and the other check inputs, memoised per config object. */
export function configKeyWith(hash: (text: string) => string): (config: Config, docsUrl?: string) => string {
  const keys = new WeakMap<Config, string>();
  return (config, docsUrl = '') => {
    let k = keys.get(config);
    if (k === undefined) {
      k = hash(JSON.stringify(config));
      keys.set(config, k);
    }
    return docsUrl ? `${k} ${docsUrl}` : k;
  };
}
