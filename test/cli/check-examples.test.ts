/** `itsmote check` on the example workspace: exactly the codes of examples/EXPECTED.md. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, itsmote, json, NOW } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';

/** The file -> codes table of EXPECTED.md (sorted codes, one entry per listed file). */
function expectedCodes(): Map<string, string[]> {
  const md = readFileSync(join(EXAMPLES, 'EXPECTED.md'), 'utf8');
  const out = new Map<string, string[]>();
  for (const line of md.split('\n')) {
    const m = /^\| (changes\/\S+\.md) \|([^|]*)\|/.exec(line);
    if (m)
      out.set(
        `examples/${m[1]}`,
        m[2]!
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .sort(),
      );
  }
  return out;
}

describe('itsmote check examples', () => {
  const expected = expectedCodes();

  it('lists every example file in EXPECTED.md', () => {
    assert.equal(expected.size, 14);
  });

  it('reports exactly the expected codes per file and exits with 1', () => {
    const r = itsmote(['check', 'examples', '--now', NOW, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const actual = new Map(json<JsonFileResult[]>(r).map((f) => [f.file, f.diagnostics.map((d) => d.code).sort()]));
    assert.deepEqual(actual, expected);
  });

  it('prints stylish text with 1-based positions and a summary line', () => {
    const r = itsmote(['check', 'examples', '--now', NOW]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), '7 errors, 3 warnings, 0 infos in 14 files');
    const i = lines.indexOf('examples/changes/2026-11-28-rabbitmq-prefetch.md');
    assert.ok(i >= 0, r.stdout);
    // CM010 sits on the header's first line: line 3 of the file (0-based line 2).
    assert.match(lines[i + 1]!, /^ {2}3:1 {2}error {2}No rollback plan\..* {2}CM010$/);
    // Clean files are not listed.
    assert.ok(!r.stdout.includes('2026-08-12-rotate-edge-tls-certs'));
  });

  it('lists clean files with an empty list in JSON, with LSP 0-based ranges', () => {
    const files = json<JsonFileResult[]>(itsmote(['check', 'examples', '--now', NOW, '-f', 'json']));
    const clean = files.find((f) => f.file.endsWith('2026-12-01-upgrade-payments-db.md'));
    assert.deepEqual(clean?.diagnostics, []);
    const owner = files.find((f) => f.file.endsWith('billing-cron-migration.md'))!.diagnostics[0]!;
    assert.deepEqual(Object.keys(owner).sort(), ['code', 'message', 'range', 'severity']);
    assert.equal(owner.severity, 'error');
    // `- Change Owner: the platform team` is line 4 (0-based 3); the value starts at character 16.
    assert.deepEqual(owner.range, { start: { line: 3, character: 16 }, end: { line: 3, character: 33 } });
  });

  it('checks the files named explicitly, whatever their names', () => {
    const r = itsmote([
      'check',
      '--now',
      NOW,
      '-f',
      'json',
      'examples/changes/2026-11-24-emergency-dns-failover.md',
      'examples/EXPECTED.md',
    ]);
    const files = json<JsonFileResult[]>(r);
    assert.deepEqual(
      files.map((f) => f.file),
      ['examples/changes/2026-11-24-emergency-dns-failover.md', 'examples/EXPECTED.md'],
    );
    assert.deepEqual(
      files[0]!.diagnostics.map((d) => d.code),
      ['CM023'],
    );
    // EXPECTED.md has no header list: CM001.
    assert.deepEqual(
      files[1]!.diagnostics.map((d) => d.code),
      ['CM001'],
    );
    assert.equal(r.code, 1);
  });

  it('checks a file reached twice only once', () => {
    const files = json<JsonFileResult[]>(
      itsmote(['check', '-f', 'json', '--now', NOW, 'examples', 'examples/changes/2026-10-27-log-retention.md']),
    );
    assert.equal(files.length, 14);
  });

  it('defaults to the current folder', () => {
    const r = itsmote(['check', '--now', NOW, '-f', 'json'], { cwd: EXAMPLES });
    const files = json<JsonFileResult[]>(r);
    assert.equal(files.length, 14);
    assert.ok(
      files.every((f) => f.file.startsWith('changes/')),
      files.map((f) => f.file).join(),
    );
  });
});
