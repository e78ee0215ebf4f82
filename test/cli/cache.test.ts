/**
 * `--cache`: a warm run prints what a run without the cache prints, reuses records only for
 * unchanged content and config, recomputes the clock and cross-document rules, and never trusts a
 * cache file that is damaged, foreign or of another version.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, itsmote, NOW, validChange } from './run';
import { rewriteCacheFile } from '../helpers/cache-file';

/** A copy of the example workspace in a temp folder, with the cache file inside it. */
function workspace(): {
  dir: string;
  cache: string;
  run(args: string[], now?: string): ReturnType<typeof itsmote>;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'itsmote-cache-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  const cache = join(dir, '.itsmotecache');
  return {
    dir,
    cache,
    run: (args, now = NOW) => itsmote(args, { cwd: dir, env: { ITSMOTE_NOW: now } }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe('itsmote --cache', () => {
  let w: ReturnType<typeof workspace>;
  beforeEach(() => (w = workspace()));
  afterEach(() => w.cleanup());

  it('prints the same as without the cache, cold and warm, for check, list and metrics', () => {
    for (const args of [
      ['check', '.', '-f', 'json'],
      ['check', '.', '-f', 'sarif'],
      ['check', '.', '--report-suppressions'],
      ['list', '.', '-f', 'json'],
      ['list', '.'],
      ['metrics', '.', '-f', 'json'],
      ['metrics', '.', '-f', 'dora'],
    ]) {
      const plain = w.run(args);
      const cold = w.run([...args, '--cache']);
      assert.ok(existsSync(w.cache), 'the cache file is written');
      const warm = w.run([...args, '--cache']);
      for (const r of [cold, warm]) {
        assert.equal(r.code, plain.code, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stdout, plain.stdout, args.join(' '));
        assert.equal(r.stderr, plain.stderr, args.join(' '));
      }
    }
  });

  it('uses a cached record when the content and config are unchanged, and only then', () => {
    w.run(['check', '.', '--cache']);
    const file = join(w.dir, 'changes/2026-12-01-upgrade-payments-db.md');
    // A planted record: its diagnostic can only come from the cache.
    // The compact form (core/record-codec.ts): [range, severity, code, message].
    rewriteCacheFile(
      w.cache,
      (path, record) => path === file && record.s.push([[0, 0, 0, 1], 1, 'CM999', 'planted']) > 0,
    );
    assert.match(w.run(['check', '.', '--cache']).stdout, /planted/);
    // Changed content: the record is made again.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    assert.doesNotMatch(w.run(['check', '.', '--cache']).stdout, /planted/);
  });

  it('makes a cached record that does not decode again from its file, and saves it', () => {
    const plain = w.run(['check', '.', '-f', 'json']);
    w.run(['check', '.', '--cache']);
    // Damaged where only decoding sees it (the file's hashes are right): its brief says it has diagnostics.
    const file = join(w.dir, 'changes/2026-12-01-upgrade-payments-db.md');
    rewriteCacheFile(w.cache, (path, record) => path === file && Boolean(((record as { s: unknown }).s = 'damaged')));
    const damaged = readFileSync(w.cache, 'utf8');
    for (let i = 0; i < 2; i++) {
      const r = w.run(['check', '.', '-f', 'json', '--cache']);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.stderr, plain.stderr);
      if (i === 0) assert.notEqual(readFileSync(w.cache, 'utf8'), damaged, 'the cache is rewritten');
    }
    assert.doesNotMatch(readFileSync(w.cache, 'utf8'), /"damaged"/);
  });

  it('makes records damaged on disk (their own hash no longer matches) again from their files, silently', () => {
    const plain = w.run(['check', '.', '-f', 'json']);
    w.run(['check', '.', '-f', 'json', '--cache']);
    // Every rule code in the records block damaged, lengths kept: the first line and the summaries
    // block stay valid, so only each record's own hash can tell.
    const bytes = readFileSync(w.cache);
    const nl = bytes.indexOf(10);
    const recordsAt =
      nl + 1 + Number((JSON.parse(bytes.subarray(0, nl).toString()) as { summariesBytes: string }).summariesBytes);
    const records = bytes.subarray(recordsAt).toString('latin1');
    assert.match(records, /"CM0/);
    writeFileSync(
      w.cache,
      Buffer.concat([bytes.subarray(0, recordsAt), Buffer.from(records.replaceAll('"CM0', '"CX0'), 'latin1')]),
    );
    const damaged = readFileSync(w.cache);
    const r = w.run(['check', '.', '-f', 'json', '--cache']);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.stderr, plain.stderr, 'a damaged record is a miss, not a damaged file');
    assert.ok(!readFileSync(w.cache).equals(damaged), 'the records read were made again and saved');
    for (const args of [
      ['check', '.', '-f', 'json'],
      ['metrics', '.', '-f', 'json'],
      ['list', '.', '-f', 'json'],
    ])
      assert.equal(w.run([...args, '--cache']).stdout, w.run(args).stdout, args.join(' '));
  });

  it('lists from the summary column when the content and config are unchanged, and only then', () => {
    w.run(['list', '.', '--cache']);
    const file = join(w.dir, 'changes/2026-12-01-upgrade-payments-db.md');
    // A planted title: the table can only show it when it reads the summary column.
    rewriteCacheFile(w.cache, (path, _record, summary) => path === file && Boolean((summary.title = 'Planted title')));
    assert.match(w.run(['list', '.', '--cache']).stdout, /Planted title/);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    assert.doesNotMatch(w.run(['list', '.', '--cache']).stdout, /Planted title/);
  });

  it('still refuses a file that became binary or invalid UTF-8, as a run without the cache does', () => {
    w.run(['check', '.', '--cache']);
    const file = join(w.dir, 'changes/2026-12-01-upgrade-payments-db.md');
    const text = readFileSync(file);
    for (const bad of [Buffer.concat([text, Buffer.from([0xff])]), Buffer.concat([text, Buffer.from([0])])]) {
      writeFileSync(file, bad);
      const plain = w.run(['check', '.', '-f', 'json']);
      assert.match(plain.stderr, /upgrade-payments-db\.md: skipped: (not valid UTF-8|binary file)/);
      // Once to make the cache hold what it read, once warm.
      for (let i = 0; i < 2; i++) {
        const r = w.run(['check', '.', '-f', 'json', '--cache']);
        assert.equal(r.stdout, plain.stdout);
        assert.equal(r.stderr, plain.stderr);
      }
    }
  });

  it('checks again with a changed config', () => {
    const before = w.run(['check', '.', '-f', 'json', '--cache']);
    assert.match(before.stdout, /"CM036"/);
    writeFileSync(
      join(w.dir, '.itsmote.json'),
      JSON.stringify({
        ...JSON.parse(readFileSync(join(w.dir, '.itsmote.json'), 'utf8')),
        rules: { CM013: 'off', CM036: 'error' },
      }),
    );
    const after = w.run(['check', '.', '-f', 'json', '--cache']);
    assert.deepEqual(JSON.parse(after.stdout), JSON.parse(w.run(['check', '.', '-f', 'json']).stdout));
    assert.notEqual(after.stdout, before.stdout);
  });

  it('recomputes the clock rule (CM036) on every run', () => {
    const at = (now: string) =>
      JSON.parse(w.run(['list', '.', '-f', 'json', '--cache'], now).stdout) as {
        id: string;
        problems: { warnings: number };
      }[];
    const plain = (now: string) => JSON.parse(w.run(['list', '.', '-f', 'json'], now).stdout);
    // Planned/Approved changes whose window is past become stale a month later.
    const later = '2027-01-15T12:00:00Z';
    assert.deepEqual(at(NOW), plain(NOW));
    const warm = at(later);
    assert.deepEqual(warm, plain(later));
    const warnings = (xs: { problems: { warnings: number } }[]) => xs.reduce((n, x) => n + x.problems.warnings, 0);
    assert.ok(warnings(warm) > warnings(at(NOW)), 'more stale changes later');
  });

  it('recomputes window conflicts (CM040) from the cached records when another document changes', () => {
    const a = join(w.dir, 'changes/2099-01-01-a.md');
    writeFileSync(a, validChange({ window: '2026-12-20 10:00 UTC, 60 min', services: 'ledger' }));
    type Result = { file: string; diagnostics: { code: string }[] }[];
    const codes = (results: Result, name: string) =>
      results.find((r) => r.file.endsWith(name))!.diagnostics.map((d) => d.code);
    const first = JSON.parse(w.run(['check', '.', '-f', 'json', '--cache']).stdout) as Result;
    assert.deepEqual(codes(first, '2099-01-01-a.md'), []);
    // b overlaps a; a is unchanged and comes from the cache, yet gets its CM040.
    writeFileSync(
      join(w.dir, 'changes/2099-01-01-b.md'),
      validChange({ window: '2026-12-20 10:30 UTC, 60 min', services: 'ledger' }),
    );
    const warm = w.run(['check', '.', '-f', 'json', '--cache']).stdout;
    assert.deepEqual(codes(JSON.parse(warm) as Result, '2099-01-01-a.md'), ['CM040']);
    assert.deepEqual(codes(JSON.parse(warm) as Result, '2099-01-01-b.md'), ['CM040']);
    assert.equal(warm, w.run(['check', '.', '-f', 'json']).stdout);
  });

  for (const [what, damage] of [
    ['a truncated file', (t: string) => t.slice(0, t.length >> 1)],
    ['a changed byte', (t: string) => t.replace('"CM0', '"CX0')],
    ['a foreign file', () => '{"version":"8.0.0","files":{}}\n{}'],
    ['binary garbage', () => '\u0000\u00ff\u0013garbage'],
  ] as const) {
    it(`ignores ${what} with a message and rewrites it`, () => {
      const plain = w.run(['check', '.', '-f', 'json']);
      w.run(['check', '.', '--cache']);
      writeFileSync(w.cache, damage(readFileSync(w.cache, 'utf8')));
      const r = w.run(['check', '.', '-f', 'json', '--cache']);
      assert.equal(r.stdout, plain.stdout);
      assert.match(r.stderr, /\.itsmotecache: ignored: (corrupt|not an itsmote cache file)/);
      // Rewritten: the next run uses it without a message.
      const again = w.run(['check', '.', '-f', 'json', '--cache']);
      assert.equal(again.stderr, plain.stderr);
      assert.equal(again.stdout, plain.stdout);
    });
  }

  it('lists from the summaries when the records block is damaged, and makes the records of changed files again', () => {
    const plain = () => w.run(['list', '.']).stdout;
    w.run(['list', '.', '--cache']);
    const text = readFileSync(w.cache, 'utf8');
    // Summaries hold no rule codes: this damages the records block only.
    const damaged = text.replace('"CM0', '"CX0');
    assert.notEqual(damaged, text, 'a record was damaged');
    writeFileSync(w.cache, damaged);
    const file = join(w.dir, 'changes/2026-12-01-upgrade-payments-db.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(- Risk level:).*$/m, '$1 Low'));
    const r = w.run(['list', '.', '--cache']);
    assert.equal(r.stdout, plain());
    assert.match(r.stdout.split('\n').find((l) => l.includes('upgrade-payments-db')) ?? '', /\bLow\b/);
    // The file was rewritten whole: a check reads it without a message, with the same result as without it.
    const check = w.run(['check', '.', '-f', 'json', '--cache']);
    assert.equal(check.stderr, w.run(['check', '.', '-f', 'json']).stderr);
    assert.equal(check.stdout, w.run(['check', '.', '-f', 'json']).stdout);
  });

  it("silently replaces another version's cache", () => {
    w.run(['check', '.', '--cache']);
    const text = readFileSync(w.cache, 'utf8');
    const nl = text.indexOf('\n');
    writeFileSync(
      w.cache,
      `${JSON.stringify({ ...JSON.parse(text.slice(0, nl)), version: '0.0.1' })}${text.slice(nl)}`,
    );
    const r = w.run(['check', '.', '--cache']);
    assert.equal(r.stderr, '');
    assert.doesNotMatch(readFileSync(w.cache, 'utf8').slice(0, nl + 20), /0\.0\.1/);
  });

  it('puts the cache file where --cache-location says (a file, or a folder)', () => {
    const folder = join(w.dir, 'cachedir');
    cpSync(join(w.dir, 'changes'), join(folder, 'keep'), { recursive: true });
    w.run(['check', 'changes', '--cache', '--cache-location', 'cachedir']);
    assert.ok(existsSync(join(folder, '.itsmotecache')));
    w.run(['check', 'changes', '--cache', '--cache-location', 'my.cache']);
    assert.ok(existsSync(join(w.dir, 'my.cache')));
    assert.ok(!existsSync(w.cache));
  });

  it('refuses --cache-location without --cache', () => {
    const r = w.run(['check', '.', '--cache-location', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--cache-location needs --cache/);
  });
});
