// Playwright checks of issue 13's polish, in the shape of CHECKS in ui-checks.mjs ({ name, shot,
// run(page, ctx) }): the walkthrough with its pictures, its "Advance Status" button asking which
// change, and field completion in a header (docs/images/walkthrough.png, completion.png). They need the example workspace (changes present),
// so they run before the check that opens the empty folder:
//   (ui-checks.mjs splices them in).
// Every wait is on DOM state with a timeout; each check leaves the documents as it found them.

import { frameWith, runCommand, T } from './workbench.mjs';

/** The frame whose `selector` holds `text`, looked for again when a webview frame is replaced. */
async function frameWithText(page, selector, text, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = await frameWith(page, selector, Math.max(1_000, deadline - Date.now()));
    try {
      await frame.locator(selector, { hasText: text }).first().waitFor({ state: 'visible', timeout: 5_000 });
      return frame;
    } catch {
      // detached or not yet this step's picture: wait for the next frame and look again
    }
  }
  throw new Error(`no frame with ${selector} "${text}" within ${timeout} ms`);
}

/** Opens our walkthrough from the palette. */
async function openWalkthrough(page) {
  await runCommand(page, 'View: Close All Editors', 2).catch(() => {});
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const input = page.locator('.quick-input-widget input');
  await input.fill('ITSMote');
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get started with ITSMote Changes' })
    .waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page
    .locator('.gettingStartedContainer', { hasText: 'Get started with ITSMote Changes' })
    .first()
    .waitFor({ state: 'visible', timeout: T });
}

export const POLISH_CHECKS = [
  {
    name: 'the walkthrough shows a picture beside each step (the lifecycle for "Advance its status")',
    shot: 'walkthrough.png',
    async run(page) {
      await openWalkthrough(page);
      // The first step's picture: the new change document. (The walkthrough may re-render its
      // webview while it settles, which detaches a frame: look again in the new one.)
      await frameWithText(page, 'svg text', 'Rotate the API gateway keys', T);
      await page.locator('.getting-started-step', { hasText: 'Advance its status' }).first().click({ timeout: T });
      const frame = await frameWithText(page, 'svg text', 'Rolled Back', T);
      const box = await frame.locator('svg').first().boundingBox();
      if (!box || box.width < 200 || box.height < 120)
        throw new Error(`the step's picture is not shown at a readable size (${JSON.stringify(box)})`);
      // The page's CSP drops <style> and style="": the picture's colours must come from its
      // presentation attributes (theme variables), or it renders as a black box.
      const fills = await frame
        .locator('svg')
        .first()
        .evaluate((svg) => {
          const fill = (el) => (el ? getComputedStyle(el).fill : 'none');
          return { frame: fill(svg.querySelector('rect')), text: fill(svg.querySelector('text')) };
        });
      if (fills.frame === 'rgb(0, 0, 0)' || fills.frame === fills.text)
        throw new Error(`the picture is not painted in the theme's colours: ${JSON.stringify(fills)}`);
    },
  },
  {
    name: 'the walkthrough\'s "Advance Status" button asks which change when no change document is in front',
    shot: 'walkthrough-advance.png',
    async run(page) {
      // The walkthrough is the active tab (previous check); the Changes tree may have a selection.
      await page.locator('.getting-started-step', { hasText: 'Advance its status' }).first().click({ timeout: T });
      // The question appearing is what is waited for; a click a busy page swallowed is repeated.
      const question = page.locator('.quick-input-widget', { hasText: 'Advance the status of which change?' });
      for (let attempt = 0; attempt < 3; attempt++) {
        await page.getByRole('button', { name: 'Advance Status' }).first().click({ timeout: T });
        if (
          await question.waitFor({ state: 'visible', timeout: 10_000 }).then(
            () => true,
            () => false,
          )
        )
          break;
      }
      await question.waitFor({ state: 'visible', timeout: T });
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.first().waitFor({ state: 'visible', timeout: T });
      if ((await rows.count()) < 2) throw new Error('expected the changes that can move to be offered');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: /Approved → In Progress/ })
        .first()
        .waitFor({ state: 'visible', timeout: T });
      // The picture is taken with the question open; the next check closes it (nothing is moved).
    },
  },
  {
    name: 'Ctrl+Space on the empty line under the header lists the fields the change lacks, the needed one first',
    shot: 'completion.png',
    async run(page) {
      await page.keyboard.press('Escape');
      await runCommand(page, 'View: Close All Editors', 2).catch(() => {});
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: T });
      await input.fill('2026-11-28-rabbitmq-prefetch.md');
      await page
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'rabbitmq-prefetch' })
        .waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: '2026-11-28-rabbitmq-prefetch.md' }).waitFor({ timeout: T });
      // Line 11 is the empty line between the header and `## Status log`: nothing is typed, the
      // document stays as it is; the items bring their bullet.
      // Ctrl+G pressed before the editor has focus opens nothing: the cursor reaching line 11 (the
      // status bar) is what is waited for, and the jump is repeated when it did not happen.
      const atLine11 = page.locator('.statusbar-item', { hasText: /^Ln 11, Col/ });
      for (let attempt = 0; attempt < 3; attempt++) {
        await page.locator('.monaco-editor .view-line').first().click({ timeout: T });
        await page.keyboard.press('Control+G');
        if (
          !(await input.waitFor({ state: 'visible', timeout: 5_000 }).then(
            () => true,
            () => false,
          ))
        )
          continue;
        await input.fill(':11');
        await page.keyboard.press('Enter');
        if (
          await atLine11
            .first()
            .waitFor({ state: 'visible', timeout: 5_000 })
            .then(
              () => true,
              () => false,
            )
        )
          break;
      }
      await atLine11.first().waitFor({ state: 'visible', timeout: T });
      await page
        .locator('.monaco-editor .view-line', { hasText: /Expected\suser\simpact/ })
        .first()
        .waitFor({ timeout: T });
      const widget = page.locator('.editor-widget.suggest-widget');
      // The server may still be answering the first request: invoke again until its rows are there.
      for (let attempt = 0; attempt < 5; attempt++) {
        await page.keyboard.press('Control+Space');
        try {
          await widget
            .locator('.monaco-list-row', { hasText: 'Rollback plan' })
            .first()
            .waitFor({ state: 'visible', timeout: 5_000 });
          break;
        } catch {
          await page.keyboard.press('Escape');
        }
      }
      const first = (await widget.locator('.monaco-list-row').first().getAttribute('aria-label')) ?? '';
      if (!/Rollback plan/.test(first))
        throw new Error(`the first suggestion is not the missing Rollback plan: ${first}`);
      const rows = await widget.locator('.monaco-list-row').allTextContents();
      for (const unwanted of ['Change type', 'Backout plan', 'Incidents caused']) {
        if (rows.some((r) => r.startsWith(unwanted)))
          throw new Error(`the list offers ${unwanted}: ${rows.join(' | ')}`);
      }
    },
  },
];
