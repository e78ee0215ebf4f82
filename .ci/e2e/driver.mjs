// Drives code-server's workbench with Playwright + Debian chromium:
// 1. opens the workbench with a `payload` that loads this clone as the extension under
//    development and out/e2e/index.js as its tests (the same contract @vscode/test-electron uses),
//    waits for the workbench to call `codeAutomationExit(code)`, prints the mocha report;
// 2. unless ITSMOTE_E2E_UI=0, runs the UI checks of ui-checks.mjs on a second, untouched copy of
//    the workspace and saves the screenshots.
// Exit code: 0 only when both pass. Every wait has a timeout; nothing sleeps.
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runUiChecks } from './ui-checks.mjs';
import { workbenchUrl as urlFor } from './workbench-url.mjs';
import { launchChromium, writeSummary } from './workbench.mjs';

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`driver: ${k} is not set (run .ci/e2e/run.sh)`);
  return v;
};
const base = env('ITSMOTE_CS_URL');
const TEST_TIMEOUT_MS = Number(process.env.ITSMOTE_E2E_TIMEOUT_MS ?? 300_000);
// The clock of examples/EXPECTED.md: CM036 and "this month" depend on it.
const NOW = '2026-11-28T12:00:00Z';

/** The workbench URL that opens `folder` with the extension (and optionally its tests) loaded. */
export function workbenchUrl(folder, opts = {}) {
  return urlFor(base, env('ITSMOTE_EXT_DEV'), folder, opts);
}

const browser = await launchChromium();
let testsCode = 1;
let uiFailed = 0;
try {
  // `npm run screenshots` runs the UI checks alone (ITSMOTE_E2E_TESTS=0).
  testsCode = process.env.ITSMOTE_E2E_TESTS === '0' ? 0 : await runExtensionTests();
  if (process.env.ITSMOTE_E2E_UI !== '0') {
    const images = env('ITSMOTE_IMAGES');
    mkdirSync(images, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const uiStarted = Date.now();
    // The first screen of `npm run editor` (open.sh): the examples, trusted, with the faulty
    // change it opens.
    const ws = env('ITSMOTE_WS_UI');
    await page.goto(
      workbenchUrl(ws, {
        environment: { ITSMOTE_NOW: NOW },
        openFile: join(ws, 'changes', '2026-11-20-auth-session-ttl.md'),
      }),
    );
    console.log('UI checks:');
    const outcome = await runUiChecks(page, {
      imagesDir: images,
      failuresDir: env('ITSMOTE_RESULTS'),
      openEmpty: () => page.goto(workbenchUrl(env('ITSMOTE_WS_EMPTY'), { environment: { ITSMOTE_NOW: NOW } })),
    });
    uiFailed = outcome.failed;
    console.log(`UI checks: ${outcome.passed} passed, ${outcome.failed} failed`);
    writeSummary('ui', { passed: outcome.passed, failed: outcome.failed, ms: Date.now() - uiStarted });
  }
} finally {
  await browser.close();
}
process.exit(testsCode !== 0 ? testsCode : uiFailed > 0 ? 1 : 0);

/** Runs the mocha suite in the extension host; resolves with the host's exit code. */
async function runExtensionTests() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  const started = Date.now();
  const report = env('ITSMOTE_REPORT');
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  await page.goto(
    workbenchUrl(env('ITSMOTE_WS_TESTS'), {
      tests: env('ITSMOTE_EXT_TESTS'),
      environment: {
        ITSMOTE_E2E_REPORT: report,
        ITSMOTE_E2E_WORKSPACE: env('ITSMOTE_WS_TESTS'),
        ITSMOTE_NOW: NOW,
        ...(process.env.ITSMOTE_TEST_SUMMARY_DIR
          ? { ITSMOTE_TEST_SUMMARY_DIR: process.env.ITSMOTE_TEST_SUMMARY_DIR }
          : {}),
        ...(process.env.ITSMOTE_E2E_GREP ? { ITSMOTE_E2E_GREP: process.env.ITSMOTE_E2E_GREP } : {}),
      },
    }),
  );
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), TEST_TIMEOUT_MS);
  });
  const code = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (existsSync(report)) process.stdout.write(readFileSync(report, 'utf8'));
  if (code === 'timeout') {
    await page.screenshot({ path: join(env('ITSMOTE_RESULTS'), 'tests-timeout.png') }).catch(() => {});
    console.error(`extension tests did not finish within ${TEST_TIMEOUT_MS / 1000} s`);
    await page.close();
    return 1;
  }
  console.log(`extension host tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${code}`);
  await page.close();
  return Number(code);
}
