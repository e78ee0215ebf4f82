import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, codeActions, fixAllEdit, fixesFor } from '../../../server/src/core/actions/index';
import type { Diagnose } from '../../../server/src/core/actions/index';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import { analyze } from '../../../server/src/core/model';
import { NOW, VALID_NORMAL, check, doc, editLine } from '../../helpers/doc';

const OPTS = { author: '@carol', now: NOW };
const diagnose: Diagnose = (text) => {
  const analysis = analyze(text, 'changes/test-change.md');
  return { analysis, diagnostics: checkDocument(analysis, { config: defaultConfig(), now: NOW }) };
};

/** Applies the first (or the titled) fix of the first diagnostic with `code`. */
function fix(text: string, code: string, title?: RegExp): string {
  const a = doc(text);
  const d = check(text).find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${check(text).map((x) => x.code)}`);
  const fixes = fixesFor(a, d, OPTS);
  const f = title ? fixes.find((x) => title.test(x.title)) : fixes[0];
  assert.ok(f, `no fix for ${code}: ${fixes.map((x) => x.title)}`);
  return applyEdits(a.md.lines, f.edits);
}

describe('quick fixes (core/actions)', () => {
  it('inserts a missing field in catalogue order', () => {
    const out = fix(editLine(VALID_NORMAL, '- Risk level:', null), 'CM002');
    assert.equal(out, VALID_NORMAL.replace('- Risk level: High', '- Risk level:'));
  });

  it('replaces an invalid value with the suggestion, preferred', () => {
    const text = editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh');
    const d = check(text).find((x) => x.code === 'CM003')!;
    const [f] = fixesFor(doc(text), d, OPTS);
    assert.equal(f!.isPreferred, true);
    assert.equal(fix(text, 'CM003'), VALID_NORMAL);
  });

  it('replaces one Touches element only', () => {
    const text = editLine(
      VALID_NORMAL,
      '- Approval',
      '- Approval (if required): @bob, 2026-11-27\n- Touches: security, data integrty',
    );
    assert.match(fix(text, 'CM003'), /^- Touches: security, data integrity$/m);
  });

  it('renames an unknown field to the closest known one, and adds a missing colon', () => {
    assert.equal(fix(editLine(VALID_NORMAL, '- Risk level:', '- Rsk level: High'), 'CM006'), VALID_NORMAL);
  });

  it('removes a duplicate item (whole line)', () => {
    const text = editLine(VALID_NORMAL, '- Risk level:', '- Risk level: High\n- Risk: Low');
    assert.equal(fix(text, 'CM004'), VALID_NORMAL);
  });

  it('syncs Status with the log, or adds a log line for the written Status whose time and author the user fills in', () => {
    const text = editLine(VALID_NORMAL, '- Status:', '- Status: In Progress');
    assert.equal(fix(text, 'CM031', /^Set Status/), VALID_NORMAL);
    const logged = fix(text, 'CM031', /^Add a status log line for "In Progress"/);
    // The Status was set earlier by someone: no date or author is guessed.
    assert.equal(
      logged,
      text.replace('Approved by @bob\n', 'Approved by @bob\n- YYYY-MM-DD HH:MM UTC In Progress by ...\n'),
    );
    assert.ok(!check(logged).some((d) => d.code === 'CM031' || d.code === 'CM030'));
    assert.deepEqual(
      check(logged)
        .filter((d) => d.code === 'CM005')
        .map((d) => d.range.start.line),
      [text.split('\n').length - 1],
    );
  });

  it('inserts the template into an empty document and after an H1', () => {
    const empty = fix('', 'CM001');
    assert.match(empty, /^# test-change\n\n- Change type:\n- Change Owner: @carol\n/);
    assert.ok(!check(empty).some((d) => d.code === 'CM001'));
    const h1 = fix('# Fix the cache\n\nSome words.\n', 'CM001');
    assert.match(h1, /^# Fix the cache\n\n- Change type:\n[\s\S]*- Expected user impact:\n\nSome words\.\n$/);
  });

  it('adds an Incident field to an Emergency change', () => {
    const text = editLine(VALID_NORMAL, '- Change type:', '- Change type: Emergency');
    const out = fix(text, 'CM023');
    assert.match(out, /^- Approval \(if required\): @bob, 2026-11-27\n- Incident:$/m);
  });

  it('adds a status log skeleton for a change past Planned with none: the usual steps, times and authors to fill in', () => {
    const text = VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log')).trimEnd() + '\n';
    const approved = fix(text, 'CM037');
    assert.equal(
      approved,
      `${text}\n## Status log\n\n- YYYY-MM-DD HH:MM UTC Planned by ...\n- YYYY-MM-DD HH:MM UTC Approved by ...\n`,
    );
    // No dated entry for a past transition: each line is CM005 until the user writes its time.
    assert.deepEqual(
      check(approved).map((d) => d.code),
      ['CM005', 'CM005'],
    );
    const closed = fix(editLine(text, '- Status:', '- Status: Closed\n- Outcome: verified'), 'CM037');
    assert.match(
      closed,
      /## Status log\n\n- YYYY-MM-DD HH:MM UTC Planned by \.\.\.\n- YYYY-MM-DD HH:MM UTC Approved by \.\.\.\n- YYYY-MM-DD HH:MM UTC In Progress by \.\.\.\n- YYYY-MM-DD HH:MM UTC Verifying by \.\.\.\n- YYYY-MM-DD HH:MM UTC Closed by \.\.\.\n$/,
    );
    assert.ok(!check(closed).some((d) => ['CM030', 'CM031', 'CM037', 'CM020'].includes(String(d.code))));
    const emergency = fix(
      editLine(
        editLine(text, '- Status:', '- Status: In Progress'),
        '- Change type:',
        '- Change type: Emergency\n- Incident: INC-1',
      ),
      'CM037',
    );
    assert.match(emergency, /## Status log\n\n- YYYY-MM-DD HH:MM UTC In Progress by \.\.\.\n$/);
  });

  it('ignores diagnostics of other sources', () => {
    const d: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: 'x',
      source: 'markdownlint',
      data: { fix: 'insertTemplate' },
    };
    assert.deepEqual(fixesFor(doc(''), d, OPTS), []);
  });
});

