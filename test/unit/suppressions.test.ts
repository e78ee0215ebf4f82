/** Suppression comments: next-line, line and block forms, rule keys, reasons, code examples, set rules. */
import { strict as assert } from 'node:assert';
import { checkDocument, checkSetRules } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import { applySuppressions, readSuppressions } from '../../server/src/core/suppressions';
import { RULES } from '../../server/src/core/rules/index';
import { check, doc, editLine, NOW, VALID_NORMAL } from '../helpers/doc';

const noImpact = editLine(VALID_NORMAL, '- Expected user impact', null);
/** Standard, Medium risk, no impact: CM013 and CM014 fire (on the header's first line and the Risk item). */
const standardMedium = editLine(
  editLine(noImpact, '- Change type', '- Change type: Standard'),
  '- Risk level',
  '- Risk level: Medium',
);
const codesOf = (text: string) => check(text).map((d) => String(d.code));
const before = (text: string, prefix: string, comment: string) =>
  editLine(text, prefix, `${comment}\n${text.split('\n').find((l) => l.startsWith(prefix))}`);

describe('suppressions', () => {
  it('the unsuppressed document has CM013 and CM014 (baseline)', () => {
    assert.deepEqual(codesOf(standardMedium).sort(), ['CM013', 'CM014']);
  });

  it('disable-next-line with a reason hides only the named rule on the next line', () => {
    const text = before(
      standardMedium,
      '- Change type',
      '<!-- itsmote-disable-next-line CM013 -- internal batch job, no users -->',
    );
    assert.deepEqual(codesOf(text), ['CM014']);
  });

  it('disable-next-line between header items hides the item below it, skipping lines of other comments (SPEC section 8)', () => {
    const placeholder = editLine(standardMedium, '- Risk level', '- Risk level: Medium\n- Expected user impact: TBD');
    const direct = before(
      placeholder,
      '- Expected user impact',
      '<!-- itsmote-disable-next-line CM013 -- internal batch job -->',
    );
    assert.deepEqual(codesOf(direct), ['CM014']);
    const throughComments = before(
      placeholder,
      '- Expected user impact',
      '<!-- itsmote-disable-next-line CM013 -- internal batch job -->\n<!-- fill in before the CAB -->\n<!-- two\nlines -->',
    );
    assert.deepEqual(codesOf(throughComments), ['CM014']);
    assert.equal(
      readSuppressions(doc(throughComments), RULES)[0]!.nextLine,
      throughComments.split('\n').findIndex((l) => l.startsWith('- Expected user impact')),
    );
    // A blank line is a line: the directive then applies to it, and hides nothing.
    const blank = before(
      placeholder,
      '- Expected user impact',
      '<!-- itsmote-disable-next-line CM013 -- internal batch job -->\n',
    );
    assert.deepEqual(codesOf(blank).sort(), ['CM013', 'CM014']);
  });

  it('accepts rule names, several keys separated by commas or spaces, any case', () => {
    const text = before(
      standardMedium,
      '- Change type',
      '<!-- itsmote-disable-next-line impact-missing,cm014 -- see RFC-42 -->',
    );
    // CM014 is on the Risk item, not the next line: still reported.
    assert.deepEqual(codesOf(text), ['CM014']);
    const both = editLine(
      standardMedium,
      '- Risk level',
      '- Risk level: Medium <!-- itsmote-disable-line CM014 standard-not-low-risk -- vendor window -->',
    );
    assert.deepEqual(codesOf(both), ['CM013']);
  });

  it('disable ... enable covers the lines between; enable with IDs re-enables only those', () => {
    const block = before(standardMedium, '- Change type', '<!-- itsmote-disable -- migration of legacy records -->');
    assert.deepEqual(codesOf(block), []);
    const reenabled = editLine(block, '- Status', '  <!-- itsmote-enable CM014 -->\n- Status: Approved');
    // The enable comes after the Risk item (CM014 stays hidden) ...
    assert.deepEqual(codesOf(reenabled), []);
    const early = editLine(block, '- Change Owner', '  <!-- itsmote-enable CM014 -->\n- Change Owner: @alice');
    // ... but before it, CM014 is back while CM013 (line of Change type, before the enable) stays hidden.
    assert.deepEqual(codesOf(early), ['CM014']);
  });

  it('a disable for one rule does not hide others; an enable without IDs ends it', () => {
    const text = before(standardMedium, '- Change type', '<!-- itsmote-disable CM014 -- agreed with the CAB -->');
    assert.deepEqual(codesOf(text), ['CM013']);
    const ended = editLine(text, '- Change Owner', '  <!-- itsmote-enable -->\n- Change Owner: @alice');
    assert.deepEqual(codesOf(ended).sort(), ['CM013', 'CM014']);
  });

  it('a suppression without a reason still applies but is CM007 (warning) on the comment', () => {
    const text = before(standardMedium, '- Change type', '<!-- itsmote-disable-next-line CM013 -->');
    const ds = check(text);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['CM007', 'CM014'],
    );
    const cm007 = ds[0]!;
    assert.equal(cm007.severity, 2);
    assert.deepEqual(cm007.range.start, { line: 2, character: 0 });
    assert.match(String(cm007.message), /gives no reason/);
  });

  it('an unknown rule key is CM007 with a did-you-mean, and suppresses nothing (not all rules)', () => {
    const text = before(standardMedium, '- Change type', '<!-- itsmote-disable CM0133 -- typo -->');
    const ds = check(text);
    assert.deepEqual(ds.map((d) => d.code).sort(), ['CM007', 'CM013', 'CM014']);
    assert.match(String(ds.find((d) => d.code === 'CM007')!.message), /"CM0133" is not a rule.*Did you mean "CM013"/);
  });

  it('CM007 cannot be suppressed by a blanket disable', () => {
    const text = before(standardMedium, '- Change type', '<!-- itsmote-disable -->');
    assert.deepEqual(codesOf(text), ['CM007']);
  });

  it('directives inside code are examples, not directives', () => {
    const text = `${standardMedium}\n## Notes\n\n\`\`\`markdown\n<!-- itsmote-disable -->\n\`\`\`\n\nInline: \`<!-- itsmote-disable -->\`\n`;
    assert.deepEqual(readSuppressions(doc(text), RULES), []);
    assert.deepEqual(codesOf(text).sort(), ['CM013', 'CM014']);
  });

  it('reads kind, rules, reason and the comment range', () => {
    const comment = '<!-- itsmote-disable-next-line CM013, approvers-many -- see RFC-42 -->';
    const text = `# T\n\n${comment}\n- Change type: Normal\n`;
    const [s] = readSuppressions(doc(text), RULES);
    assert.deepEqual(s, {
      kind: 'disable-next-line',
      rules: ['CM013', 'CM022'],
      unknown: [],
      reason: 'see RFC-42',
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: comment.length } },
      nextLine: 3,
    });
  });

  it('applies to the set rule CM040 and reports which directive suppressed what', () => {
    const a = doc(VALID_NORMAL, 'changes/a.md');
    const quiet = editLine(
      VALID_NORMAL,
      '- Planned execution time',
      '- Planned execution time: 2026-12-01 14:00 UTC, 60 min <!-- itsmote-disable-line CM040 -- same team, run together -->',
    );
    const b = doc(quiet, 'changes/b.md');
    const opts = { config: defaultConfig(), now: NOW };
    const set = checkSetRules(
      [
        { key: 'a', analysis: a },
        { key: 'b', analysis: b },
      ],
      opts,
    );
    assert.equal(set.get('a')!.length, 1);
    assert.deepEqual(set.get('b'), []);
    const raw = checkSetRules(
      [
        { key: 'a', analysis: a },
        { key: 'b', analysis: b },
      ],
      { ...opts, suppressions: false },
    );
    const r = applySuppressions(b, raw.get('b')!, RULES);
    assert.equal(r.kept.length, 0);
    assert.equal(r.suppressed.length, 1);
    assert.equal(r.suppressed[0]!.by.reason, 'same team, run together');
  });

  it('suppressions: false gives every diagnostic (for reports)', () => {
    const text = before(standardMedium, '- Change type', '<!-- itsmote-disable -- legacy -->');
    const all = checkDocument(doc(text), { config: defaultConfig(), now: NOW, suppressions: false });
    assert.deepEqual(all.map((d) => d.code).sort(), ['CM013', 'CM014']);
  });

  it('an unterminated comment is no directive, and nothing throws', () => {
    const text = `${standardMedium}\n<!-- itsmote-disable CM013 -- never closed\n`;
    assert.deepEqual(readSuppressions(doc(text), RULES), []);
    assert.deepEqual(codesOf(text).sort(), ['CM013', 'CM014']);
  });

  it('a headerless document: CM001 can be suppressed, but never without a trace', () => {
    assert.deepEqual(codesOf('# How to write a change\n'), ['CM001']);
    // CM001 sits on line 0: a comment on that line covers it, a block disable starts after it.
    assert.deepEqual(
      codesOf('<!-- itsmote-disable-line CM001 -- a how-to, not a change -->\n# How to write a change\n'),
      [],
    );
    assert.deepEqual(codesOf('<!-- itsmote-disable CM001 -- a how-to -->\n# How to write a change\n'), ['CM001']);
    assert.deepEqual(codesOf('<!-- itsmote-disable-line -->\n# How to write a change\n'), ['CM007']);
  });
});
