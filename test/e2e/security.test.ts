/**
 * Hostile document text in the real editor: titles, owners and services written as HTML,
 * `</script>`, `command:` and `javascript:` links, RTL overrides and a 10,000-character value.
 * The Changes tree's tooltips must show them as text (an untrusted MarkdownString without HTML,
 * every markup character escaped), and the dashboard page must carry none of them in its HTML
 * and keep its strict CSP. (The page writes metrics with textContent; a DOM-level check of the
 * webview would belong to the Playwright UI checks.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChangesNode } from '../../client/src/changes/tree';
import { api, until, workspaceRoot } from './helpers';

const LONG = 'A'.repeat(10_000);
const TITLE = '<img src=x onerror="document.body.dataset.pwned=1"> </script><script>alert(1)</script> \u202Egnp.exe';
const FILE = '<svg onload=alert(1)>';
const HOSTILE = `# ${TITLE}

- Change type: Normal
- Change Owner: [click me](command:workbench.action.quit) \u202Eevil
- Affected services: javascript:alert(1), <b>bold</b>, ![x](https://evil.example/t.png), ${LONG}
- Risk level: High
- Status: In Progress
- Planned execution time: 2026-11-20 10:00 UTC, 60 min
- Rollback plan: <a href="javascript:alert(1)">undo</a>
- Verification plan: error rate flat
- Expected user impact: none
- Approval (if required): [approve](command:itsmote.advanceStatus), 2026-11-19
- Caused incidents: INC-77<img src=x onerror=alert(1)>

## Status log

- 2026-11-19 10:00 UTC Planned by @alice
- 2026-11-19 11:00 UTC Approved by @bob
- 2026-11-20 10:00 UTC In Progress by @alice
`;

/** Strings that must never reach a tooltip or the page unescaped. */
const RAW_MARKUP = [/<(img|script|svg|a|b)\b/i, /<\/script/i, /(?<!\\)\]\((command|javascript|https?):/i, /(?<!\\)!\[/];

function changeNodes(a: Awaited<ReturnType<typeof api>>): ChangesNode[] {
  return a.changesTree.getChildren().flatMap((g) => a.changesTree.getChildren(g));
}

describe('security: hostile document text in the tree and the dashboard', () => {
  const uri = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'changes', `${FILE}.md`);

  before(async () => {
    const a = await api();
    const listed = until(
      'the hostile change in the tree',
      () => a.changesTree.snapshot.changes.find((c) => c.id === FILE),
      [a.changesTree.onDidRefresh],
      30_000,
    );
    await vscode.workspace.fs.writeFile(uri(), Buffer.from(HOSTILE, 'utf8'));
    await listed;
  });
  after(async () => {
    await vscode.workspace.fs.delete(uri()).then(undefined, () => undefined);
  });

  it('shows hostile titles, owners and services in tooltips as inert text: not trusted, no HTML, no links', async () => {
    const a = await api();
    const node = changeNodes(a).find((n) => n.kind === 'change' && n.change.id === FILE);
    assert.ok(node, 'the hostile change has a node');
    const item = a.changesTree.getTreeItem(node);
    assert.equal(typeof item.label, 'string', 'the label is plain text');
    assert.equal(typeof item.description, 'string', 'the description is plain text');
    const tip = item.tooltip;
    assert.ok(tip instanceof vscode.MarkdownString);
    assert.ok(!tip.isTrusted, 'no command links can run from the tooltip');
    assert.ok(!tip.supportHtml, 'HTML is not rendered');
    for (const re of RAW_MARKUP) assert.doesNotMatch(tip.value, re);
    // The text is still there, escaped, so the user sees what the document says.
    // (VS Code's appendText also turns spaces into &nbsp;.)
    assert.match(tip.value, /&lt;img(&nbsp;| )src=x(&nbsp;| )onerror=/);
    assert.match(tip.value, /\\\[click(&nbsp;| )me\\\]\\\(command:workbench\.action\.quit\\\)/);
    assert.ok(tip.value.includes(LONG), 'the 10,000-character value is shown, not dropped');
  });

  it('keeps the dashboard page free of document text, with a CSP that allows only its nonce script and its own files', async () => {
    const a = await api();
    const rendered = until(
      'the dashboard drawn with the hostile change',
      () => a.dashboard.lastRender && a.dashboard.lastRender.tableRows > 0 && a.dashboard.lastRender,
      [a.dashboard.onDidRender],
      30_000,
    );
    await a.dashboard.show();
    await rendered;
    // The panel is private to the dashboard; the test only reads the HTML it was given.
    const panel = (a.dashboard as unknown as { panel?: vscode.WebviewPanel }).panel;
    assert.ok(panel, 'the dashboard panel is open');
    const html = panel.webview.html;
    for (const s of ['onerror', 'alert(1)', 'javascript:', 'command:', 'evil', FILE])
      assert.ok(!html.includes(s), `the page HTML carries no "${s}"`);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'the page has a CSP');
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k!, v]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    const script = directives.get('script-src') ?? [];
    assert.equal(script.length, 1);
    assert.match(script[0]!, /^'nonce-[A-Za-z0-9+/=]{16,}'$/);
    for (const k of ['img-src', 'style-src', 'font-src'])
      assert.equal(directives.get(k)?.join(' '), panel.webview.cspSource, `${k} is the webview's own origin only`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.)|data:|http:/);
    const nonce = script[0]!.slice("'nonce-".length, -1);
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(
      tags.length > 0 && tags.every((t) => t.includes(`nonce="${nonce}"`)),
      'every script tag carries the nonce',
    );
  });
});
