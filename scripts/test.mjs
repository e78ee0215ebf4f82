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
// Coverage: the unit, cli and protocol layers run with NODE_V8_COVERAGE, so the processes they
// spawn (dist/cli.js, dist/server.js, mapped back to server/src through their source maps) count
// too; c8 turns that into line coverage, printed in the summary (HTML in test-results/coverage/).
// When all three layers ran, line coverage under COVERAGE_FLOOR fails the run.
//
// Usage: npm test [-- --only unit,cli] [-- --no-coverage]   (layers: unit, cli, protocol, browser, e2e, restricted-mode, web-host)
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The layers in run order; `files` are the summaries the layer writes. */
const LAYERS = [
  { name: 'unit', cmd: ['npx', 'mocha', '--config', '.mocharc.unit.json'], files: ['unit'], coverage: true },
  { name: 'cli', cmd: ['npx', 'mocha', '--config', '.mocharc.cli.json'], files: ['cli'], coverage: true },
  {
    name: 'protocol',
    cmd: ['npx', 'mocha', '--config', '.mocharc.protocol.json'],
    files: ['protocol'],
    coverage: true,
  },
  // The report's page in Debian's Chromium (installed by setup.sh --apt-only when missing).
  {
    name: 'browser',
    cmd: ['bash', '-c', 'bash .ci/e2e/setup.sh --apt-only && npx mocha --config .mocharc.browser.json'],
    files: ['browser'],
  },
  {
    name: 'e2e',
    cmd: ['bash', '-c', 'bash .ci/e2e/setup.sh && node test/e2e/build.mjs && bash .ci/e2e/run.sh'],
    files: ['extension-host', 'ui'],
  },
  { name: 'restricted-mode', cmd: ['bash', '.ci/e2e/restricted.sh'], files: ['restricted-mode'], needs: 'e2e' },
  // The browser build in code-server's web worker extension host (docs/extension.md).
  { name: 'web-host', cmd: ['bash', 'test/e2e-web/run.sh'], files: ['web-host'], needs: 'e2e' },
];

/**
 * Line coverage (percent, unit + cli + protocol) below which the run fails: just under the level
 * reached (core 99.0%, server + client 98.5% on 2026-11-28), so that it can only go up. c8
 * counts every line outside an unexecuted function or branch, comments included.
 */
const COVERAGE_FLOOR = { core: 98, all: 97 };

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set(process.argv[onlyArg + 1]?.split(',')) : undefined;
const withCoverage = !process.argv.includes('--no-coverage');
const summaryDir = mkdtempSync(join(tmpdir(), 'itsmote-test-summary-'));
const coverageDir = mkdtempSync(join(tmpdir(), 'itsmote-test-coverage-'));
// Some protocol and CLI tests run the server or the CLI as another user: they must write here too.
chmodSync(coverageDir, 0o1777);
const env = { ...process.env, ITSMOTE_TEST_SUMMARY_DIR: summaryDir };
const rows = [];
const coveredLayers = [];
let failedSteps = 0;

const run = (cmd, extraEnv = {}) => spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: { ...env, ...extraEnv } });

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
  const covered = withCoverage && layer.coverage;
  if (covered) coveredLayers.push(layer.name);
  const r = run(layer.cmd, covered ? { NODE_V8_COVERAGE: coverageDir } : {});
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
    rows.push({
      layer: layer.name,
      crashed: `exited with ${r.status ?? r.signal} after ${(ms / 1000).toFixed(1)} s before reporting${wrote ? ' all its parts' : ''}`,
      ms,
    });
  } else if (r.status !== 0 && rows.slice(-wrote).every((row) => !row.failed)) {
    // A layer that reported no failure but exited non-zero still failed (e.g. a hook threw).
    failedSteps++;
    rows.push({
      layer: layer.name,
      crashed: `exited with ${r.status ?? r.signal} although its tests reported no failure`,
      ms,
    });
  }
}
rmSync(summaryDir, { recursive: true, force: true });
const coverageStart = Date.now();
const coverage = coveredLayers.length ? measureCoverage() : undefined;
const coverageMs = Date.now() - coverageStart;
rmSync(coverageDir, { recursive: true, force: true });

/**
 * Line coverage from the V8 coverage of the covered layers: c8 maps it to the sources; the
 * figures are summed here over server/src/core and over server/src + client/src.
 */
function measureCoverage() {
  const reports = join('test-results', 'coverage');
  rmSync(reports, { recursive: true, force: true });
  const r = spawnSync(
    'npx',
    [
      'c8',
      'report',
      '--temp-directory',
      coverageDir,
      '--reports-dir',
      reports,
      '--reporter',
      'json-summary',
      '--reporter',
      'html',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env },
  );
  const file = join(reports, 'coverage-summary.json');
  if (r.status !== 0 || !existsSync(file)) return { error: `c8 report exited with ${r.status ?? r.signal}` };
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  const root = process.cwd();
  const lines = (prefixes) => {
    let covered = 0;
    let total = 0;
    for (const [path, s] of Object.entries(summary)) {
      if (!prefixes.some((p) => path.startsWith(join(root, p)))) continue;
      covered += s.lines.covered;
      total += s.lines.total;
    }
    return total ? (100 * covered) / total : 0;
  };
  const complete = ['unit', 'cli', 'protocol'].every((l) => coveredLayers.includes(l));
  return { core: lines(['server/src/core/']), all: lines(['server/src/', 'client/src/']), complete };
}

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
if (coverage?.error) {
  failed++;
  console.log(`  ${'coverage'.padEnd(16)} CRASHED: ${coverage.error}`);
} else if (coverage) {
  const below = coverage.complete && (coverage.core < COVERAGE_FLOOR.core || coverage.all < COVERAGE_FLOOR.all);
  if (below) failed++;
  const figure = (name, value, floor) => `${name} ${value.toFixed(1)}%${coverage.complete ? ` (floor ${floor}%)` : ''}`;
  const figures = `${figure('core', coverage.core, COVERAGE_FLOOR.core)}, ${figure('server + client', coverage.all, COVERAGE_FLOOR.all)} of lines`;
  console.log(`  ${'coverage'.padEnd(16)} ${figures}  ${secs(coverageMs)}${below ? '   <- BELOW THE FLOOR' : ''}`);
  if (!coverage.complete)
    console.log(`      floor not checked: only ${coveredLayers.join(', ')} ran (it needs unit, cli and protocol)`);
  console.log('      per file: test-results/coverage/index.html');
}
console.log(`\n${passed} passed, ${failed} failed, ${pending} skipped`);
process.exit(failed > 0 ? 1 : 0);
