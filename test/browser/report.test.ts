/**
 * The HTML report (`itsmote report`) in a real browser: Chromium driven by playwright-core (which
 * downloads no browser; set ITSMOTE_CHROMIUM when it is not /usr/bin/chromium). The page must
 * open from file:// with the network cut, filter and sort, keep the hostile-values corpus inert
 * (no script runs, no element injected, no CSP violation), and stay under 1 MB for 1,000 changes.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { generateCorpus } from '../../scripts/bench/corpus';
import { itsmote, NOW, tempTree, validChange } from '../cli/run';
import { HOSTILE_FILES, PWN_MARKERS } from './hostile';

const CHROMIUM =
  process.env.ITSMOTE_CHROMIUM ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

interface Probe {
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** Opens a report offline (every request but the file itself is aborted and recorded). */
async function open(browser: Browser, file: string, hash = ''): Promise<{ page: Page; probe: Probe }> {
  const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
  const probe: Probe = { requests: [], dialogs: [], errors: [] };
  const url = pathToFileURL(file).href;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.split('#')[0] === url) return route.continue();
    probe.requests.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    probe.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => probe.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') probe.errors.push(m.text());
  });
  // Probes set before any page script: CSP violations are recorded, and __pwned must stay undefined.
  await page.addInitScript({
    content:
      "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ': ' + e.sample));",
  });
  await page.goto(url + hash);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
  return { page, probe };
}

/**
 * Evaluates an expression in the page. A string, not a function: this project type-checks tests
 * without the DOM library (so that the core cannot use it by accident).
 */
function js<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** The IDs of the rows shown. */
const visibleIds = (page: Page) =>
  page.$$eval('#changes-table tbody tr:not([hidden]) td.id', (tds) => tds.map((td) => td.textContent ?? ''));

