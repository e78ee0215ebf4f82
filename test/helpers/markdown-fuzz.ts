/**
 * Random markdown assembled from line shapes that sit on CommonMark's edges (setext vs thematic,
 * lazy lines, list indentation, fences, comments, tabs, CRLF, BOM...). The fast-path test uses
 * it to look for documents where the line scan and remark disagree.
 */
import { prng } from '../../scripts/bench/corpus';

const LINES = [
  '# Title',
  '# Title with *emphasis* and `code` #',
  '#',
  '## Status log',
  '## Rollback plan',
  '## Status  Log ##',
  '### Details',
  '  ## Indented heading',
  '####### seven',
  '#hashtag',
  'Summary',
  'Plain text with `code` and **bold**',
  '-------',
  '---',
  '--',
  '-',
  '===',
  '***',
  '* * *',
  '___',
  '- - -',
  '- Change type: Normal',
  '* Status: Planned',
  '+ Owner: @alice',
  '- **Owner:** @bob',
  '- Risk level: **High**',
  '- Status: Approved  ',
  '- Rollback plan: see below',
  '- Planned execution time: 2026-12-01 14:00 UTC, 60 min',
  '-  Affected services: a, b',
  '-     five spaces',
  '- 2026-11-26 10:02 UTC Planned by @alice',
  '- 2026-11-27 09:15 UTC Approved by @bob',
  '* 2026-12-01 14:02 UTC In Progress by @alice',
  '- 12/14/2026 2pm In Progress',
  '1. step one',
  '2. step two',
  '1) paren',
  '10. ten',
  '0. zero',
  '  continuation',
  '   three spaces',
  '    code line',
  '      six spaces',
  '',
  '',
  '',
  '  ',
  '\t',
  '\tindented by tab',
  '- item\twith tab',
  '-\ttab item',
  '```',
  '```bash',
  '~~~',
  '````',
  '``` not `fence`',
  '<!-- comment -->',
  '<!-- open',
  'close -->',
  '<div>',
  '<br>',
  '> quote',
  '>',
  '> - quoted item',
  '[ref]: http://example.com',
  '[link](http://x) text',
  '- [x] task',
  '  - nested: item',
  '    - deeper',
  '  1. nested ordered',
  '- ',
  '| a | b |',
  '\u00a0nbsp start',
  ' - one space item',
  '   - three space item',
  '  * nested star',
  'text \\',
  '- Verification plan: checks',
  '  and more checks',
  'lazy line',
  '## Outcome',
  '## Follow-ups',
  '- Outcome:',
  '-\u00a0nbsp item',
  // Real-world shapes (issue 12): comments and fences inside items, HTML blocks, task items, footnotes, tab bullets.
  '  <!-- in item -->',
  '  <!-- open in item',
  '  ```',
  '   ```bash',
  '<details>',
  '</details>',
  '<summary>x</summary>',
  '<span>',
  '1.\ttab ordered',
  '- [ ] task item',
  '  - [x] nested task',
  '[^1]: footnote text',
  '<https://example.com>',
  '| --- | --- |',
  '<!-- itsmote-disable CM013 -- reason -->',
  '  <!-- itsmote-disable-next-line CM002 -- r -->',
  'text `<!-- itsmote-enable -->`',
  '- Risk level: High <!-- itsmote-disable-line CM014 -- r -->',
];

/** Shapes the fast path models; the rest of LINES make it give up, so they are drawn less often. */
const COMMON = LINES.filter((l) => !/^(\t|```|~~~|<|>|\[|\||-\t|-     |- $|-$|===|--$)|\t/.test(l));

/**
 * Random documents of 1-30 lines; some use CRLF or start with a BOM. `edgeRate` is the share of
 * lines drawn from every shape rather than from those the fast path handles.
 */
export function fuzzDocuments(n: number, seed: number, edgeRate = 0.1): string[] {
  const rand = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const count = 1 + Math.floor(rand() * 30);
    const lines = Array.from({ length: count }, () => {
      const pool = rand() < edgeRate ? LINES : COMMON;
      return pool[Math.floor(rand() * pool.length)]!;
    });
    const r = rand();
    let text = lines.join(r < 0.1 ? '\r\n' : '\n') + (rand() < 0.7 ? '\n' : '');
    if (rand() < 0.05) text = '\ufeff' + text;
    out.push(text);
  }
  return out;
}
