import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { parseConfig } from '../../server/src/core/config';
import { computeMetrics } from '../../server/src/core/metrics';
import { METRIC_CHARTS } from '../../server/src/core/metric-charts';
import { esc } from '../../server/src/core/report/escape';
import { renderReport } from '../../server/src/core/report/page';
import { barChartSvg } from '../../server/src/core/report/svg-chart';
import { summarize } from '../../server/src/core/summary';
import { check, doc, editLine, VALID_NORMAL } from '../helpers/doc';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('base64');

describe('HTML report page (core/report)', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    assert.equal(
      esc(`<a href="x" title='y'>&amp;</a> ü`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; ü',
    );
  });

  it('allows exactly its inline style and script by hash, and keeps `</script` out of the script element', () => {
    const text = editLine(VALID_NORMAL, '- Affected services:', '- Affected services: <b>x</b>');
    const html = renderReport(
      {
        title: 'T',
        generatedAt: Date.UTC(2026, 10, 28, 12),
        version: '9',
        sources: ['<src>'],
        changes: [{ file: 'changes/a.md', summary: summarize(doc(text).doc, check(text)), problems: [] }],
        months: [],
        freezes: [],
      },
      { script: 'console.log("</SCRIPT><img>")', sha256Base64: sha },
    );
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.equal(script, 'console.log("<\\/SCRIPT><img>")');
    assert.ok(html.includes(`style-src 'sha256-${sha(style)}'`));
    assert.ok(html.includes(`script-src 'sha256-${sha(script)}'`));
    assert.equal(html.match(/<script/g)!.length, 1);
    assert.ok(html.includes('<td class="svc">&lt;b&gt;x&lt;/b&gt;</td>'));
    assert.ok(html.includes('<option value="&lt;b&gt;x&lt;/b&gt;">&lt;b&gt;x&lt;/b&gt;</option>'));
    assert.ok(html.includes('from &lt;src&gt;.'));
    assert.ok(!/ style="/.test(html), 'no style attributes (the CSP would block them)');
  });

  it('draws the dashboard charts with the same values, freeze months shaded', () => {
    const executed = editLine(
      editLine(VALID_NORMAL, '- Status:', '- Status: In Progress'),
      '- 2026-11-27 09:15 UTC Approved by @bob',
      '- 2026-11-27 09:15 UTC Approved by @bob\n- 2026-11-28 09:00 UTC In Progress by @alice',
    );
    const months = computeMetrics([doc(executed).doc]);
    const freezes = parseConfig(
      JSON.stringify({ freezes: [{ name: 'F', start: '2026-11-27 00:00', end: '2026-11-29 00:00' }] }),
    ).config.freezes;
    const svg = barChartSvg(METRIC_CHARTS[0]!, months, new Map([['2026-11', ['F']]]));
    assert.match(svg, /<rect class="freeze"[^>]*><title>2026-11: freeze F<\/title><\/rect>/);
    assert.match(svg, /<title>2026-11 ❄: 0%<\/title>/);
    assert.equal(freezes.length, 1);
  });
});
