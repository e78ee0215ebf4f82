// `npm test`: builds once, runs every test layer in order (a failing layer does not stop the
// next one, so one run shows everything that is wrong), then prints one summary a person can
// scan: each layer's passed / failed / pending counts and wall time, every pending test with the
// reason it skipped, and a closing `N passed, N failed` line. Exit code 0 only when the build and
// every layer passed.
//
// Each layer writes its counts to ITSMOTE_TEST_SUMMARY_DIR/<layer>.json (the mocha layers through
// test/support/summary-reporter.js, the real-editor layers through .ci/e2e/driver.mjs); a layer
// that exits non-zero without writing one is reported as crashed.
//
// Usage: npm test [-- --only unit,cli]      (layers: unit, cli, protocol, browser, e2e, restricted-mode)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The layers in run order; `files` are the summaries the layer writes. */
const LAYERS = [
  { name: 'unit', cmd: ['npx', 'mocha', '--config', '.mocharc.unit.json'], files: ['unit'] },
  { name: 'cli', cmd: ['npx', 'mocha', '--config', '.mocharc.cli.json'], files: ['cli'] },
  { name: 'protocol', cmd: ['npx', 'mocha', '--config', '.mocharc.protocol.json'], files: ['protocol'] },
  // The report's page in Debian's Chromium (installed by setup.sh --apt-only when missing).
  { name: 'browser', cmd: ['bash', '-c', 'bash .ci/e2e/setup.sh --apt-only && npx mocha --config .mocharc.browser.json'], files: ['browser'] },
  { name: 'e2e', cmd: ['bash', '-c', 'bash .ci/e2e/setup.sh && node test/e2e/build.mjs && bash .ci/e2e/run.sh'], files: ['extension-host', 'ui'] },
  { name: 'restricted-mode', cmd: ['bash', '.ci/e2e/restricted.sh'], files: ['restricted-mode'], needs: 'e2e' },
];

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set(process.argv[onlyArg + 1]?.split(',')) : undefined;
const summaryDir = mkdtempSync(join(tmpdir(), 'itsmote-test-summary-'));
const env = { ...process.env, ITSMOTE_TEST_SUMMARY_DIR: summaryDir };
const rows = [];
let failedSteps = 0;

const run = (cmd) => spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env });

const buildStart = Date.now();
console.log('\n== build ==');
if (run(['npm', 'run', '--silent', 'build']).status !== 0) {
  console.error('\nnpm test: the build failed; no test ran.');
  process.exit(1);
}
const buildMs = Date.now() - buildStart;

for (const layer of LAYERS) {
  if (only && !only.has(layer.name) && !(layer.needs && only.has(layer.needs))) continue;
  console.log(`\n== ${layer.name} ==`);
  const started = Date.now();
  const r = run(layer.cmd);
  const ms = Date.now() - started;
  let wrote = 0;
  for (const f of layer.files) {
    const path = join(summaryDir, `${f}.json`);
    if (!existsSync(path)) continue;
    wrote++;
    rows.push(JSON.parse(readFileSync(path, 'utf8')));
  }
  if (r.status !== 0 && wrote < layer.files.length) {
    failedSteps++;
    rows.push({ layer: layer.name, crashed: `exited with ${r.status ?? r.signal} after ${(ms / 1000).toFixed(1)} s before reporting${wrote ? ' all its parts' : ''}`, ms });
  } else if (r.status !== 0 && rows.slice(-wrote).every((row) => !row.failed)) {
    // A layer that reported no failure but exited non-zero still failed (e.g. a hook threw).
    failedSteps++;
    rows.push({ layer: layer.name, crashed: `exited with ${r.status ?? r.signal} although its tests reported no failure`, ms });
  }
}
rmSync(summaryDir, { recursive: true, force: true });

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
let passed = 0;
let failed = failedSteps;
let pending = 0;
console.log('\n== summary ==');
console.log(`  ${'build'.padEnd(16)} ok${' '.repeat(28)}${secs(buildMs)}`);
for (const row of rows) {
  if (row.crashed) {
    console.log(`  ${row.layer.padEnd(16)} CRASHED: ${row.crashed}`);
    continue;
  }
  passed += row.passed;
  failed += row.failed;
  pending += row.pending.length;
  const counts = `${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed ${String(row.pending.length).padStart(3)} pending`;
  console.log(`  ${row.layer.padEnd(16)} ${counts}  ${secs(row.ms)}${row.failed ? '   <- FAILED' : ''}`);
  for (const p of row.pending) console.log(`      pending: ${p.title}: ${p.reason}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${pending} skipped`);
process.exit(failed > 0 ? 1 : 0);
