/**
 * Turns the paths of a command line into analysed change documents: discovery (SPEC section 1),
 * safe reading, and the `.itsmote.json` that applies to each file. Problems are reported through
 * callbacks and never stop the run; only a path that cannot be read at all is fatal.
 */
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fastAnalysis, headerModel } from '../core/fast/index';
import type { Analysis } from '../core/model';
import type { Config } from '../core/config';
import { anchoredMatcher, hasChangeTypeItem, mayHaveChangeType, pathMatcher } from '../core/discovery';
import { ConfigResolver } from '../node/config-resolver';
import type { ResolvedConfig } from '../node/config-resolver';
import { nodeFileSystem as fs } from '../node/node-file-system';
import type { ConfigResolverOn } from '../fs/config-resolver';
import { describeFsError } from '../node/read-text-file';
import { readFileBytesSync } from '../node/read-text-file-sync';
import { decodeText } from '../fs/file-system';
import { mapLimit } from '../node/map-limit';
import type { DocumentRecord, RecordBrief, RecordChecks } from '../core/record';
import { CachedDocument, idSource } from './cached-document';
import { makeRecord, recordAnalysis } from '../core/record';
import type { RecordCache } from '../node/record-cache';
import { configKey, contentHash } from '../node/record-cache';
import { summarize } from '../core/summary';
import type { ChangeSummary } from '../core/summary';

/** A change document ready for checking. */
export interface LoadedDocument {
  /** The path shown to the user: as given on the command line, or the folder given joined with the relative path. */
  file: string;
  analysis: Analysis;
  config: Config;
  /**
   * With a cache (`--cache`): the document's record, from the cache or made now. `analysis` is
   * then the record's (a slim model, no tree), and checks take the record's diagnostics.
   */
  record?: DocumentRecord;
  /**
   * With a cache that holds the record: its brief, which tells a check whether it needs the
   * record at all (`briefDiagnostics`); `record` and `analysis` are then decoded on first read.
   */
  brief?: RecordBrief;
  /** With a brief: the record's stable diagnostics and directives, read without the record when stored (`briefDiagnostics`). */
  checks?(): RecordChecks | undefined;
}

/**
 * A change document as commands that print only summaries see it (`list` as a table): the
 * summary without problem counts, from the cache's summary column or a fresh model. No rule runs.
 */
export interface SummaryDocument {
  file: string;
  config: Config;
  summary: ChangeSummary;
}

/** What a load found, and whether some path named on the command line could not be read at all. */
export interface LoadResult<T = LoadedDocument> {
  documents: T[];
  /** True when an explicitly named path (file or folder) gave nothing readable: exit code 2. */
  fatal: boolean;
}

export interface LoadCallbacks {
  /** A file or folder skipped, with the reason (`path: skipped: reason`). */
  skipped(path: string, reason: string): void;
  /** A config file with problems (reported once per file). */
  configProblem(r: ResolvedConfig): void;
  /** A path named on the command line that cannot be read at all (exit code 2). */
  missing(path: string, reason: string): void;
  /** A folder that holds no change document. */
  empty(path: string): void;
  /** A folder walk stopped at the cap on candidate files (`--max-files`). */
  capped(path: string, cap: number): void;
}

const READ_CONCURRENCY = 32;

/** The scratch buffer's size: change documents are a few KB; a larger file gets a buffer of its own. */
const SCRATCH_BYTES = 256 * 1024;

/** A path as the user should see it in messages about config files: relative to the cwd when inside it. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** How documents are loaded and folders walked. */
export interface LoadOptions {
  /** The cap on candidate files per folder named (default DEFAULT_MAX_FILES). */
  maxFiles?: number;
  /** Records are taken from this cache when the content and config match, and stored into it. */
  cache?: RecordCache;
  /**
   * Keep a record per document (core/record.ts) rather than its analysis, for commands that need
   * only diagnostics, summaries and metrics (check, list, metrics); implied by `cache`.
   */
  records?: boolean;
}

/** One file to load: its text read, its config resolved; `analysis` when discovery needed it. */
/** A file whose bytes turned out not to be text after all (thrown by `Candidate.text`, reported as a skip). */
class Unreadable extends Error {}

/**
 * A file read and its config. A class, not a literal with a getter: V8 gives every literal whose
 * getter is a fresh closure its own hidden class (see `DocumentCtx` in core/check.ts).
 */
class Candidate {
  #ref: string | undefined;
  #text: string | undefined;

  constructor(
    readonly file: string,
    readonly abs: string,
    /** The file's bytes, when `text` is decoded from them on first read. */
    private readonly bytes: Buffer | undefined,
    text: string | undefined,
    readonly config: Config,
    readonly analysis: (Analysis & { text: string }) | undefined,
    /** With a cache: the content hash of the file's bytes. */
    readonly hash: string | undefined,
  ) {
    this.#text = text;
  }