describe('itsmote report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async () => {
    assert.ok(CHROMIUM, 'no Chromium found: install Debian chromium or set ITSMOTE_CHROMIUM to a Chromium binary');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
  });

  describe('the example workspace', () => {
    const out = tempTree({});
    let file: string;
    before(() => {
      file = join(out.dir, 'report.html');
      const r = itsmote(['report', 'examples', '--now', NOW, '-o', file]);
      assert.equal(r.code, 0, r.stderr);
    });
    after(() => out.cleanup());

    it('opens from file:// with no network request, no error, and a strict CSP that its own script and style satisfy', async () => {
      const { page, probe } = await open(browser, file);
      assert.deepEqual(probe.requests, []);
      assert.deepEqual(probe.errors, []);
      assert.deepEqual(await js(page, 'window.__violations'), []);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(
        csp ?? '',
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]{44}'; script-src 'sha256-[A-Za-z0-9+/=]{44}'; img-src 'none'; base-uri 'none'; form-action 'none'$/,
      );
      // The styles applied (the stylesheet passed the CSP): the header rule draws a border.
      assert.notEqual(await js(page, "getComputedStyle(document.querySelector('header')).borderBottomStyle"), 'none');
      assert.equal(await page.textContent('#count'), '14 of 14 changes');
      await page.context().close();
    });

    it('filters by status, type, risk, owner and service, combines them, and resets', async () => {
      const { page } = await open(browser, file);
      await page.selectOption('select[data-filter="status"]', 'Approved');
      assert.deepEqual(await visibleIds(page), ['2026-12-01-upgrade-payments-db', '2026-12-03-edge-proxy-upgrade']);
      assert.equal(await page.textContent('#count'), '2 of 14 changes');
      await page.selectOption('select[data-filter="risk"]', 'High');
      assert.deepEqual(await visibleIds(page), ['2026-12-01-upgrade-payments-db']);
      await page.click('#reset');
      assert.equal((await visibleIds(page)).length, 14);
      await page.selectOption('select[data-filter="type"]', 'Emergency');
      assert.deepEqual(await visibleIds(page), [
        '2026-11-24-emergency-dns-failover',
        '2026-11-28-emergency-checkout-hotfix',
      ]);
      await page.click('#reset');
      await page.selectOption('select[data-filter="owner"]', '@marta');
      assert.deepEqual(await visibleIds(page), [
        '2026-08-12-rotate-edge-tls-certs',
        '2026-10-27-log-retention',
        '2026-12-03-cdn-config-update',
      ]);
      await page.click('#reset');
      // A change with several services is found by each of them.
      await page.selectOption('select[data-filter="services"]', 'edge-proxy');
      assert.deepEqual(await visibleIds(page), [
        '2026-08-12-rotate-edge-tls-certs',
        '2026-12-03-cdn-config-update',
        '2026-12-03-edge-proxy-upgrade',
      ]);
      await page.fill('#search', 'envoy');
      assert.deepEqual(await visibleIds(page), ['2026-12-03-edge-proxy-upgrade']);
      // The filters are in the fragment, so the view can be shared and reopened.
      assert.equal(new URL(page.url()).hash, '#services=edge-proxy&q=envoy');
      await page.context().close();
      const reopened = await open(browser, file, '#status=Planned');
      assert.deepEqual(await visibleIds(reopened.page), [
        '2026-11-28-emergency-checkout-hotfix',
        '2026-12-03-cdn-config-update',
      ]);
      assert.equal(await reopened.page.inputValue('select[data-filter="status"]'), 'Planned');
      await reopened.page.context().close();
    });

    it('sorts by a column, both ways, and marks it with aria-sort', async () => {
      const { page } = await open(browser, file);
      const header = (name: string) => page.locator('#changes-table th', { hasText: name }).locator('button');
      await header('Problems').click();
      let ids = await visibleIds(page);
      assert.equal(
        ids.at(-1),
        '2026-11-20-auth-session-ttl',
        'most problems last when ascending (2 errors, 1 warning)',
      );
      await header('Problems').click();
      ids = await visibleIds(page);
      assert.equal(ids[0], '2026-11-20-auth-session-ttl');
      assert.equal(await page.getAttribute('#changes-table th:nth-child(9)', 'aria-sort'), 'descending');
      assert.equal(await page.getAttribute('#changes-table th:nth-child(1)', 'aria-sort'), null);
      await header('Window').click();
      ids = await visibleIds(page);
      // No window sorts first; then by UTC start.
      assert.equal(ids[0], '2026-11-24-emergency-dns-failover');
      assert.equal(ids.at(-1), '2026-12-03-edge-proxy-upgrade');
      await page.context().close();
    });

    it("shows per-change problems, the dashboard's four charts with the freeze month marked, and the freezes", async () => {
      const { page } = await open(browser, file);
      const row = page.locator('#changes-table tr', { hasText: '2026-11-28-rabbitmq-prefetch' });
      await row.locator('summary').click();
      const problems = await row.locator('li').allTextContents();
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, /^error CM010 3:1 No rollback plan/);
      assert.match(problems[1]!, /^error CM041 8:1 The window falls in the freeze "Black Friday \/ Cyber Monday"/);
      assert.equal(await row.locator('.badge').count(), 1, 'the freeze mark');
      assert.deepEqual(await page.$$eval('svg[data-chart]', (s) => s.map((x) => x.getAttribute('data-chart'))), [
        'cfr',
        'rollback',
        'incidents',
        'mttr',
      ]);
      // The same figures as the dashboard (examples/EXPECTED.md): bars' tooltips carry them.
      assert.deepEqual(
        await page.$$eval('svg[data-chart="cfr"] rect:not(.freeze) title', (t) => t.map((x) => x.textContent)),
        ['2026-08: 50%', '2026-09: 100%', '2026-10: 0%', '2026-11 ❄: 50%'],
      );
      assert.deepEqual(
        await page.$$eval('svg[data-chart="mttr"] rect:not(.freeze) title', (t) => t.map((x) => x.textContent)),
        ['2026-08: 35 min', '2026-11 ❄: 34.5 min'],
      );
      assert.equal(await page.locator('svg[data-chart="cfr"] rect.freeze').count(), 1);
      assert.deepEqual(await page.$$eval('#freezes-table tbody td', (t) => t.map((x) => x.textContent)), [
        'Black Friday / Cyber Monday',
        '2026-11-27 00:00 UTC',
        '2026-12-01 00:00 UTC',
        'in force',
        'checkout*, payments-*, notifications, web-*',
        'Emergency',
        '1',
      ]);
      await page.context().close();
    });
  });

  describe('hostile values', () => {
    const t = tempTree(HOSTILE_FILES);
    let file: string;
    let html: string;
    before(() => {
      file = join(t.dir, 'report.html');
      const r = itsmote([
        'report',
        t.dir,
        '--now',
        NOW,
        '-o',
        file,
        '--title',
        '<img src=x onerror="window.__pwned=1">',
      ]);
      assert.equal(r.code, 0, r.stderr);
      html = readFileSync(file, 'utf8');
    });
    after(() => t.cleanup());

    it('stays inert: no script runs, no dialog, no request, no CSP violation, no element injected', async () => {
      const { page, probe } = await open(browser, file);
      // Hover and open everything a user could: nothing may fire.
      for (const s of await page.$$('summary')) await s.click();
      await page.hover('#changes-table tbody tr');
      assert.equal(await js(page, 'window.__pwned'), undefined);
      assert.equal(await js(page, 'document.body.dataset.pwned'), undefined);
      assert.deepEqual(probe.dialogs, []);
      assert.deepEqual(probe.requests, []);
      assert.deepEqual(probe.errors, []);
      assert.deepEqual(await js(page, 'window.__violations'), [], 'nothing even tried to run');
      const injected = await js(
        page,
        `({
        scripts: document.scripts.length,
        tags: ['img', 'iframe', 'object', 'embed', 'a[href^="javascript"]', 'b:not([class])', 'textarea', 'style:not(head style)', 'link', 'base', 'form'].filter((sel) => document.querySelector(sel) !== null),
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + '@' + a.name)),
        links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => !h || !h.startsWith('#')),
        svgs: [...document.querySelectorAll('svg')].filter((s) => !s.hasAttribute('data-chart')).length,
      })`,
      );
      assert.deepEqual(injected, { scripts: 1, tags: [], handlers: [], links: [], svgs: 0 });
      await page.context().close();
    });

    it('shows every hostile value as the text it is', async () => {
      const { page } = await open(browser, file);
      const cells = await page.$$eval('#changes-table tbody td', (tds) => tds.map((td) => td.textContent ?? ''));
      for (const marker of PWN_MARKERS)
        assert.ok(
          cells.some((c) => c.includes(marker)),
          `shown as text: ${marker}`,
        );
      assert.equal(await page.title(), '<img src=x onerror="window.__pwned=1">');
      // The freeze named with markup is text too.
      assert.match((await page.textContent('#freezes-table tbody')) ?? '', /<script>window\.__pwned=1<\/script>/);
      // A hostile value as a filter, from the select and from the URL.
      const hostileOwner = await page.$$eval('select[data-filter="owner"] option', (o) =>
        o.map((x) => x.value).find((v) => v.includes('onmouseover')),
      );
      assert.ok(hostileOwner);
      await page.selectOption('select[data-filter="owner"]', hostileOwner);
      assert.equal((await visibleIds(page)).length, 1);
      await page.context().close();
      const viaHash = await open(
        browser,
        file,
        `#owner=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}&q=${encodeURIComponent('"><script>window.__pwned=1</script>')}`,
      );
      assert.equal(await js(viaHash.page, 'window.__pwned'), undefined);
      assert.deepEqual(viaHash.probe.errors, []);
      await viaHash.page.context().close();
    });

    it('carries no raw markup from the documents in the HTML source', () => {
      const body = html.slice(html.indexOf('<body>'), html.lastIndexOf('<script>'));
      for (const raw of [
        '<img',
        '<svg onload',
        '<script>window',
        '</textarea',
        '<b>bold',
        'onerror="',
        "onmouseover='",
        '<!--',
      ])
        assert.ok(!body.includes(raw), `raw ${raw} in the page`);
      assert.ok(html.includes('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;'), 'escaped, not dropped');
    });
  });

  describe('1,000 changes', () => {
    const files: Record<string, string> = {
      '.itsmote.json': JSON.stringify({
        freezes: [{ name: 'Holiday freeze', start: '2026-12-20 00:00 UTC', end: '2027-01-04 00:00 UTC' }],
      }),
    };
    for (const d of generateCorpus(1000)) files[`changes/${d.name}`] = d.text;
    const t = tempTree(files);
    let file: string;
    before(() => {
      file = join(t.dir, 'report.html');
      const r = itsmote(['report', t.dir, '--now', NOW, '-o', file]);
      assert.equal(r.code, 0, r.stderr);
    });
    after(() => t.cleanup());

    it('is under 1 MB, opens and filters', async () => {
      const size = statSync(file).size;
      console.log(`      report of 1,000 changes: ${(size / 1024).toFixed(0)} KB`);
      assert.ok(size < 1024 * 1024, `${size} bytes`);
      const { page, probe } = await open(browser, file);
      assert.equal(await page.textContent('#count'), '1000 of 1000 changes');
      await page.selectOption('select[data-filter="status"]', 'Closed');
      const closed = await visibleIds(page);
      assert.ok(closed.length > 0 && closed.length < 1000);
      assert.deepEqual(probe.errors, []);
      await page.context().close();
    });
  });

  it('uses the report of a single valid change too', () => {
    const t = tempTree({ 'changes/one.md': validChange() });
    try {
      const r = itsmote(['report', t.dir, '--now', NOW]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^<!DOCTYPE html>/);
    } finally {
      t.cleanup();
    }
  });
});
