/**
 * The extension-host test entry: `run()` is the contract of VS Code's `extensionTestsPath`, so the
 * same bundle runs under @vscode/test-electron (test/e2e/runTests.ts) and under the code-server
 * launcher (.ci/e2e/run.sh). Output from the remote extension host's `console.log` is lost, so the
 * reporter writes to stdout and to the file named by ITSMOTE_E2E_REPORT, which the driver prints.
 */
import Mocha from 'mocha';
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export async function run(): Promise<void> {
  const report = process.env.ITSMOTE_E2E_REPORT;
  if (report) writeFileSync(report, '');
  const log = (...args: unknown[]): void => {
    const line = `${format(...args)}\n`;
    process.stdout.write(line);
    if (report) appendFileSync(report, line);
  };
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const grep = process.env.ITSMOTE_E2E_GREP;
  if (grep) mocha.grep(grep);

  // Load the bundled test files the way Mocha's `loadFiles` does, with a plain require: the
  // bundles are CommonJS and the extension host's module loader handles require best.
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const name of files) {
    const file = join(__dirname, name);
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', require(file), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  const started = Date.now();
  const pending: { title: string; reason: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      log(`${passes} passed, ${failures} failed`);
      writeSummary({ layer: 'extension-host', passed: passes, failed: failures, pending, ms: Date.now() - started });
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
    runner.on('pending', (test) => {
      pending.push({
        title: test.fullTitle(),
        reason: (test as { skipReason?: string }).skipReason ?? 'skipped (no reason given)',
      });
    });
  });
}

/** Counts for `npm test`'s closing summary (scripts/test.mjs), when it asked for them. */
function writeSummary(summary: object): void {
  const dir = process.env.ITSMOTE_TEST_SUMMARY_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'extension-host.json'), JSON.stringify(summary));
}
