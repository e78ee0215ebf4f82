/**
 * In-process figures: per-document validation against remark's parse alone, and the index of a
 * whole corpus on disk (cold and warm) against reading every file plus a line scan.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
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
  const perDoc = (ms: number) => (ms * 1000) / docs.length;
  const runRemark = () => docs.forEach((d) => remark.parse(d.text));
  const runFull = () => docs.forEach((d) => checkDocument(analyze(d.text, d.name), OPTIONS));
  const runFast = () => docs.forEach((d) => checkDocument(fastAnalysis(d.text, d.name), OPTIONS));
  // Warm-up: JIT and lazily built tables.
  for (const d of docs.slice(0, 200)) {
    remark.parse(d.text);
    checkDocument(analyze(d.text, d.name), OPTIONS);
    checkDocument(fastAnalysis(d.text, d.name), OPTIONS);
  }
  const r: number[] = [];
  const f: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < rounds; i++) {
    r.push(perDoc(timeSync(runRemark)));
    f.push(perDoc(timeSync(runFull)));
    s.push(perDoc(timeSync(runFast)));
  }
  const fast = docs.filter((d) => indexDocument(d.text, d.name).fast).length;
  return {
    remarkParse: median(r),
    fullValidation: median(f),
    fastValidation: median(s),
    fullRatio: median(f.map((x, i) => x / r[i]!)),
    fastRatio: median(s.map((x, i) => x / r[i]!)),
    fastShare: fast / docs.length,
  };
}

/**
 * An index keyed by content hash, as a long-lived process (the language server) keeps it: a
 * file whose text is unchanged is not analysed again.
 */
class ContentHashIndex {
  private readonly byHash = new Map<string, ChangeDocument>();
  readonly docs = new Map<string, ChangeDocument>();

  add(path: string, text: string): void {
    const hash = createHash('sha1').update(text).digest('base64');
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
