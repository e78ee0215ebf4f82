// The web extension in code-server's web worker extension host (the browser entry only: the
// copy run.sh loads has no `main`, as an extension used with its `browser` entry alone), on a
// copy of examples/ served as `vscode-remote:` files: the language server starts in a Web
// Worker, the Changes view and a diagnostic appear, and Advance Status moves a Planned change to
// Approved with the author asked once (no git in the browser). Every wait is on DOM state.
//   node test/e2e-web/web-host.mjs BASE_URL EXTENSION_DIR WORKSPACE RESULTS_DIR
import { join } from 'node:path';
import { workbenchUrl } from '../../.ci/e2e/workbench-url.mjs';
import { changesPane, launchChromium, runCommand, showChangesView, T, writeSummary } from '../../.ci/e2e/workbench.mjs';

const [base, ext, ws, results] = process.argv.slice(2);
if (!results) throw new Error('usage: web-host.mjs BASE_URL EXTENSION_DIR WORKSPACE RESULTS_DIR');

const CHECKS = [
  {
    name: 'the Changes view shows the tree and the Problems panel a diagnostic',
    async run(page) {
      await showChangesView(page);
      const view = changesPane(page);
      for (const text of ['In Progress', 'Upgrade payments-db to PostgreSQL 16']) {
        await view.locator('.monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible', timeout: T });
      }
      await runCommand(page, 'View: Focus Problems');
      await page
        .locator('.markers-panel .monaco-list-row', { hasText: /CM012/ })
        .first()
        .waitFor({ state: 'visible', timeout: T });
    },
  },
  {
    name: 'the language server runs in a Web Worker and indexes the workspace through the editor',
    async run(page) {
      await runCommand(page, 'ITSMote: Show Language Server Output');
      // The output channel's text (its lines are virtualised view-lines: read the panel's text).
      const logged = (re) =>
        page.waitForFunction(
          (src) => new RegExp(src).test(document.querySelector('.part.panel')?.textContent ?? ''),
          re.source,
          { timeout: T },
        );
      await logged(/started\sfor\scode-server[^(]*\(Web\sWorker\)/);
      await logged(/indexed\s14\schange\sdocuments/);
    },
  },
  {
    name: 'Advance Status to Approved asks for the author once (no git) and writes the log entry',
    async run(page) {
      const view = changesPane(page);
      // The document opened from the tree, then the command on the active editor.
      await view.locator('.monaco-list-row', { hasText: 'Update CDN cache rules' }).first().click({ timeout: T });
      await page.locator('.tab.active', { hasText: '2026-12-03-cdn-config-update.md' }).first().waitFor({ timeout: T });
      await runCommand(page, 'ITSMote: Advance Status');
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Approved' }).first().waitFor({ timeout: T });
      await input.fill('Approved');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Approved' }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      // No itsmote.author and no git: the question says why, once.
      await page.locator('.quick-input-widget', { hasText: /no git in the browser/ }).waitFor({ timeout: T });
      await input.fill('@reviewer');
      await page.keyboard.press('Enter');
      await page
        .locator('.view-line', { hasText: /Status:\sApproved/ })
        .first()
        .waitFor({ timeout: T });
      await page
        .locator('.view-line', { hasText: /UTC\sApproved\sby\s@reviewer/ })
        .first()
        .waitFor({ timeout: T });
      await view
        .locator('.monaco-list-row', { hasText: /^Approved\s*3$/ })
        .first()
        .waitFor({ timeout: T });
    },
  },
];

const started = Date.now();
const browser = await launchChromium();
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(workbenchUrl(base, ext, ws, { openFile: join(ws, 'changes', '2026-11-20-auth-session-ttl.md') }));
  await page.locator('.monaco-workbench').waitFor({ timeout: T });
  for (const check of CHECKS) {
    try {
      await check.run(page);
      console.log(`  ok    ${check.name}`);
    } catch (e) {
      failed++;
      console.log(`  FAIL  ${check.name}\n        ${e instanceof Error ? e.message.split('\n')[0] : e}`);
      await page.screenshot({ path: join(results, `web-host-failure-${failed}.png`) }).catch(() => {});
    }
  }
  await page.screenshot({ path: join(results, 'web-host.png') }).catch(() => {});
} finally {
  await browser.close();
}
console.log(`web worker host: ${CHECKS.length - failed} passed, ${failed} failed`);
writeSummary('web-host', { passed: CHECKS.length - failed, failed, ms: Date.now() - started });
process.exit(failed ? 1 : 0);
