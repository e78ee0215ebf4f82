// Drives the Restricted Mode check of .ci/e2e/restricted.sh with Playwright + Debian chromium:
// the workbench opens the (untrusted) workspace with this clone's extension under development;
// the checks below run in order, each with a timeout on DOM state or on the shim's log (nothing
// sleeps). Prints one line per check and "N passed, N failed"; exit code 1 on a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchUrl } from './workbench-url.mjs';
import {
  changesPane as changesView,
  launchChromium,
  runCommand,
  showChangesView,
  T,
  writeSummary,
} from './workbench.mjs';

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`restricted.mjs: ${k} is not set (run .ci/e2e/restricted.sh)`);
  return v;
};
const base = env('ITSMOTE_CS_URL');
const NOW = '2026-11-28T12:00:00Z';

const SERVER = join(env('ITSMOTE_EXT_DEV'), 'dist', 'server.js');
const SHIM_DIR = env('ITSMOTE_SHIM_DIR');

/** The pids of the processes running this clone's language server. */
function serverProcesses() {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(SERVER);
      } catch {
        return false; // gone meanwhile
      }
    });
}

const gitCalls = () =>
  existsSync(env('ITSMOTE_GIT_LOG')) ? readFileSync(env('ITSMOTE_GIT_LOG'), 'utf8').split('\n').filter(Boolean) : [];
const markers = () => readdirSync(env('ITSMOTE_MARKERS'));

/** Waits until `test()` holds, checking when the shim's log may have changed (every 250 ms), up to `ms`. */
async function until(test, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (test()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const CHECKS = [
  {
    name: 'the folder opens in Restricted Mode',
    async run(page) {
      await page.locator('.monaco-workbench').waitFor({ timeout: T });
      await page.getByText('Restricted Mode').first().waitFor({ state: 'visible', timeout: T });
    },
  },
  {
    name: 'the ITSMote Changes view shows the changes, grouped by status',
    async run(page) {
      await showChangesView(page);
      for (const text of ['In Progress', 'Approved', 'Upgrade payments-db to PostgreSQL 16']) {
        await changesView(page)
          .locator('.monaco-list-row', { hasText: text })
          .first()
          .waitFor({ state: 'visible', timeout: T });
      }
    },
  },
  {
    name: 'the Problems panel shows the diagnostics of a faulty change',
    async run(page) {
      await changesView(page)
        .locator('.monaco-list-row', { hasText: 'Shorten auth session lifetime' })
        .first()
        .click({ timeout: T });
      await page.locator('.tab', { hasText: '2026-11-20-auth-session-ttl.md' }).first().waitFor({ timeout: T });
      await runCommand(page, 'View: Focus Problems');
      await page
        .locator('.markers-panel .monaco-list-row', { hasText: /CM020/ })
        .first()
        .waitFor({ state: 'visible', timeout: T });
    },
  },
  {
    name: "the language server's git would be the shim (the first git on its PATH), so the next check can fail",
    async run() {
      const server = serverProcesses();
      if (server.length === 0) throw new Error(`no process runs ${SERVER}`);
      for (const pid of server) {
        const path =
          readFileSync(`/proc/${pid}/environ`, 'utf8')
            .split('\0')
            .find((v) => v.startsWith('PATH=')) ?? '';
        const git = path
          .slice(5)
          .split(':')
          .map((d) => join(d, 'git'))
          .find((f) => existsSync(f));
        if (git !== join(SHIM_DIR, 'git'))
          throw new Error(`the server (pid ${pid}) would run ${git ?? 'no git'}, not the shim`);
      }
    },
  },
  {
    name: 'no git process was started (the PATH shim recorded no call)',
    async run() {
      const calls = gitCalls();
      if (calls.length) throw new Error(`${calls.length} git call(s): ${calls.slice(0, 3).join(' | ')}`);
      if (markers().length) throw new Error(`marker files: ${markers().join(', ')}`);
    },
  },
  {
    name: 'New Change asks once for the author (git is not asked) and saves it as the user setting',
    async run(page) {
      const input = page.locator('.quick-input-widget input');
      await runCommand(page, 'ITSMote: New Change');
      await page.locator('.quick-input-widget', { hasText: 'your name for change documents' }).waitFor({ timeout: T });
      await input.fill('@restricted-rita');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Standard' }).first().waitFor({ timeout: T });
      await input.fill('Normal');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Normal' }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Title' }).waitFor({ timeout: T });
      await input.fill('Restricted mode change');
      await page.keyboard.press('Enter');
      await page
        .locator('.view-line', { hasText: /Change\sOwner:\s@restricted-rita/ })
        .first()
        .waitFor({ timeout: T });
      const settings = readFileSync(join(env('ITSMOTE_USER_DATA'), 'User', 'settings.json'), 'utf8');
      if (!/"itsmote\.author":\s*"@restricted-rita"/.test(settings))
        throw new Error('itsmote.author was not saved in the user settings');
      // Asked once: the second New Change starts at the change type.
      await runCommand(page, 'ITSMote: New Change');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Standard' }).first().waitFor({ timeout: T });
      await page.keyboard.press('Escape');
      if (gitCalls().length) throw new Error(`git was run: ${gitCalls()[0]}`);
    },
  },
  {
    name: 'trusting the folder, without a reload: the server runs git, hardened, and the fsmonitor of the repository does not run',
    async run(page) {
      await page.evaluate(() => {
        window.__itsmoteSamePage = true;
      });
      await runCommand(page, 'Workspaces: Manage Workspace Trust');
      await page
        .getByRole('button', { name: /^Trust( Folder)?$/ })
        .first()
        .click({ timeout: T });
      // The server's own calls: `git config user.name` as it reads the author, then catalog discovery.
      await until(
        () => gitCalls().some((l) => l.includes('dist/server.js') && / ls-files /.test(l)),
        T,
        "the server's git calls after trust",
      );
      const ours = gitCalls().filter((l) => /dist\/(server|extension)\.js|extensionHost/.test(l.split(' :: ')[0]));
      const unhardened = ours.filter((l) => !l.includes('-c core.fsmonitor=false'));
      if (unhardened.length) throw new Error(`git calls without the hardening: ${unhardened.join(' | ')}`);
      if (markers().length) throw new Error(`marker files: ${markers().join(', ')}`);
      if ((await page.evaluate(() => window.__itsmoteSamePage)) !== true) throw new Error('the page was reloaded');
      await changesView(page)
        .locator('.monaco-list-row', { hasText: 'Upgrade payments-db to PostgreSQL 16' })
        .first()
        .waitFor({ state: 'visible', timeout: T });
      await page
        .locator('.statusbar-item', { hasText: 'Restricted Mode' })
        .first()
        .waitFor({ state: 'hidden', timeout: T });
    },
  },
];

const browser = await launchChromium();
let passed = 0;
let failed = 0;
const runStarted = Date.now();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(workbenchUrl(base, env('ITSMOTE_EXT_DEV'), env('ITSMOTE_WS'), { environment: { ITSMOTE_NOW: NOW } }));
  console.log('Restricted Mode checks:');
  for (const check of CHECKS) {
    const started = Date.now();
    try {
      await check.run(page);
      passed++;
      console.log(`  ✔ ${check.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`  ✗ ${check.name}: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
      await page
        .screenshot({ path: join(env('ITSMOTE_RESULTS'), `restricted-failed-${passed + failed}.png`) })
        .catch(() => {});
    }
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
writeSummary('restricted-mode', { passed, failed, ms: Date.now() - runStarted });
process.exit(failed > 0 ? 1 : 0);
