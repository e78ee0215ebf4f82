/** `check`'s text format: fitted to a terminal's width, never padded or wrapped when piped. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatText, wrapText } from '../../server/src/cli/format/text';
import { skipBecause } from '../support/skip';
import { CLI, NOW, ROOT, itsmote } from './run';

const LONG =
  'This is a Normal change and has reached In Progress without approval: there is no Approval value and no Approved status log entry. Record who approved it.';
const diag = (line: number, message: string, code: string, severity: 1 | 2 = 1): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 5 } },
  message,
  code,
  severity,
  source: 'itsmote',
});
const RESULTS = [{ file: 'changes/a.md', diagnostics: [diag(7, LONG, 'CM020'), diag(16, 'Short one.', 'CM030', 2)] }];

describe('cli: text format width', () => {
  it('wraps words to a width and cuts only a word longer than the width', () => {
    assert.deepEqual(wrapText('aa bb cc dd', 5), ['aa bb', 'cc dd']);
    assert.deepEqual(wrapText('abcdefghij k', 4), ['abcd', 'efgh', 'ij k']);
    assert.deepEqual(wrapText('', 10), ['']);
  });

  it('on an 80-column terminal no line is wider than 80, the code stays at the end of the first line, and no word is lost', () => {
    const text = formatText(RESULTS, { columns: 80 });
    const lines = text.split('\n');
    for (const l of lines) assert.ok(l.length <= 80, `${l.length} columns: ${l}`);
    const first = lines.findIndex((l) => l.startsWith('  8:1'));
    assert.match(lines[first]!, /^ {2}8:1 {3}error {4}This is .* {2}CM020$/);
    const continued = lines.slice(first + 1).filter((l) => /^ {17}\S/.test(l));
    const message = [lines[first]!.slice(17).replace(/\s+CM020$/, ''), ...continued.map((l) => l.trim())].join(' ');
    assert.equal(message, LONG);
    // Codes stand in one column.
    assert.equal(lines[first]!.indexOf('CM020'), lines.find((l) => l.includes('CM030'))!.indexOf('CM030'));
  });

  it('piped (no width): one line per diagnostic, the message not padded to the longest', () => {
    const lines = formatText(RESULTS).split('\n');
    assert.equal(lines[1], `  8:1   error    ${LONG}  CM020`);
    assert.equal(lines[2], '  17:1  warning  Short one.  CM030');
  });

  it('prints whole messages when the terminal is too narrow to wrap usefully', () => {
    const lines = formatText(RESULTS, { columns: 40 }).split('\n');
    assert.equal(lines[1], `  8:1   error    ${LONG}  CM020`);
  });

  it('the real command piped: no line is padded with runs of spaces before its code', () => {
    const r = itsmote(['check', 'examples', '--now', NOW]);
    const rows = r.stdout.split('\n').filter((l) => /^ {2}\d+:\d+/.test(l));
    assert.ok(rows.length >= 9, r.stdout);
    for (const row of rows) assert.match(row, /\S {2}CM\d{3}$/, row);
  });

  it('the real command on an 80-column terminal (a pty through script(1)) fits it', function () {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0)
      skipBecause(this, 'script(1) from util-linux is not installed, so no pseudo-terminal can be made');
    const r = spawnSync(
      'script',
      ['-qec', `stty cols 80; NO_COLOR=1 "${process.execPath}" "${CLI}" check examples --now ${NOW}`, '/dev/null'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ITSMOTE_NOW: '' } },
    );
    const lines = r.stdout.replace(/\r/g, '').split('\n');
    assert.ok(
      lines.some((l) => /^ +\S/.test(l) && !/^ {2}\d+:\d+/.test(l)),
      `some message wrapped:\n${r.stdout}`,
    );
    for (const l of lines) assert.ok(l.length <= 80, `${l.length} columns: ${l}`);
    // The closing line examples/EXPECTED.md gives for the example workspace.
    const expected = /\((\d+ errors, \d+ warnings, \d+ infos in \d+ files)\)/.exec(
      readFileSync(join(ROOT, 'examples', 'EXPECTED.md'), 'utf8'),
    )![1]!;
    assert.ok(lines.includes(expected), `${expected}\n${r.stdout}`);
  });
});
