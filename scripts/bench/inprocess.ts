/**
 * In-process figures: per-document validation against remark's parse alone, and the index of a
 * whole corpus on disk (cold and warm) against reading every file plus a line scan.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as crypto from 'node:crypto';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { analyze } from '../../server/src/core/model';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import { fastAnalysis, indexDocument } from '../../server/src/core/fast/index';
import type { ChangeDocument } from '../../server/src/core/schema';
import type { CorpusDoc } from './corpus';
import { CORPUS_NOW } from './corpus';
import { median, timeSync } from './stats';

const OPTIONS = { config: defaultConfig(), now: CORPUS_NOW };
// The same processor parse.ts uses: remark-parse alone, the baseline of "parsing".
const remark = unified().use(remarkParse);

/** Median µs per document of each way of validating, measured in interleaved rounds. */
export interface ValidationFigures {
  remarkParse: number;
  fullValidation: number;
  fastValidation: number;
  /** Median over rounds of full/remark and fast/remark, paired so that noise hits both alike. */
  fullRatio: number;
  fastRatio: number;
  fastShare: number;
}

export function measureValidation(docs: readonly CorpusDoc[], rounds: number): ValidationFigures {
  const ways: ((d: CorpusDoc) => unknown)[] = [
    (d) => remark.parse(d.text),
    (d) => checkDocument(analyze(d.text, d.name), OPTIONS),
    (d) => checkDocument(fastAnalysis(d.text, d.name), OPTIONS),
  ];
  // Warm-up: JIT and lazily built tables.
  for (const d of docs.slice(0, 200)) ways.forEach((w) => w(d));
  // Each round times the three ways on chunks of 50 documents in rotating order, so that a burst
  // of load on a shared machine lands on all three alike rather than on one whole pass.
  const CHUNK = 50;
  const perRound: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    const totals = [0, 0, 0];
    for (let c = 0, k = 0; c < docs.length; c += CHUNK, k++) {
      const chunk = docs.slice(c, c + CHUNK);
      for (let j = 0; j < 3; j++) {
        const w = (j + k) % 3;
        totals[w]! += timeSync(() => chunk.forEach(ways[w]!));
      }
    }
    perRound.push(totals.map((t) => (t * 1000) / docs.length));
  }
  const col = (i: number) => perRound.map((x) => x[i]!);
  const fast = docs.filter((d) => indexDocument(d.text, d.name).fast).length;
  return {
    remarkParse: median(col(0)),
    fullValidation: median(col(1)),
    fastValidation: median(col(2)),
    fullRatio: median(perRound.map((x) => x[1]! / x[0]!)),
    fastRatio: median(perRound.map((x) => x[2]! / x[0]!)),
    fastShare: fast / docs.length,
  };
}

// crypto.hash (node >= 20.12) hashes in one call, without a Hash object per file.
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: string) => string }).hash;
const sha1 = (text: string): string =>
  oneShot ? oneShot('sha1', text, 'base64') : crypto.createHash('sha1').update(text).digest('base64');

/**
 * An index keyed by content hash, as a long-lived process (the language server) keeps it: a
 * file whose text is unchanged is not analysed again.
 */
class ContentHashIndex {
  private readonly byHash = new Map<string, ChangeDocument>();
  readonly docs = new Map<string, ChangeDocument>();

  add(path: string, text: string): void {
    const hash = sha1(text);
    let doc = this.byHash.get(hash);
    if (!doc) {
      doc = indexDocument(text, path).doc;
      this.byHash.set(hash, doc);
    }
    this.docs.set(path, doc);
  }
}

/** Median ms of the floor, the cold index and the warm index of a folder of change documents. */
export interface IndexFigures {
  floor: number;
  cold: number;
  warm: number;
  coldRatio: number;
  warmRatio: number;
  /** Cold index with the full parse (remark) for every file, for comparison (one round). */
  coldRemark?: number;
}

/** Reads every file and scans its lines: the least any index must do. */
function floorPass(files: readonly string[]): number {
  let lines = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  }
  return lines;
}

export function measureIndex(dir: string, rounds: number, withRemark: boolean): IndexFigures {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => join(dir, n));
  floorPass(files); // page cache and JIT warm for every variant alike
  const floor: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < rounds; i++) {
    floor.push(timeSync(() => floorPass(files)));
    const index = new ContentHashIndex();
    cold.push(timeSync(() => files.forEach((f) => index.add(f, readFileSync(f, 'utf8')))));
    warm.push(timeSync(() => files.forEach((f) => index.add(f, readFileSync(f, 'utf8')))));
  }
  const coldRemark = withRemark ? timeSync(() => files.forEach((f) => analyze(readFileSync(f, 'utf8'), f))) : undefined;
  return {
    floor: median(floor),
    cold: median(cold),
    warm: median(warm),
    coldRatio: median(cold.map((c, i) => c / floor[i]!)),
    warmRatio: median(warm.map((w, i) => w / floor[i]!)),
    coldRemark,
  };
}

/** How much of a corpus the fast path reads without remark, and whether it agrees with remark. */
export interface FastPathFigures {
  /** Documents the fast path read without falling back (0..1), over the whole corpus. */
  share: number;
  /** Why the others fell back, with counts. */
  reasons: Record<string, number>;
  /** Documents compared with remark (model and diagnostics). */
  compared: number;
  /** Names of the documents whose model or diagnostics differ from remark's. */
  disagreements: string[];
}

export function measureFastPath(docs: readonly CorpusDoc[], sample: number): FastPathFigures {
  const reasons: Record<string, number> = {};
  let fast = 0;
  for (const d of docs) {
    const r = indexDocument(d.text, d.name);
    if (r.fast) fast++;
    else {
      const why = (r.reason ?? 'unknown').replace(/^line \d+: /, '');
      reasons[why] = (reasons[why] ?? 0) + 1;
    }
  }
  const disagreements: string[] = [];
  const step = Math.max(1, Math.floor(docs.length / sample));
  let compared = 0;
  for (let i = 0; i < docs.length && compared < sample; i += step, compared++) {
    const d = docs[i]!;
    const full = analyze(d.text, d.name);
    const quick = fastAnalysis(d.text, d.name);
    if (
      !isDeepStrictEqual(JSON.parse(JSON.stringify(quick.doc)), JSON.parse(JSON.stringify(full.doc))) ||
      !isDeepStrictEqual(checkDocument(quick, OPTIONS), checkDocument(full, OPTIONS))
    )
      disagreements.push(d.name);
  }
  return { share: fast / docs.length, reasons, compared, disagreements };
}

/** Median ms of the server's validation of one text (fast path + every rule): the round trips' baseline. */
export function measureFastValidation(text: string, rounds: number): number {
  for (let i = 0; i < 20; i++) checkDocument(fastAnalysis(text, 'changes/long.md'), OPTIONS);
  return median(
    Array.from({ length: Math.max(rounds, 15) }, () =>
      timeSync(() => checkDocument(fastAnalysis(text, 'changes/long.md'), OPTIONS)),
    ),
  );
}

/** Median ms of validating one text with remark (`analyze` + every rule), the bench's historical baseline of a round trip. */
export function measureFullValidation(text: string, rounds: number): number {
  for (let i = 0; i < 20; i++) checkDocument(analyze(text, 'changes/long.md'), OPTIONS);
  return median(
    Array.from({ length: Math.max(rounds, 15) }, () =>
      timeSync(() => checkDocument(analyze(text, 'changes/long.md'), OPTIONS)),
    ),
  );
}
