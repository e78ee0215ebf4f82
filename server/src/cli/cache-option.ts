/**
 * `--cache` and `--cache-location` of check, list and metrics: where the cache file is, opening it
 * (a file that cannot be used is reported once and replaced) and saving it after the run.
 */
import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { CACHE_FILE_NAME, RecordCache } from '../node/record-cache';
import type { CommandContext } from './context';
import { displayPath } from './load-documents';
import { UsageError } from './usage';

/** The options, for `parseCommandArgs`. */
export const CACHE_OPTIONS = {
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
} as const;

/** The help lines of the options. */
export const CACHE_HELP = `      --cache              Keep results in a cache file and reuse them for files whose
                           content and config did not change (clock and repository
                           rules still run every time)
      --cache-location <path>
                           The cache file, or a folder to put .itsmotecache in
                           (default: .itsmotecache in the current folder)`;

/** The cache file a `--cache-location` value names (a folder holds `.itsmotecache`). */
export function cacheFile(location: string | undefined): string {
  if (location === undefined) return resolve(CACHE_FILE_NAME);
  const abs = resolve(location);
  if (location.endsWith('/') || location.endsWith(sep) || statSync(abs, { throwIfNoEntry: false })?.isDirectory())
    return join(abs, CACHE_FILE_NAME);
  return abs;
}

/** Opens the cache when `--cache` is given (`summariesOnly`: see RecordCache.open); undefined otherwise. */
export async function openCache(
  values: { cache?: boolean; 'cache-location'?: string },
  ctx: CommandContext,
  opts: { summariesOnly?: boolean } = {},
): Promise<RecordCache | undefined> {
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  if (!values.cache) return undefined;
  if (values['cache-location']?.trim() === '') throw new UsageError('--cache-location needs a path');
  // Lazy: a run reads each record once at most, most of them only in part (record-codec.ts).
  const cache = await RecordCache.open(cacheFile(values['cache-location']), ctx.version, {
    ...opts,
    lazy: true,
    sync: true,
  });
  // Another version's cache is replaced silently (as after any upgrade); a damaged or foreign one is worth a line.
  if (cache.ignored && !cache.ignored.startsWith('written by another version'))
    ctx.err(`itsmote: ${displayPath(cache.file)}: ignored: ${cache.ignored}; it will be rewritten`);
  return cache;
}

/** Saves the cache; a failure is a warning (the results printed are still right). */
export async function saveCache(cache: RecordCache | undefined, ctx: CommandContext): Promise<void> {
  if (!cache) return;
  try {
    await cache.save();
  } catch (e) {
    ctx.err(
      `itsmote: ${displayPath(cache.file)}: cannot write the cache: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
