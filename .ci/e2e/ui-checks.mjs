// Playwright checks of what only the workbench DOM shows, on a fresh copy of the example
// workspace with the extension under development: the Changes tree rendered in the sidebar, a
// diagnostic in the Problems panel, the dashboard's charts. Each check saves a screenshot
// (docs/images/) when it passes and a failure shot (test-results/e2e/) when it does not.
// Every wait is on DOM state with a timeout.
import { join } from 'node:path';
import { changesPane, frameWith, runCommand, showChangesView, T } from './workbench.mjs';
import { POLISH_CHECKS } from './ui-checks-polish.mjs';

const CHECKS = [
  {
    name: 'the first screen of `npm run editor` is the product: Changes view, a faulty change, its problems; no Welcome, Chat or Restricted Mode',
    shot: 'first-screen.png',
    async run(page) {
      // Nothing is clicked: this is what the page shows by itself.
      const view = changesPane(page);
      await view
        .locator('.monaco-list-row', { hasText: 'Shorten auth session lifetime' })
        .first()
        .waitFor({ state: 'visible', timeout: T });
      await page.locator('.tab.active', { hasText: '2026-11-20-auth-session-ttl.md' }).first().waitFor({ timeout: T });
      const markers = page.locator('.markers-panel');
      await markers.locator('.monaco-list-row', { hasText: /CM020/ }).first().waitFor({ state: 'visible', timeout: T });
      const unwanted = {
        'a Welcome tab': page.locator('.tab', { hasText: /^Welcome/ }),
        'release notes': page.locator('.tab', { hasText: /Release Notes/ }),
        'the Restricted Mode banner': page.locator('.monaco-workbench .banner', { hasText: /Restricted Mode/ }),
        'a Chat view': page.locator('.part.auxiliarybar:visible', { hasText: /Chat/ }),
      };
      for (const [what, locator] of Object.entries(unwanted)) {
        if (await locator.count()) throw new Error(`the first screen shows ${what}`);
      }
    },
  },
  {
    name: 'the Changes view renders the tree grouped by status, the Metrics view, and the highlighting',
    shot: 'sidebar.png',
    async run(page) {
      await showChangesView(page);
      const view = changesPane(page);
      for (const text of [
        'In Progress',
        'Approved',
        'Upgrade payments-db to PostgreSQL 16',
        'Normal · High risk · @alice',
      ]) {
        await view.locator('.monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible', timeout: T });
      }
      // Expand the Metrics view (collapsed by default) so the picture shows this month's figures.
      await page
        .locator('.pane-header', { hasText: /^Metrics/ })
        .first()
        .click({ timeout: T });
      await page
        .locator('.monaco-list-row', { hasText: 'Change failure rate' })
        .first()
        .waitFor({ state: 'visible', timeout: T });
      // Open a change so the picture shows the highlighting too.
      await view.locator('.monaco-list-row', { hasText: 'Upgrade payments-db to PostgreSQL 16' }).first().click();
      await page.locator('.tab', { hasText: '2026-12-01-upgrade-payments-db.md' }).first().waitFor({ timeout: T });
      // Our grammar makes "Change type" a token of its own: the editor has applied the injection
      // (Monaco writes spaces as no-break spaces, hence \\s).
      await page
        .locator('.view-line span > span')
        .filter({ hasText: /^Change\stype$/ })
        .first()
        .waitFor({ timeout: T });
      await page
        .locator('.view-line span > span')
        .filter({ hasText: /^2026-11-27\s09:15\sUTC$/ })
        .first()
        .waitFor({ timeout: T });
    },
  },
  {
    name: 'the Problems panel shows the diagnostics of a faulty change',
    shot: 'problems.png',
    async run(page) {
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Changes/ }) }).first();
      await view
        .locator('.monaco-list-row', { hasText: 'Shorten auth session lifetime' })
        .first()
        .click({ timeout: T });
      await page.locator('.tab', { hasText: '2026-11-20-auth-session-ttl.md' }).first().waitFor({ timeout: T });
      const markers = page.locator('.markers-panel');
      // The first start showed the panel already (the first-screen check).
      if (!(await markers.isVisible())) await runCommand(page, 'View: Focus Problems');
      await markers.locator('.monaco-list-row', { hasText: /CM020/ }).first().waitFor({ state: 'visible', timeout: T });
      await markers
        .locator('.monaco-list-row', { hasText: /approv/i })
        .first()
        .waitFor({ state: 'visible', timeout: T });
    },
  },
  {
    name: 'the metrics dashboard draws its four charts and the table',
    shot: 'dashboard.png',
    async run(page) {
      await runCommand(page, 'View: Hide Panel', 1).catch(() => {});
      await runCommand(page, 'ITSMote: Show Change Metrics Dashboard');
      const frame = await frameWith(page, 'canvas#cfr', T);
      for (const id of ['cfr', 'rollback', 'incidents', 'mttr']) {
        await frame.locator(`canvas#${id}`).waitFor({ state: 'attached', timeout: T });
        // Chart.js sets the drawing buffer size when it draws.
        await frame.waitForFunction(
          (sel) => {
            const c = document.querySelector(sel);
            return !!c && c.width > 0 && c.height > 0;
          },
          `canvas#${id}`,
          { timeout: T },
        );
      }
      await frame.locator('#table tbody tr', { hasText: '2026-11' }).waitFor({ timeout: T });
      const rows = await frame.locator('#table tbody tr').count();
      if (rows !== 4) throw new Error(`expected 4 months in the table, found ${rows}`);
    },
  },
  {
    name: 'Advance Status from the context menu: quick pick of the allowed step, the tree and the editor follow',
    shot: 'advance.png',
    async run(page) {
      await runCommand(page, 'View: Close All Editors', 2).catch(() => {});
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Changes/ }) }).first();
      const row = view.locator('.monaco-list-row', { hasText: 'Upgrade payments-db to PostgreSQL 16' }).first();
      await row.click({ timeout: T });
      // On a busy machine the first right-click can land while the row's hover is opening and
      // show no menu: open it again (the menu appearing is what is waited for).
      const item = page.getByRole('menuitem', { name: /Advance Status/ });
      for (let attempt = 0; attempt < 3; attempt++) {
        await row.click({ button: 'right', timeout: T });
        if (
          await item.waitFor({ state: 'visible', timeout: 5_000 }).then(
            () => true,
            () => false,
          )
        )
          break;
        await page.keyboard.press('Escape');
      }
      // Approved may only go to In Progress: the one row offered. After the tests' editor ran on
      // this machine, the first click on a menu that has just opened can be lost (the menu stays
      // open with the item focused): the quick pick appearing is what is waited for, and the item
      // is clicked again only while the menu still shows it (a click that landed closes the menu).
      const next = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'In Progress' });
      for (let attempt = 0; attempt < 3; attempt++) {
        if (!(await item.isVisible())) break;
        if (attempt > 0) console.log(`    (the menu still shows "Advance Status…": click ${attempt + 1})`);
        await item.click({ timeout: T });
        if (
          await next.waitFor({ state: 'visible', timeout: 5_000 }).then(
            () => true,
            () => false,
          )
        )
          break;
      }
      await next.waitFor({ timeout: T });
      const offered = await page.locator('.quick-input-list .monaco-list-row').count();
      if (offered !== 1) throw new Error(`expected one allowed next status, the quick pick offers ${offered}`);
      await page.keyboard.press('Enter');
      await view
        .locator('.monaco-list-row', { hasText: /^In Progress\s*2$/ })
        .first()
        .waitFor({ timeout: T });
      await page
        .locator('.view-line', { hasText: /Status:\sIn\sProgress/ })
        .first()
        .waitFor({ timeout: T });
      // The author is the person's git identity (run.sh passes user.name "Kofi Mensah" as
      // `npm run editor` passes the user's own global git config), never the OS user.
      await page
        .locator('.view-line', { hasText: /2026-11-28\s12:00\sUTC\sIn\sProgress\sby\sKofi\sMensah/ })
        .first()
        .waitFor({ timeout: T });
    },
  },
  {
    name: 'in an empty folder the welcome view\'s "Create a Change" walks through type and title to a new document',
    shot: 'new-change.png',
    async run(page, { openEmpty }) {
      await openEmpty();
      await page.locator('.monaco-workbench').waitFor({ timeout: T });
      await page.getByRole('tab', { name: /ITSMote Changes/ }).click({ timeout: T });
      await page.getByRole('button', { name: 'Create a Change' }).click({ timeout: T });
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Standard' }).first().waitFor({ timeout: T });
      await input.fill('Normal');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Normal' }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Title' }).waitFor({ timeout: T });
      await input.fill('Rotate the API gateway keys');
      await page.keyboard.press('Enter');
      await page
        .locator('.tab', { hasText: '2026-11-28-rotate-the-api-gateway-keys.md' })
        .first()
        .waitFor({ timeout: T });
      await page
        .locator('.monaco-list-row', { hasText: 'Rotate the API gateway keys' })
        .first()
        .waitFor({ state: 'visible', timeout: T });
      await page
        .locator('.view-line', { hasText: /Change\sOwner:/ })
        .first()
        .waitFor({ timeout: T });
    },
  },
];

// Issue 13's checks need the example workspace, so they run before the one that opens the empty folder.
CHECKS.splice(CHECKS.length - 1, 0, ...POLISH_CHECKS);

export async function runUiChecks(page, { imagesDir, failuresDir, openEmpty }) {
  let passed = 0;
  let failed = 0;
  await page.locator('.monaco-workbench').waitFor({ timeout: T });
  for (const check of CHECKS) {
    const started = Date.now();
    try {
      await check.run(page, { openEmpty });
      await page.screenshot({ path: join(imagesDir, check.shot) });
      passed++;
      console.log(`  ✔ ${check.name} (${Date.now() - started} ms) -> ${join(imagesDir, check.shot)}`);
    } catch (err) {
      failed++;
      console.log(`  ✗ ${check.name}: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
      await page.screenshot({ path: join(failuresDir, `failed-${check.shot}`) }).catch(() => {});
    }
  }
  return { passed, failed };
}