describe('fix-all and code action assembly (core/actions)', () => {
  const messy = editLine(
    editLine(editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'), '- Change type:', '- Chnge type: Normal'),
    '- Status:',
    '- Status: Approved\n- Status: approved',
  );

  it('applies every safe fix at once and is idempotent', () => {
    const a = doc(messy);
    const edit = fixAllEdit(a, check(messy), diagnose, OPTS);
    assert.ok(edit);
    const out = applyEdits(a.md.lines, [edit]);
    assert.equal(out, VALID_NORMAL);
    assert.equal(fixAllEdit(doc(out), check(out), diagnose, OPTS), undefined);
  });

  it('does not apply judgement calls (missing fields, Status vs log, CM014)', () => {
    const text = editLine(editLine(VALID_NORMAL, '- Status:', '- Status: In Progress'), '- Risk level:', null);
    assert.equal(fixAllEdit(doc(text), check(text), diagnose, OPTS), undefined);
  });

  it('honours context.only and pins edits to the version', () => {
    const text = editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh');
    const a = doc(text);
    const ds = check(text);
    const statusLine = text.split('\n').findIndex((l) => l.startsWith('- Status:'));
    const range = { start: { line: statusLine, character: 0 }, end: { line: statusLine, character: 0 } };
    const base = {
      analysis: a,
      uri: 'file:///c.md',
      version: 7,
      range,
      contextDiagnostics: ds,
      allDiagnostics: ds,
      options: OPTS,
      diagnose,
    };
    const kinds = (only?: string[]) => codeActions({ ...base, ...(only ? { only } : {}) }).map((x) => x.kind);
    assert.deepEqual(kinds(), ['quickfix', 'refactor.rewrite', 'source.fixAll.itsmote']);
    assert.deepEqual(kinds(['quickfix']), ['quickfix']);
    assert.deepEqual(kinds(['refactor']), ['refactor.rewrite']);
    assert.deepEqual(kinds(['source.fixAll']), ['source.fixAll.itsmote']);
    assert.deepEqual(kinds(['source.organizeImports']), []);
    const [advance] = codeActions({ ...base, only: ['refactor.rewrite'] });
    assert.equal(advance!.title, 'Advance status to In Progress');
    const change = advance!.edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(change.textDocument.version, 7);
  });

  it('offers fix-all next to quick fixes only when something is safely fixable', () => {
    const text = editLine(VALID_NORMAL, '- Risk level:', null);
    const ds = check(text);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const list = codeActions({
      analysis: doc(text),
      uri: 'file:///c.md',
      version: 1,
      range,
      contextDiagnostics: ds,
      allDiagnostics: ds,
      options: OPTS,
      diagnose,
    });
    assert.deepEqual(
      list.map((x) => x.kind),
      ['quickfix'],
    );
    assert.deepEqual(
      codeActions({
        analysis: doc(text),
        uri: 'file:///c.md',
        version: 1,
        range,
        contextDiagnostics: ds,
        allDiagnostics: ds,
        only: ['source.fixAll'],
        options: OPTS,
        diagnose,
      }),
      [],
    );
  });
});
