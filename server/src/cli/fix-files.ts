/**
 * `itsmote check --fix`: applies every safe quick fix to the files, as ESLint's and
 * markdownlint's `--fix` do, then the check reports what is left. "Safe" is the core's
 * judgement, the same as the editor's "Fix all" (`source.fixAll.itsmote`): a misspelt field name
 * with one did-you-mean (CM006), a value with one close allowed value (CM003). Nothing that
 * needs the author's judgement (a missing plan, an owner, a status log) is ever written.
 */
import { writeFileSync } from 'node:fs';
import { fixAllEdit } from '../core/actions/fix-all';
import { applyEdits } from '../core/actions/text';
import { checkDocument } from '../core/check';
import { fastAnalysis } from '../core/fast/index';
import { decodeText } from '../fs/file-system';
import { readFileBytesSync } from '../node/read-text-file-sync';
import type { LoadedDocument } from './load-documents';

/** What `--fix` did: the files it rewrote (with their new text), and those it could not. */
export interface FixReport {
  fixed: Map<string, string>;
  skipped: { file: string; reason: string }[];
}

const BOM = '\uFEFF';

/**
 * The documents after `--fix`: a fixed file's analysis made from its new text, the others as
 * they were, in the same order.
 */
export function afterFixes(documents: readonly LoadedDocument[], report: FixReport): LoadedDocument[] {
  return documents.map((d) => {
    const text = report.fixed.get(d.file);
    return text === undefined ? d : { ...d, analysis: fastAnalysis(text, d.file) };
  });
}

/**
 * Fixes each document in place. A file is rewritten only when it still holds the text that was
 * checked (read again just before the write; a leading BOM is kept), and only the bytes of the
 * fixes change: line ends, the rest of the text and the file's mode stay as they were.
 */
export function fixFiles(documents: readonly LoadedDocument[], now: number): FixReport {
  const report: FixReport = { fixed: new Map(), skipped: [] };
  for (const d of documents) {
    const analysis = d.analysis;
    const opts = { config: d.config, now };
    const edit = fixAllEdit(
      analysis,
      checkDocument(analysis, opts),
      (text) => {
        const a = fastAnalysis(text, d.file);
        return { analysis: a, diagnostics: checkDocument(a, opts) };
      },
      // Safe fixes write no author and no time; the options are the editor's shape.
      { author: '', now },
    );
    if (!edit) continue;
    const before = analysis.md.text;
    // Read as the loader reads: a regular file only, never blocking on a FIFO put in its place.
    const read = readFileBytesSync(d.file);
    if (!read.ok) {
      report.skipped.push({ file: d.file, reason: read.reason });
      continue;
    }
    const bytes = read.bytes;
    const current = decodeText(bytes);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? BOM : '';
    if (!current.ok || current.text !== before) {
      report.skipped.push({ file: d.file, reason: 'it changed while it was checked; run again' });
      continue;
    }
    const after = applyEdits(analysis.md.lines, [edit]);
    try {
      writeFileSync(d.file, bom + after);
      report.fixed.set(d.file, after);
    } catch (e) {
      report.skipped.push({ file: d.file, reason: (e as Error).message });
    }
  }
  return report;
}
