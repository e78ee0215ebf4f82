/**
 * The fast path (core/fast) must agree with the full remark-based analysis: on the benchmark's
 * generated corpus, on every example, on random markdown built from edge-case lines, and on
 * hand-picked constructs. Agreement is checked on the whole model (values, header items and
 * their ranges, status log entries, sections) and on the diagnostics of `checkDocument`.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, CORPUS_NOW } from '../../scripts/bench/corpus';
import { generateRealisticCorpus } from '../../scripts/bench/realistic-corpus';
import { analyze } from '../../server/src/core/model';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import { parseMarkdown } from '../../server/src/core/parse';
import { fastAnalysis, indexDocument } from '../../server/src/core/fast/index';
import { scanBlocks } from '../../server/src/core/fast/scan';
import { fuzzDocuments } from '../helpers/markdown-fuzz';
import { VALID_NORMAL } from '../helpers/doc';

const OPTIONS = { config: defaultConfig(), now: CORPUS_NOW };

/** Asserts that the fast path and the full parse give the same model and diagnostics; returns whether the scan was used. */
function agrees(text: string, path: string): boolean {
  const full = analyze(text, path);
  const indexed = indexDocument(text, path);
  assert.deepStrictEqual(indexed.doc, full.doc, `model differs for ${path} (fast: ${indexed.fast})\n${text}`);
  const fast = fastAnalysis(text, path);
  assert.equal(fast.fast, indexed.fast);
  assert.deepStrictEqual(
    checkDocument(fast, OPTIONS),
    checkDocument(full, OPTIONS),
    `diagnostics differ for ${path}\n${text}`,
  );
  return indexed.fast;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

describe('fast path', function () {
  // Each document is parsed by remark too; a few thousand take seconds on a busy machine.
  this.timeout(180_000);

  it('agrees with the full parse on 1,000 generated change documents, and takes the fast path on most', () => {
    const docs = generateCorpus(1000, { seed: 7 });
    let fast = 0;
    for (const d of docs) if (agrees(d.text, `changes/${d.name}`)) fast++;
    assert.ok(fast / docs.length > 0.95, `only ${fast} of ${docs.length} took the fast path`);
  });

  it('agrees with the full parse on 1,500 realistic documents, and takes the fast path on every one', () => {
    const docs = generateRealisticCorpus(1500, { seed: 12 });
    const fell: string[] = [];
    for (const d of docs)
      if (!agrees(d.text, `changes/${d.name}`)) fell.push(`${d.name}: ${indexDocument(d.text, d.name).reason}`);
    assert.deepEqual(fell, [], 'documents the scan left to remark');
  });

  it('agrees with the full parse on every example', () => {
    const files = markdownFiles(join(__dirname, '../../examples'));
    assert.ok(files.length > 0, 'no examples found');
    for (const f of files) agrees(readFileSync(f, 'utf8'), f);
  });

  it('agrees with the full parse on 2,000 random documents of edge-case lines', () => {
    let fast = 0;
    for (const text of fuzzDocuments(2000, 11, 0.05)) if (agrees(text, 'changes/fuzz.md')) fast++;
    // Enough of them must take the scan for the comparison to test it.
    assert.ok(fast > 400, `only ${fast} random documents took the fast path`);
  });

  describe('constructs it models', () => {
    const sections =
      '\n\n## Rollback plan\n\n1. Step one\n2. Step two\n\n## Status log\n\n- 2026-11-26 10:02 UTC Planned by @alice\n- 2026-11-27 09:15 UTC Approved by @bob\n';
    const cases: Record<string, string> = {
      'the valid example': VALID_NORMAL,
      'CRLF line endings': VALID_NORMAL.replace(/\n/g, '\r\n'),
      'a BOM': '\ufeff' + VALID_NORMAL,
      'a fenced code block': VALID_NORMAL.replace(
        '## Rollback plan\n',
        '## Rollback plan\n\n```bash\nkubectl rollout undo deploy/api\n## not a heading\n```\n',
      ),
      'a tilde fence closed by a longer fence': VALID_NORMAL.replace(
        '## Rollback plan\n',
        '## Rollback plan\n~~~\n## no\n~~~~~\n',
      ),
      'an HTML comment': VALID_NORMAL.replace(
        '## Rollback plan\n',
        '## Rollback plan\n<!-- guidance\n## not a heading -->\n',
      ),
      'a block quote': VALID_NORMAL.replace('## Rollback plan\n', '## Rollback plan\n> quoted\n> ## still quoted\n'),
      'a setext heading': VALID_NORMAL.replace('## Rollback plan\n', 'Rollback plan\n-------------\n'),
      'a thematic break': VALID_NORMAL.replace('## Rollback plan\n', '***\n## Rollback plan\n'),
      'a nested list in a header item': VALID_NORMAL.replace(
        '- Affected services: payments-db, payments-api\n',
        '- Affected services: payments-db, payments-api\n  - primary: eu-west-1\n    more\n',
      ),
      'a lazy continuation line': VALID_NORMAL.replace('- Risk level: High\n', '- Risk level: High\nlazy line\n'),
      'a lazy line in a nested item': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n  - nested\nlazy line\n',
      ),
      'a multi-line value': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n  because it is the database\n',
      ),
      'mixed bullets in the header': VALID_NORMAL.replace('- Status: Approved', '* Status: Approved'),
      'indented code': VALID_NORMAL + '\n## Outcome\n\n    code block\n',
      'bold names and trailing spaces': '# T  \n\n- **Change type:** Normal   \n-   Status: Planned' + sections,
      'a paragraph before the header list': 'Intro text\n- Change type: Normal\n- Status: Planned' + sections,
      'tabs inside text': VALID_NORMAL.replace('checkout is read-only', 'checkout\tis read-only'),
      'a link definition': VALID_NORMAL + '\n[ref]: http://example.com\n',
      'definitions, then text and a header item':
        'See below.\n\n[rb]: https://wiki/x "Runbook"\n[dash]: <https://g/d x> (t)\n  text after\n- Change type: Normal\n- Status: Planned\n',
      'a definition before the header list': '[ref]: http://example.com\n- Change type: Normal\n- Status: Planned\n',
      'definitions and a footnote':
        VALID_NORMAL +
        '\nSee [rb].[^1]\n\n[rb]: https://wiki/x\n[dash]: https://g/d "Dashboard"\n\n[^1]: Agreed with the DBA.\n',
      'a task list': VALID_NORMAL.replace(
        '## Rollback plan\n',
        '## Verification plan\n\n- [ ] error rate\n  - [x] nested\n- [x] p99\n\n## Rollback plan\n',
      ),
      'a table': VALID_NORMAL.replace(
        '## Rollback plan\n',
        '## Verification\n\n| signal | threshold |\n| --- | --- |\n| 5xx | < 0.5% |\n\n## Rollback plan\n',
      ),
      'raw HTML': VALID_NORMAL + '\n<div>x</div>\n',
      'a details block': VALID_NORMAL + '\n<details>\n<summary>Commands</summary>\n\n- step\n\n</details>\n',
      'HTML that cannot interrupt a paragraph': VALID_NORMAL.replace(
        '## Rollback plan\n',
        'text\n<span>\nmore\n\n<span>\n\n## Rollback plan\n',
      ),
      'an autolink at a line start': VALID_NORMAL + '\n<https://example.com>\n',
      'a fence inside a list item': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n  ```\n  x\n\n  ```\n',
      ),
      'a fence in a numbered step': VALID_NORMAL.replace(
        '1. Point',
        '1. Stop\n\n   ```bash\n   kubectl rollout undo\n   ```\n\n2. Point',
      ),
      'a comment inside a list item': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n  <!-- Low / Medium / High -->\n',
      ),
      'a comment over lines inside a list item': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n  <!-- Low\n\n  High -->\n  more\n',
      ),
      'a comment between header items': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n<!-- keep this order -->\n',
      ),
      'an indented comment block': VALID_NORMAL.replace(
        '## Rollback plan\n',
        '  <!-- hint\n  more -->\n## Rollback plan\n',
      ),
      'a tab after the bullet': VALID_NORMAL.replace(/^- /gm, '-\t'),
      'a tab after the bullet, then a comment': VALID_NORMAL.replace(/^- /gm, '-\t').replace(
        '-\tRisk level: High\n',
        '-\tRisk level: High\n  <!-- note -->\n',
      ),
      'a numbered list after a bullet list': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n2. second\n',
      ),
      'a number that cannot interrupt a paragraph': VALID_NORMAL + '\nWe did\n2. this\n',
      'a heading in a list item, then a line that is not lazy': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n  # heading\nnot lazy\n',
      ),
      'a numbered list after a heading': VALID_NORMAL + '\n## Steps\n3. three\n4. four\n',
      'an empty document': '',
      'only a BOM': '\ufeff',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: scans and agrees`, () =>
        assert.equal(agrees(text, 'changes/case.md'), true, `full parse was used for ${name}`));
    }
  });

  describe('constructs it leaves to remark', () => {
    const cases: Record<string, string> = {
      'a tab in indentation': VALID_NORMAL.replace('- Risk level: High\n', '- Risk level: High\n\tmore\n'),
      'an unclosed fence': VALID_NORMAL + '\n```\ncode\n',
      'a definition under a setext underline': VALID_NORMAL + '\n[ref]: http://example.com\ntext\n---\n',
      'a definition whose title is on the next line': VALID_NORMAL + '\n[ref]: http://example.com\n"title"\n',
      'a definition with an escape': VALID_NORMAL + '\n[re\\]f]: http://example.com\n',
      'a fence its list item does not close': VALID_NORMAL.replace(
        '- Risk level: High\n',
        '- Risk level: High\n  ```\n  x\n- Next: item\n',
      ),
      'an empty comment': VALID_NORMAL + '\n<!-->\n',
      'a quote with a lazy numbered line': VALID_NORMAL + '\n> quoted\n2. lazy\n',
      'indented code, then a whitespace line': VALID_NORMAL + '\n## Outcome\n\n    code\n      \n## Follow-ups\n',
      'a lone CR': VALID_NORMAL.replace(/\n/g, '\r'),
      'a NUL character': VALID_NORMAL + '\0',
      'a second BOM': '\ufeff\ufeff' + VALID_NORMAL,
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: falls back and agrees`, () =>
        assert.equal(agrees(text, 'changes/case.md'), false, `the scan claimed ${name}`));
    }
  });

  it('reads line starts (headings, bullets, numbers, breaks) as remark does, with and without tabs in the document', () => {
    const starts = [
      ...['#', '# x', '#x', '###### x', '####### x', '###### ', '## #', '#\tx'],
      ...['-', '- x', '-x', '-    x', '-     x', '+ x', '* x', '**bold**', '*', '+', '- - -', '-- -x', '---', '--- x'],
      ...['***', '* * *', '_ _ _', '___', '__x__', '_', '- *', '-   -   -', '=', '==='],
      ...[
        '1. x',
        '1)x',
        '1) x',
        '1.',
        '1.  ',
        '01. x',
        '123456789. x',
        '1234567890. x',
        '7. x',
        '1.x',
        '1:x',
        '2026-11-28 x',
      ],
    ];
    let cases = 0;
    for (const line of starts)
      for (const before of ['', 'Some text\n', '- item\n', '- item\n  ', '1. item\n   '])
        for (const tab of ['', '\nA\ttab.\n']) {
          agrees(`${VALID_NORMAL}\n${before}${line}\nafter\n${tab}`, 'changes/case.md');
          cases++;
        }
    assert.ok(cases > 400);
  });

  it('never throws, whatever the input', () => {
    const hostile = [
      '\ud800',
      '\udc00# x',
      '- \ud83d',
      '#'.repeat(10_000),
      '- a\n'.repeat(5_000),
      ' '.repeat(100) + '\n',
      '\r\n\r\n',
      '\ufeff\ufeff- a: b',
      '```\n',
      '<!--',
      '- a:\n  ```\n',
    ];
    for (const text of hostile) {
      assert.doesNotThrow(() => scanBlocks(text, 0));
      agrees(text, 'changes/hostile.md');
    }
  });

  it('checks without parsing the tree when no suppression comment is written', () => {
    const a = fastAnalysis(VALID_NORMAL, 'changes/x.md');
    let parsed = false;
    const probe = Object.create(a, { md: { get: () => ((parsed = true), a.md) } }) as typeof a;
    checkDocument(probe, OPTIONS);
    assert.equal(parsed, false, 'checkDocument read the mdast');
  });

  it('reads suppression directives without the tree, and ignores those in code as the tree does', () => {
    const directive = '<!-- itsmote-disable CM013 -- no users -->';
    const plain = VALID_NORMAL.replace(
      '- Expected user impact: checkout is read-only for up to 2 minutes\n',
      `${directive}\n- Expected user impact: TBD\n`,
    );
    const cases = {
      [`plain: ${directive}`]: [plain, false],
      'in an item fence': [
        VALID_NORMAL.replace(
          '- Expected user impact: checkout is read-only for up to 2 minutes\n',
          `- Expected user impact: TBD\n  \`\`\`\n  ${directive}\n  \`\`\`\n`,
        ),
        false,
      ],
      'in a top-level fence': [
        `\`\`\`\n${directive}\n\`\`\`\n\n${VALID_NORMAL.replace(': checkout is read-only for up to 2 minutes', ': TBD')}`,
        false,
      ],
      'in inline code': [
        VALID_NORMAL.replace(': checkout is read-only for up to 2 minutes', `: TBD \`${directive}\``),
        true,
      ],
    } as const;
    for (const [name, [text, needsTree]] of Object.entries(cases)) {
      const a = fastAnalysis(text, 'changes/x.md');
      let parsed = false;
      const probe = Object.create(a, { md: { get: () => ((parsed = true), a.md) } }) as typeof a;
      const ds = checkDocument(probe, OPTIONS);
      assert.deepStrictEqual(ds, checkDocument(analyze(text, 'changes/x.md'), OPTIONS), name);
      assert.equal(parsed, needsTree, `${name}: the tree was ${parsed ? '' : 'not '}read`);
    }
    assert.ok(
      !checkDocument(fastAnalysis(plain, 'changes/x.md'), OPTIONS).some((d) => d.code === 'CM013'),
      'the plain directive applies',
    );
  });

  it('gives a real mdast on demand, parsed only when read', () => {
    const a = fastAnalysis(VALID_NORMAL, 'changes/x.md');
    assert.equal(a.fast, true);
    assert.deepStrictEqual(a.md.root, parseMarkdown(VALID_NORMAL).root);
    assert.equal(a.md, a.md, 'the tree is parsed once');
  });
});
