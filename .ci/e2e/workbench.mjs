// What every Playwright script of the real-editor tests shares (driver.mjs, ui-checks.mjs,
// restricted.mjs): launching Debian's Chromium, running a palette command, finding the Changes
// view, and writing the counts `npm test` summarises. Every wait has a timeout; nothing sleeps.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const T = 60_000;

/** Debian's Chromium through playwright-core (no browser download), flags for a closed network. */
export async function launchChromium() {
  const dir = process.env.ITSMOTE_PLAYWRIGHT;
  if (!dir) throw new Error('ITSMOTE_PLAYWRIGHT is not set (run the .ci/e2e/*.sh scripts)');
  const { chromium } = createRequire(import.meta.url)(dir);
  return chromium.launch({
    executablePath: process.env.ITSMOTE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Runs a command from the palette (F1), retrying while its contributions are not yet registered. */
export async function runCommand(page, title, attempts = 8) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: T });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title });
    try {
      await row.waitFor({ state: 'visible', timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`command "${title}" not found in the palette`);
}

/** The ITSMote Changes view's pane. */
export const changesPane = (page) =>
  page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Changes/ }) }).first();

/**
 * Shows the ITSMote side bar. The extension reveals it by itself on a workspace's first start;
 * clicking the activity bar tab of the visible container would hide the side bar instead.
 */
export async function showChangesView(page) {
  if (await changesPane(page).isVisible()) return;
  await page.getByRole('tab', { name: /ITSMote Changes/ }).click({ timeout: T });
}

/** The webview frame holding `selector` (webviews nest an iframe in an iframe). */
export async function frameWith(page, selector, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (
        await f
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return f;
    }
    // Wait for the next frame event (or a short DOM settle) instead of sleeping blindly.
    await Promise.race([
      page.waitForEvent('framenavigated', { timeout: 2_000 }).catch(() => {}),
      page.waitForEvent('frameattached', { timeout: 2_000 }).catch(() => {}),
    ]);
  }
  throw new Error(`no frame with ${selector} within ${timeout} ms`);
}

/** Counts for `npm test`'s closing summary (scripts/test.mjs), when it asked for them. */
export function writeSummary(name, summary) {
  const dir = process.env.ITSMOTE_TEST_SUMMARY_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ layer: name, pending: [], ...summary }));
}
