/**
 * The properties, as plain functions that throw (node:assert) when a document breaks one. The
 * mocha suite and `npm run fuzz` both run them. Edits are applied the way an editor applies them
 * (vscode-languageserver-textdocument), not with the core's own helper, so that a core edit that
 * only the core understands still fails.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../../server/src/core/model';
import type { Analysis } from '../../../server/src/core/model';
import { LineIndex } from '../../../server/src/core/positions';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import {
  advanceEdits,
  advanceTargets,
  applyEdits,
  codeActions,
  fixAllEdit,
} from '../../../server/src/core/actions/index';
import type { Diagnose, FixOptions } from '../../../server/src/core/actions/index';
import { NOW } from '../../helpers/doc';

const URI = 'file:///ws/changes/fuzzed-change.md';

/** The document's lines as LSP counts them (LF, CRLF and CR all end a line). */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Asserts that a position exists in the text: an existing line, at most its length. */
function assertInside(lines: string[], p: Position, what: string): void {
  assert.ok(
    Number.isInteger(p.line) && Number.isInteger(p.character),
    `${what}: non-integer position ${JSON.stringify(p)}`,
  );
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  assert.ok(
    p.character >= 0 && p.character <= lines[p.line]!.length,
    `${what}: character ${p.character} past line ${p.line} (length ${lines[p.line]!.length})`,
  );
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function assertRange(lines: string[], r: Range, what: string): void {
  assertInside(lines, r.start, `${what} start`);
  assertInside(lines, r.end, `${what} end`);
  assert.ok(before(r.start, r.end), `${what}: start after end ${JSON.stringify(r)}`);
}

/** Checks a text with the default config at the tests' fixed clock. */
export function diagnose(text: string): { analysis: Analysis; diagnostics: Diagnostic[] } {
  const analysis = analyze(text, URI);
  return { analysis, diagnostics: checkDocument(analysis, { config: defaultConfig(), now: NOW }) };
}

const diagnoser: Diagnose = diagnose;

/** Property 1: analyze + checkDocument never throw, and every diagnostic range lies inside the document. */
export function rangesInside(text: string): void {
  const { diagnostics } = diagnose(text);
  const lines = lspLines(text);
  for (const d of diagnostics) assertRange(lines, d.range, `${d.code} range`);
}

/**
 * Applies edits as an editor does and checks what an editor would refuse or mangle: positions
 * outside the text, overlapping edits, a CRLF pair split, and text outside the ranges changed.
 */
export function applyChecked(text: string, edits: readonly TextEdit[], what: string): string {
  const lines = lspLines(text);
  const doc = TextDocument.create(URI, 'markdown', 1, text);
  const spans = edits.map((e, i) => {
    assertRange(lines, e.range, `${what} edit ${i}`);
    return { start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.newText, i };
  });
  for (const s of spans) {
    for (const o of [s.start, s.end])
      assert.ok(!(text[o - 1] === '\r' && text[o] === '\n'), `${what}: an edit splits a CRLF pair at offset ${o}`);
  }
  spans.sort((a, b) => a.start - b.start || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    const p = spans[k - 1]!;
    const s = spans[k]!;
    assert.ok(p.end <= s.start, `${what}: edits ${p.i} and ${s.i} overlap`);
  }
  const out = TextDocument.applyEdits(doc, edits as TextEdit[]);
  // Text outside the edit ranges is kept, in order, byte for byte.
  let at = 0;
  let delta = 0;
  for (const s of spans) {
    assert.equal(
      out.slice(at + delta, s.start + delta),
      text.slice(at, s.start),
      `${what}: text before edit ${s.i} changed`,
    );
    delta += s.text.length - (s.end - s.start);
    at = s.end;
  }
  assert.equal(out.slice(at + delta), text.slice(at), `${what}: text after the last edit changed`);
  // The core's own applier (fix-all re-checks its result with it) agrees with the editor's.
  assert.equal(applyEdits(new LineIndex(text), edits), out, `${what}: core applyEdits disagrees with the editor`);
  return out;
}

function editsOf(action: CodeAction): TextEdit[] {
  const changes = action.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1, `${action.title}: expected one TextDocumentEdit`);
  const tde = changes[0] as TextDocumentEdit;
  assert.equal(tde.textDocument.uri, URI, `${action.title}: wrong document`);
  assert.equal(tde.textDocument.version, 7, `${action.title}: edit not pinned to the document version`);
  return tde.edits as TextEdit[];
}

/** Property 2: every code action the core computes (quick fixes, every advance, fix-all) applies cleanly. */
export function actionsApplyCleanly(text: string, opts: FixOptions): void {
  const { analysis, diagnostics } = diagnose(text);
  const lines = analysis.md.lines;
  const whole: Range = { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) };
  const common = {
    analysis,
    uri: URI,
    version: 7,
    range: whole,
    allDiagnostics: diagnostics,
    options: opts,
    diagnose: diagnoser,
  };
  const actions = [
    ...codeActions({ ...common, contextDiagnostics: diagnostics }),
    ...codeActions({ ...common, contextDiagnostics: [], only: ['source.fixAll'] }),
  ];
  for (const action of actions) applyChecked(text, editsOf(action), action.title);
}

/** Property 3: advancing to each allowed status gives that Status, that last log entry, and no new CM030/CM031. */
export function advanceIsConsistent(text: string, opts: FixOptions): void {
  const { analysis, diagnostics } = diagnose(text);
  const old = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.message);
  for (const to of advanceTargets(analysis)) {
    const edits = advanceEdits(analysis, to, opts);
    // A refusal is allowed (advance verifies its own result, e.g. an unclosed fence at the end
    // would swallow the new log); a wrong document is not.
    if (!edits) continue;
    const out = applyChecked(text, edits, `advance to ${to}`);
    const after = diagnose(out);
    assert.equal(
      after.analysis.doc.values.status,
      to,
      `advance to ${to}: Status is ${after.analysis.doc.values.status}`,
    );
    const entries = after.analysis.doc.statusLog?.entries ?? [];
    assert.equal(
      entries[entries.length - 1]?.status,
      to,
      `advance to ${to}: last log entry is ${entries[entries.length - 1]?.statusText}`,
    );
    // A note or author with line breaks is written on one line: it never adds entries or items.
    for (const s of [opts.note, opts.author]) {
      if (s && /[\r\n\u2028\u2029]/.test(s))
        assert.ok(!edits.some((e) => e.newText.includes(s)), `advance to ${to} wrote a multi-line note or author`);
    }
    for (const code of ['CM030', 'CM031']) {
      const was = old(code);
      for (const d of after.diagnostics.filter((x) => x.code === code)) {
        const k = was.indexOf(d.message);
        assert.ok(k >= 0, `advance to ${to} introduced ${code}: ${d.message}`);
        was.splice(k, 1);
      }
    }
  }
}

/** Property 4: fix-all is idempotent (applying it to its own result changes nothing). */
export function fixAllIdempotent(text: string, opts: FixOptions): void {
  const first = diagnose(text);
  const edit = fixAllEdit(first.analysis, first.diagnostics, diagnoser, opts);
  if (!edit) return;
  const once = applyChecked(text, [edit], 'fix-all');
  const second = diagnose(once);
  const again = fixAllEdit(second.analysis, second.diagnostics, diagnoser, opts);
  assert.equal(
    again ? applyChecked(once, [again], 'fix-all twice') : once,
    once,
    'fix-all applied twice differs from once',
  );
}
