/**
 * Which files are change documents (SPEC section 1): the configured globs, matched against the
 * path relative to the workspace folder, or a header with a Change type item.
 */
import picomatch from 'picomatch';
import type { Config } from './config';
import type { ChangeDocument } from './schema';

/** A compiled matcher for a config's include/exclude globs. */
export interface PathMatcher {
  /** Whether a path relative to the root (forward slashes) is selected by the globs. */
  matches(relPath: string): boolean;
  /** Whether a path is excluded (such files are never change documents, not even by header). */
  excluded(relPath: string): boolean;
}

/** Compiles the include/exclude globs of a config. */
export function pathMatcher(config: Pick<Config, 'include' | 'exclude'>): PathMatcher {
  const inc = anyGlob(config.include);
  const exc = config.exclude.length ? anyGlob(config.exclude) : () => false;
  return {
    matches: (p) => {
      const n = normalizeRelPath(p);
      return inc(n) && !exc(n);
    },
    excluded: (p) => exc(normalizeRelPath(p)),
  };
}

/**
 * Whether a normalised path (`normalizeRelPath`: no backslash) matches one of `globs`, as
 * `picomatch(globs, { dot: true })` answers, without the three objects (and a match array) a
 * picomatch matcher makes per glob and path: the walk asks this of every file. Each glob's
 * regular expression is the one picomatch compiled for it (on this platform); for input without
 * a backslash `picomatch.test` is exactly: not empty, and equal to the glob or matched by the
 * expression (`format` turns backslashes only; the expression has no `g` or `y` flag, so `test`
 * answers as `exec`); the matcher adds nothing without `ignore`/`onMatch` options.
 */
function anyGlob(globs: readonly string[]): (normalized: string) => boolean {
  const compiled = globs.map((glob) => {
    const matcher = picomatch(glob, { dot: true });
    const { regex } = matcher('', true);
    // A stateful expression (never made with these options) is left to picomatch.
    const test = regex.global || regex.sticky ? matcher : (n: string) => n === glob || regex.test(n);
    return test;
  });
  return (n) => {
    if (n === '') return false;
    for (const test of compiled) if (test(n)) return true;
    return false;
  };
}

/**
 * A path with forward slashes and no leading `./`. A walk's paths already are (no backslash, no
 * `./`): they are returned as they are, without the two regex replaces per file.
 */
export function normalizeRelPath(p: string): string {
  if (p.indexOf('\\') < 0 && !p.startsWith('./')) return p;
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** Whether a markdown file outside the globs is a change document by content: its header has a Change type item. */
export function hasChangeTypeItem(doc: ChangeDocument): boolean {
  return doc.header?.items.some((i) => i.key === 'changeType') ?? false;
}

/** Cheap pre-check on raw text before a full parse: could the header name a Change type? */
export function mayHaveChangeType(text: string): boolean {
  return /^\s{0,3}[-*+]\s+[*_]*(change\s+type|type)[*_]*\s*:/im.test(text);
}

/**
 * A matcher for a walk that starts below the folder the globs are written for. A path counts
 * when the globs select it relative to the walk's root or, with `prefix` (the root's path
 * relative to the anchor, e.g. `changes`), relative to the anchor; and neither form is excluded.
 * So `itsmote check changes` still finds `changes/x.md` under the default `**\/changes/**` glob.
 */
export function anchoredMatcher(inner: PathMatcher, prefix: string): PathMatcher {
  const pre = prefix
    .replace(/\\/g, '/')
    .replace(/^\.\/?/, '')
    .replace(/\/+$/, '');
  if (!pre) return inner;
  const anchored = (p: string) => `${pre}/${normalizeRelPath(p)}`;
  return {
    matches: (p) => {
      const a = anchored(p);
      return (inner.matches(p) || inner.matches(a)) && !inner.excluded(p) && !inner.excluded(a);
    },
    excluded: (p) => inner.excluded(p) || inner.excluded(anchored(p)),
  };
}
