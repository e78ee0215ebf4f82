/**
 * `npm run bench`: generates a deterministic corpus of change documents into a temp folder and
 * prints, in one run, each figure with its baseline, the ratio and the target (PASS/FAIL), then
 * writes the result as JSON under `.bench/` so that runs can be compared.
 *
 *   npm run bench                       sizes 1,000 and 10,000, 5 rounds
 *   npm run bench -- --quick            300 documents, 3 rounds (a smoke run)
 *   npm run bench -- --sizes 2000 --runs 7 --keep
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { analyze } from '../../server/src/core/model';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import { DEBOUNCE_MS } from '../../server/src/lsp/open-documents';
import { CORPUS_NOW, generateCorpus, longDocument, writeCorpus } from './corpus';
import { measureIndex, measureValidation } from './inprocess';
import { measureRoundTrip, measureWorkspace } from './lsp';
import { timeCheck, timeList, timeMarkdownlint } from './spawned';
import type { Row } from './stats';
import { machine, median, table, timeSync } from './stats';

interface Args {
  sizes: number[];
  runs: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sizes: [1000, 10000], runs: 5, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') {
      args.sizes = [300];
      args.runs = 3;
    } else if (a === '--sizes') args.sizes = (argv[++i] ?? '').split(',').map(Number).filter((n) => n > 0);
    else if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown option ${a} (use --quick, --sizes a,b, --runs n, --keep)`);
  }
  if (args.sizes.length === 0) throw new Error('--sizes needs positive numbers, e.g. --sizes 1000,10000');
  return args;
}

// The repository root: set by bench.mjs when bundled, else two folders up from this file.
declare const BENCH_ROOT: string | undefined;
const ROOT = typeof BENCH_ROOT === 'string' ? BENCH_ROOT : resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const SERVER = join(ROOT, 'dist/server.js');

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function ratioRow(r: Omit<Row, 'ratio' | 'pass'> & { max?: number; min?: number }): Row {
  const { max, min, ...row } = r;
  if (row.value === undefined || row.baseline === undefined) return row;
  const ratio = min !== undefined ? row.baseline / row.value : row.value / row.baseline;
  const pass = max !== undefined ? ratio <= max : min !== undefined ? ratio >= min : undefined;
  return { ...row, ratio, ...(pass !== undefined ? { pass } : {}) };
}

/** In-process validation of one document (what the server does on a change), median µs. */
function validateOnce(text: string, rounds: number): number {
  const opts = { config: defaultConfig(), now: CORPUS_NOW };
  for (let i = 0; i < 20; i++) checkDocument(analyze(text, 'changes/long.md'), opts);
  return median(Array.from({ length: Math.max(rounds, 15) }, () => timeSync(() => checkDocument(analyze(text, 'changes/long.md'), opts))));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const m = machine();
  log(`ITSMote bench: sizes ${args.sizes.join(', ')}, ${args.runs} rounds; ${m.cores} x ${m.cpus}, ${m.memoryGb} GB, node ${m.node}, load ${m.loadBefore.join(' ')}`);
  if (m.loadBefore[0]! > m.cores * 0.5) log(`note: load average ${m.loadBefore[0]} on ${m.cores} cores: other work is running, figures are noisy; ratios (paired per round) are steadier than absolute times.`);
  const haveCli = existsSync(CLI);
  const haveServer = existsSync(SERVER);
  const tmp = mkdtempSync(join(tmpdir(), 'itsmote-bench-'));
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  const spawnRuns = Math.min(args.runs, 3);
  try {
    for (const size of args.sizes) {
      const g = `${size} docs`;
      log(`\n[${g}] generating...`);
      const docs = generateCorpus(size);
      const dir = writeCorpus(join(tmp, `n${size}`), docs);

      // Per-document figures do not depend on N: measure them once, on up to 2,000 documents.
      if (size === args.sizes[0]) {
        log(`[${g}] validation vs remark parse...`);
        const v = measureValidation(docs.slice(0, 2000), args.runs);
        extra.validation = v;
        const base = { group: 'per document', unit: 'us', baselineName: 'remark parse', baseline: v.remarkParse };
        // Ratios are the medians of per-round ratios (steadier than the ratio of medians).
        rows.push({ ...base, name: 'validation, full (analyze + checkDocument)', value: v.fullValidation, ratio: v.fullRatio, target: '<= 1.25x', pass: v.fullRatio <= 1.25 });
        rows.push({ ...base, name: `validation, fast path (${(v.fastShare * 100).toFixed(0)}% scanned)`, value: v.fastValidation, ratio: v.fastRatio, target: '<= 1.25x', pass: v.fastRatio <= 1.25 });
      }

      log(`[${g}] index cold/warm vs read + line scan...`);
      const ix = measureIndex(dir, args.runs, size <= 2000);
      extra[`index${size}`] = ix;
      rows.push(ratioRow({ group: g, name: 'index, cold (fast path + content-hash cache)', value: ix.cold, baselineName: 'read + line scan', baseline: ix.floor, target: '<= 5x', max: 5 }));
      rows.push(ratioRow({ group: g, name: 'index, warm (same process, cache hit)', value: ix.warm, baselineName: 'read + line scan', baseline: ix.floor, target: '<= 2x', max: 2 }));
      if (ix.coldRemark !== undefined) rows.push(ratioRow({ group: g, name: 'index, cold with remark for every file', value: ix.coldRemark, baselineName: 'read + line scan', baseline: ix.floor, note: 'for comparison' }));

      log(`[${g}] itsmote check vs markdownlint...`);
      const ml = timeMarkdownlint(join(ROOT, 'scripts/bench/markdownlint-run.mjs'), dir, spawnRuns);
      const check = haveCli ? timeCheck(CLI, dir, spawnRuns) : undefined;
      const list = haveCli ? timeList(CLI, dir, spawnRuns) : undefined;
      const mlMs = 'ms' in ml ? ml.ms : undefined;
      if (!('ms' in ml)) log(`markdownlint failed: ${ml.error}`);
      if (check && 'error' in check) log(`itsmote check failed: ${check.error}`);
      rows.push(
        ratioRow({
          group: g,
          name: 'itsmote check --format json (process)',
          value: check && 'ms' in check ? check.ms : undefined,
          baselineName: 'markdownlint (process)',
          baseline: mlMs,
          target: '>= 2x faster',
          min: 2,
          note: haveCli ? undefined : 'n/a (CLI not built)',
        }),
      );
      rows.push({ group: g, name: 'itsmote list (process)', value: list && 'ms' in list ? list.ms : undefined, note: haveCli ? 'the index from the command line' : 'n/a (CLI not built)' });

      if (haveServer) {
        log(`[${g}] language server: workspace diagnostics...`);
        try {
          const w = await measureWorkspace(SERVER, join(tmp, `n${size}`), 900_000);
          extra[`workspace${size}`] = w;
          rows.push({ group: g, name: `workspace diagnostics, last publish (${w.published} published, ${w.listed} listed)`, value: w.lastPublish, note: `indexing progress ended at ${w.indexed.toFixed(0)} ms` });
          rows.push({ group: g, name: 'server peak RSS (VmHWM)', value: w.peakRssMb, unit: 'MB', target: size >= 10000 ? '<= 150 MB' : undefined, ...(size >= 10000 && w.peakRssMb !== undefined ? { pass: w.peakRssMb <= 150 } : {}) });
        } catch (e) {
          rows.push({ group: g, name: 'workspace diagnostics', note: `failed: ${e instanceof Error ? e.message : String(e)}` });
        }
      } else {
        rows.push({ group: g, name: 'workspace diagnostics / server RSS', note: 'n/a (server not built)' });
      }
    }

    for (const lines of [200, 2000]) {
      const text = longDocument(lines);
      const path = join(tmp, 'long', 'changes', `long-${lines}.md`);
      mkdirSync(join(tmp, 'long', 'changes'), { recursive: true });
      writeFileSync(path, text);
      const inProcess = validateOnce(text, args.runs * 3);
      const g = `${lines}-line doc`;
      if (!haveServer) {
        rows.push({ group: g, name: 'round trip didChange -> publishDiagnostics', note: 'n/a (server not built)' });
        continue;
      }
      log(`[${g}] protocol round trips...`);
      const rt = await measureRoundTrip(SERVER, path, Math.max(5, args.runs * 2));
      extra[`roundTrip${lines}`] = { ...rt, inProcess };
      const base = { group: g, baselineName: 'in-process analyze + check', baseline: inProcess };
      rows.push(ratioRow({ ...base, name: 'round trip didOpen -> publish (no debounce)', value: rt.open, target: '<= 1.5x', max: 1.5 }));
      rows.push(ratioRow({ ...base, name: `round trip didChange -> publish, minus the ${DEBOUNCE_MS} ms debounce`, value: rt.change - DEBOUNCE_MS, target: '<= 1.5x', max: 1.5 }));
      rows.push({ group: g, name: 'round trip didChange -> publish, as measured', value: rt.change, note: `includes the server's ${DEBOUNCE_MS} ms debounce` });
    }
  } finally {
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`corpus kept in ${tmp}`);
  }

  m.loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
  const out = table(rows);
  process.stdout.write(`\nITSMote bench, ${new Date().toISOString()}\nmachine: ${m.cores} x ${m.cpus}, ${m.memoryGb} GB, node ${m.node}, ${m.platform}\nload average before: ${m.loadBefore.join(' ')}, after: ${m.loadAfter.join(' ')}${m.loadBefore[0]! > m.cores * 0.5 || m.loadAfter[0]! > m.cores * 0.5 ? ' (busy machine: noisy figures)' : ''}\nmedians of ${args.runs} rounds in process, ${spawnRuns} for spawned processes; µs are per document\n\n${out}\n`);
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `result-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), args, machine: m, rows, details: extra }, null, 2));
  process.stdout.write(`\nresult written to ${file}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
