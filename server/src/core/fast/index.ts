/**
 * The fast path to the change document model: a line scan instead of remark when the document's
 * markdown is simple enough to be sure of (scan.ts), the full `analyze()` otherwise. Both give the
 * same `ChangeDocument`: the scan only finds the blocks and `buildModel` (model.ts) reads them, as
 * it reads remark's tree. The sidebar, `list`, `metrics` and workspace-wide checks use this; code
 * actions and anything else that walks the mdast get a real tree on demand (`fastAnalysis`).
 */
import type { Analysis } from '../model';
import { analyze, buildModel, idFromPath } from '../model';
import type { ParsedMarkdown } from '../parse';
import { parseMarkdown } from '../parse';
import { LineIndex } from '../positions';
import type { ChangeDocument } from '../schema';
import { scanBlocks } from './scan';
import { frontMatterEnd } from '../header';
import type { InCode } from './code';
import { inCodeOf } from './code';

/** A document's model and which path produced it. */
export interface IndexedDocument {
  doc: ChangeDocument;
  /** True when the line scan produced the model, false when the full parse did. */
  fast: boolean;
  /** Why the full parse was needed (for statistics and debugging). */
  reason?: string;
}

/** The model from the line scan, or undefined (with the reason) when the full parse is needed. */
function scanModel(
  text: string,
  id: string,
): { doc: ChangeDocument; lines: LineIndex; inCode: InCode } | { reason: string } {
  try {
    const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const scan = scanBlocks(text, base);
    if (!scan.ok) return { reason: scan.reason };
    const md: ParsedMarkdown = { text, base, root: scan.root, lines: new LineIndex(text) };
    return { doc: buildModel(md, id), lines: md.lines, inCode: inCodeOf(text, scan.root, base, scan.itemFences) };
  } catch (e) {
    // A bug in the fast path must never cost the user a result: the full parse still answers.
    return { reason: `fast path failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The header, title and values of a document (`buildModel`'s `headerOnly`: no sections, no
 * status log), from a scan that stops at the first section heading: what a summary reads. Equal
 * to those parts of `analyze(text, pathOrUri).doc` (test/unit/header-model.test.ts).
 */
export function headerModel(text: string, pathOrUri: string): ChangeDocument {
  const id = idFromPath(pathOrUri);
  try {
    const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const scan = scanBlocks(text, base, { headerZone: frontMatterEnd(base ? text.slice(base) : text) });
    if (scan.ok)
      return buildModel({ text, base, root: scan.root, lines: new LineIndex(text) }, id, { headerOnly: true });
  } catch {
    // As scanModel: the full parse answers.
  }
  return analyze(text, pathOrUri).doc;
}

/**
 * The model of a document for indexes (header, status log, sections, values). Never throws;
 * equal to `analyze(text, pathOrUri).doc`.
 */
export function indexDocument(text: string, pathOrUri: string): IndexedDocument {
  const id = idFromPath(pathOrUri);
  const r = scanModel(text, id);
  if ('doc' in r) return { doc: r.doc, fast: true };
  return { doc: analyze(text, pathOrUri).doc, fast: false, reason: r.reason };
}

/**
 * An `Analysis` for `checkDocument` that uses the fast model when it can. Its `md` is parsed by
 * remark only when something reads it (rules read only `doc`; code actions may read `md`).
 */
export function fastAnalysis(
  text: string,
  pathOrUri: string,
): Analysis & { fast: boolean; text: string; lines?: LineIndex; inCode?: InCode } {
  const r = scanModel(text, idFromPath(pathOrUri));
  if (!('doc' in r)) return { ...analyze(text, pathOrUri), fast: false, text };
  return new FastAnalysis(r.doc, text, r.lines, r.inCode);
}

/**
 * A scanned document. A class, not a literal with `get md()`: V8 gives every literal whose getter
 * is a fresh closure its own hidden class (see `DocumentCtx` in core/check.ts).
 */
class FastAnalysis implements Analysis {
  readonly fast = true;
  #md: ParsedMarkdown | undefined;

  constructor(
    readonly doc: ChangeDocument,
    // Readers of suppression comments take the text, the lines and where code is here, without a tree.
    readonly text: string,
    readonly lines: LineIndex,
    readonly inCode: InCode,
  ) {}

  get md(): ParsedMarkdown {
    return (this.#md ??= parseMarkdown(this.text));
  }
}
