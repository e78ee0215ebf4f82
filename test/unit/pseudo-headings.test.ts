/**
 * Bold or italic lines standing for headings (core/pseudo-headings.ts): they start no section
 * (CommonMark reads a paragraph), and the rules that then find no section name the line and
 * offer to make it a heading, on both parsing paths.
 */
import { strict as assert } from 'node:assert';
import { applyEdits, fixesFor } from '../../server/src/core/actions/index';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import { fastAnalysis, indexDocument } from '../../server/src/core/fast/index';
import { analyze } from '../../server/src/core/model';
import { NOW, VALID_NORMAL, check, doc, editLine } from '../helpers/doc';

const OPTS = { author: '@carol', now: NOW };
/** VALID_NORMAL, In Progress, its log under a bold line. */
const BOLD_LOG = editLine(VALID_NORMAL, '- Status:', '- Status: In Progress')
  .replace('## Status log', '**Status log**')
  .concat('- 2026-11-28 11:00 UTC In Progress by @alice\n');

const found = (text: string) => doc(text).doc.pseudoHeadings?.map((p) => [p.key, p.name, p.emphasis, p.line + 1]);

describe('pseudo headings (bold or italic lines named like a section)', () => {
  it('are found in the forms wikis export, and nowhere else', () => {
    const at = (line: string) => found(VALID_NORMAL.replace('## Rollback plan', line));
    assert.deepEqual(at('**Rollback plan**'), [['rollback', 'Rollback plan', 'bold', 14]]);
    assert.deepEqual(at('__Backout plan:__'), [['rollback', 'Backout plan', 'bold', 14]]);
    assert.deepEqual(at('*Rollback*:'), [['rollback', 'Rollback', 'italics', 14]]);
    assert.deepEqual(found(VALID_NORMAL.replace('## Status log', '_Status history_')), [
      ['statusLog', 'Status history', 'italics', 19],
    ]);
    // Not a section name, more text than the name, a structured field, two colons, no markers.
    for (const line of ['**Note**', '**Rollback plan** is below', '**Status**', '**Rollback:**:', 'Rollback plan'])
      assert.equal(at(line), undefined, line);
    // A bold line that continues a paragraph or sits in a list item is not one either.
    assert.equal(found(VALID_NORMAL.replace('## Rollback plan\n', 'Steps follow.\n**Rollback plan**\n')), undefined);
    assert.equal(found(VALID_NORMAL.replace('## Rollback plan\n', '- **Rollback plan**\n')), undefined);
  });

  it('start no section: the log under a bold line is not read, on either parsing path', () => {
    const full = analyze(BOLD_LOG, 'changes/x.md');
    assert.equal(full.doc.statusLog, undefined);
    assert.deepStrictEqual(indexDocument(BOLD_LOG, 'changes/x.md').doc, full.doc);
    const options = { config: defaultConfig(), now: NOW };
    assert.deepStrictEqual(
      checkDocument(fastAnalysis(BOLD_LOG, 'changes/x.md'), options),
      checkDocument(full, options),
    );
  });

  it('CM037 names the bold line, and its fix makes it the heading instead of inventing a log', () => {
    const d = check(BOLD_LOG).find((x) => x.code === 'CM037');
    assert.ok(d);
    assert.match(String(d.message), /Line 19 has "Status log" in bold: .* Make it `## Status log`\./);
    const fixes = fixesFor(doc(BOLD_LOG), d, OPTS);
    assert.deepEqual(
      fixes.map((f) => [f.title, f.isPreferred]),
      [['Make line 19 the heading "## Status log"', true]],
    );
    const out = applyEdits(doc(BOLD_LOG).md.lines, fixes[0]!.edits);
    assert.equal(out, BOLD_LOG.replace('**Status log**', '## Status log'), 'only that line changes');
    assert.equal(doc(out).doc.statusLog?.entries.length, 3);
    assert.deepEqual(
      check(out).map((x) => x.code),
      [],
    );
  });

  it('without a bold line CM037 still offers the skeleton', () => {
    const text = editLine(VALID_NORMAL, '- Status:', '- Status: In Progress').replace(/## Status log[\s\S]*$/, '');
    const d = check(text).find((x) => x.code === 'CM037')!;
    assert.match(String(d.message), /Add a `## Status log`/);
    assert.match(fixesFor(doc(text), d, OPTS)[0]!.title, /skeleton/);
  });

  it('CM010 says which line looks like the "see below" section and fixes it; the other fixes stay', () => {
    const text = VALID_NORMAL.replace('## Rollback plan', '**Rollback plan:**');
    const d = check(text).find((x) => x.code === 'CM010');
    assert.ok(d);
    assert.match(String(d.message), /says "see below" .* Line 14 has "Rollback plan" in bold/);
    const fixes = fixesFor(doc(text), d, OPTS);
    assert.equal(fixes[0]!.title, 'Make line 14 the heading "## Rollback plan"');
    const out = applyEdits(doc(text).md.lines, fixes[0]!.edits);
    assert.equal(out, VALID_NORMAL);
  });

  it('a stale diagnostic edits nothing once the line is a heading', () => {
    const d = check(BOLD_LOG).find((x) => x.code === 'CM037')!;
    const fixed = BOLD_LOG.replace('**Status log**', '## Status log');
    assert.deepEqual(fixesFor(doc(fixed), d, OPTS), []);
  });
});