  /** What the core reads the ID from (`idSource`), made on first read: a warm cache answers without it. */
  get ref(): string {
    return (this.#ref ??= idSource(this.abs));
  }

  /** The text; decoded on first read when the loader did not need it (throws `Unreadable` when it is not text). */
  get text(): string {
    if (this.#text === undefined) {
      const r = decodeText(this.bytes!);
      if (!r.ok) throw new Unreadable(r.reason);
      this.#text = r.text;
    }
    return this.#text;
  }
}

/** Loads the change documents named by `paths` (files or folders). */
export async function loadDocuments(
  paths: readonly string[],
  cb: LoadCallbacks,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const { cache } = opts;
  const records = opts.records === true || cache !== undefined;
  return load(paths, cb, opts, (c) => {
    if (!records) return { file: c.file, analysis: c.analysis ?? fastAnalysis(c.text, c.ref), config: c.config };
    // A cached record with a brief is decoded when it is read: a warm check reads few.
    if (cache && c.hash !== undefined) {
      const key = configKey(c.config);
      const brief = cache.brief(c.abs, c.hash, key);
      if (brief) return new CachedDocument(c.file, c.abs, c.config, brief, cache, c.hash, key);
    }
    // A record instead of the analysis: the full model and text are dropped at once (less to
    // keep and to collect), what the commands need of them stays.
    const record = recordOf(c, cache);
    return { file: c.file, analysis: recordAnalysis(record), config: c.config, record };
  });
}

/**
 * Loads the summaries of the change documents named by `paths`, for commands that print nothing
 * else: a warm cache answers from its summary column without unpacking records; without a cache
 * the model is built and no rule runs (the summaries' problem counts are left at zero).
 */
export async function loadSummaries(
  paths: readonly string[],
  cb: LoadCallbacks,
  opts: Omit<LoadOptions, 'records'> = {},
): Promise<LoadResult<SummaryDocument>> {
  const { cache } = opts;
  return load(paths, cb, opts, (c) => {
    const extra = c.config.extraFields;
    if (!cache)
      return {
        file: c.file,
        config: c.config,
        summary: summarize(c.analysis?.doc ?? headerModel(c.text, c.ref), [], extra),
      };
    const hash = c.hash!;
    const key = configKey(c.config);
    // What the summary column lacks comes from the record (cached, or made and cached: the next
    // check or list reads it).
    const summary = cache.summary(c.abs, hash, key) ?? summarize(recordOf(c, cache, { hash, key }).doc, [], extra);
    return { file: c.file, config: c.config, summary };
  });
}

/** The record of a candidate: from the cache when its content and config match, else made and stored into the cache. */
function recordOf(
  c: Candidate,
  cache: RecordCache | undefined,
  k = cache ? { hash: c.hash ?? contentHash(c.text), key: configKey(c.config) } : undefined,
): DocumentRecord {
  let record = cache && k ? cache.get(c.abs, k.hash, k.key) : undefined;
  if (!record) {
    record = makeRecord(c.analysis ?? fastAnalysis(c.text, c.ref), { config: c.config });
    if (cache && k) cache.set(c.abs, k.hash, k.key, record, undefined, c.config.extraFields);
  }
  return record;
}

/**
 * `resolve(path)` for the paths of a walk, which come folder by folder: the folder's part is
 * resolved once per folder (a resolve per file was 15 ms of 10,000).
 */
function absolutePaths(): (path: string) => string {
  let folder: string | undefined;
  let folderAbs = '';
  let same = false;
  return (path) => {
    const cut = path.lastIndexOf(sep) + 1;
    const name = path.slice(cut);
    // A name resolve would change (`.`, `..`, empty) takes the plain way.
    if (cut === 0 || name === '' || name === '.' || name === '..') return resolve(path);
    const dir = path.slice(0, cut);
    if (dir !== folder) {
      folder = dir;
      folderAbs = resolve(dir, 'x').slice(0, -1);
      same = folderAbs === dir;
    }
    // An absolute path stays the string it was: one string per file less to keep.
    return same ? path : folderAbs + name;
  };
}

/**
 * The config of a file, remembered per folder once resolved: the resolver answers with a promise
 * per call, and 10,000 awaits of settled promises (and a path resolve each) cost a warm run
 * 20-25 ms.
 */
function configsByFolder(resolver: ConfigResolverOn): {
  /** The config of the file at `abs`. */
  get(abs: string): Config | Promise<Config>;
  /** The config of the file at `abs` when its folder's is resolved already (resolves nothing). */
  known(abs: string): Config | undefined;
} {
  const known = new Map<string, Config>();
  return {
    get: (abs) => {
      const dir = dirname(abs);
      const config = known.get(dir);
      if (config) return config;
      return resolver.forFile(abs).then((r) => {
        known.set(dir, r.config);
        return r.config;
      });
    },
    known: (abs) => known.get(dirname(abs)),
  };
}

/** Discovery, reading and config resolution shared by the loaders; `make` keeps what a command needs of each file. */
async function load<T>(
  paths: readonly string[],
  cb: LoadCallbacks,
  opts: LoadOptions,
  make: (c: Candidate) => T,
): Promise<LoadResult<T>> {
  const resolver = new ConfigResolver((r) => {
    if (r.errors.length) cb.configProblem(r);
  });
  const configs = configsByFolder(resolver);
  // The bytes of a file the cache may answer for: hashed, then dropped (see `ReadSyncOptions.into`).
  const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  const { cache } = opts;
  const documents: T[] = [];
  const seen = new Set<string>();
  let fatal = false;

  type Job = { file: string; abs: string; explicit: boolean; byGlob: boolean };
  const run = async (jobs: Job[]) => {
    const fresh = jobs.filter((j) => !seen.has(j.abs) && (seen.add(j.abs), true));
    // Reads finish in any order; skips are reported afterwards in the jobs' (path) order, so the
    // same tree always gives the same stderr.
    const skips: (string | undefined)[] = new Array(fresh.length);
    const loaded = await mapLimit(fresh, READ_CONCURRENCY, async (j, i) => {
      // Read synchronously: thousands of small files, and no event loop to keep free here.
      // Files from the walk are regular files (it reports the others); named files are checked.
      const outside = !j.byGlob && !j.explicit;
      // With its folder's config known, nothing waits between the read and the last use of the
      // bytes: they may go to the scratch buffer (another read cannot come in between).
      const ready = cache && !outside ? configs.known(j.abs) : undefined;
      const read = readFileBytesSync(j.abs, { regular: !j.explicit, ...(ready ? { into: scratch } : {}) });
      if (!read.ok) {
        skips[i] = read.reason;
        if (j.explicit) fatal = true;
        return undefined;
      }
      const hash = cache ? contentHash(read.bytes) : undefined;
      if (hash !== undefined && !outside) {
        // A cache entry for these very bytes was made from a file that decoded: the text is
        // decoded only if the entry cannot answer after all (a record that does not unpack).
        // No await once the folder's config is known: each await is a turn of the microtask queue.
        const config = ready ?? (await configs.get(j.abs));
        if (cache!.has(j.abs, hash, configKey(config)))
          try {
            return make(new Candidate(j.file, j.abs, read.bytes, undefined, config, undefined, hash));
          } catch (e) {
            if (!(e instanceof Unreadable)) throw e;
            skips[i] = e.message;
            if (j.explicit) fatal = true;
            return undefined;
          }
      }
      const decoded = decodeText(read.bytes);
      if (!decoded.ok) {
        skips[i] = decoded.reason;
        if (j.explicit) fatal = true;
        return undefined;
      }
      const text = decoded.text;
      // Outside the globs, a markdown file counts only when its header names a Change type.
      if (outside && !mayHaveChangeType(text)) return undefined;
      // Outside the globs the header decides before the config is read.
      const analysis = outside ? fastAnalysis(text, idSource(j.abs)) : undefined;
      if (outside && !hasChangeTypeItem(analysis!.doc)) return undefined;
      const known = configs.get(j.abs);
      const config = known instanceof Promise ? await known : known;
      return make(new Candidate(j.file, j.abs, undefined, text, config, analysis, hash));
    });
    fresh.forEach((j, i) => skips[i] !== undefined && cb.skipped(j.file, skips[i]!));
    for (const d of loaded) if (d) documents.push(d);
  };

  for (const p of paths) {
    const abs = resolve(p);
    let isDir: boolean;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch (e) {
      cb.missing(p, describeFsError(e));
      fatal = true;
      continue;
    }
    if (!isDir) {
      await run([{ file: p, abs, explicit: true, byGlob: true }]);
      continue;
    }
    // Globs are written for the folder of their config (the current folder for the defaults);
    // a walk that starts below it matches them from there too (see anchoredMatcher).
    const { config, file: configFile } = await resolver.forDir(abs);
    const anchor = configFile ? dirname(configFile) : process.cwd();
    const prefix = relative(anchor, abs);
    const inside = prefix !== '' && !prefix.startsWith('..') && !isAbsolute(prefix);
    const matcher = inside ? anchoredMatcher(pathMatcher(config), prefix.split(sep).join('/')) : pathMatcher(config);
    const walk = await fs.findChangeFiles(p, matcher, opts.maxFiles !== undefined ? { maxFiles: opts.maxFiles } : {});
    if (walk.rootError) {
      cb.missing(p, walk.rootError);
      fatal = true;
      continue;
    }
    for (const prob of walk.problems) cb.skipped(prob.path, prob.reason);
    if (walk.capped !== undefined) cb.capped(p, walk.capped);
    const before = documents.length;
    const absOf = absolutePaths();
    const jobs = walk.files.map((f) => ({ file: f.path, abs: absOf(f.path), explicit: false, byGlob: f.byGlob }));
    const already = jobs.some((j) => seen.has(j.abs));
    await run(jobs);
    if (documents.length === before && !already && walk.capped === undefined) cb.empty(p);
  }
  return { documents, fatal };
}
