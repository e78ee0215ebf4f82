/** `check --format sarif|github`, `--max-warnings` and `--now`. */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, tempTree, validChange } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: { id: string; name: string; helpUri: string; defaultConfiguration: { level: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
  }[];
}

describe('itsmote check --format sarif', () => {
  let r: ReturnType<typeof itsmote>;
  let log: SarifLog;
  let run: SarifLog['runs'][number];
  before(() => {
    r = itsmote(['check', 'examples', '--now', NOW, '--format', 'sarif']);
    log = json<SarifLog>(r);
    run = log.runs[0]!;
  });

  it('is a SARIF 2.1.0 log with the rule index as driver rules', () => {
    assert.equal(r.code, 1);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    assert.equal(run.tool.driver.name, 'itsmote');
    const ids = run.tool.driver.rules.map((x) => x.id);
    assert.equal(ids[0], 'CM001');
    assert.ok(ids.includes('CM040'));
    const cm010 = run.tool.driver.rules.find((x) => x.id === 'CM010')!;
    assert.equal(cm010.name, 'rollback-missing');
    assert.match(cm010.helpUri, /#cm010$/);
    assert.equal(cm010.defaultConfiguration.level, 'error');
  });

  it('has one result per diagnostic with level, ruleIndex and a 1-based region', () => {
    assert.equal(run.results.length, 10);
    for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
    assert.deepEqual(
      run.results.map((x) => x.level).sort(),
      [...Array(7).fill('error'), ...Array(3).fill('warning')].sort(),
    );
    const owner = run.results.find((x) => x.ruleId === 'CM012')!;
    const loc = owner.locations[0]!.physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'examples/changes/2026-09-15-billing-cron-migration.md');
    // JSON range: line 3, characters 16..33 (0-based, end exclusive) -> SARIF 4:17..4:34.
    assert.deepEqual(loc.region, { startLine: 4, startColumn: 17, endLine: 4, endColumn: 34 });
  });
});

describe('itsmote check --format github', () => {
  it('prints one workflow command per diagnostic, 1-based, with title = code', () => {
    const r = itsmote(['check', 'examples', '--now', NOW, '--format', 'github']);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 10);
    assert.ok(
      lines.every((l) =>
        /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CM\d{3}::\S/.test(l),
      ),
      lines.join('\n'),
    );
    assert.ok(
      lines.includes(
        '::error file=examples/changes/2026-09-15-billing-cron-migration.md,line=4,col=17,endLine=4,endColumn=34,title=CM012::Change Owner "the platform team" is a team. Name one person accountable for this change; never assign "the team".',
      ),
    );
  });

  it('escapes commas and colons in the file property and % in messages', () => {
    const t = tempTree({ 'changes/a,b:c%.md': '# Only a title\n' });
    try {
      const r = itsmote(['check', '--format', 'github', 'changes/a,b:c%.md'], { cwd: t.dir });
      assert.match(r.stdout, /^::error file=changes\/a%2Cb%3Ac%25\.md,line=1,col=1,/);
      assert.equal(r.code, 1);
    } finally {
      t.cleanup();
    }
  });
});

describe('itsmote check --max-warnings', () => {
  const t = tempTree({
    // Two warnings (CM040 on each), no errors.
    'changes/a.md': validChange(),
    'changes/b.md': validChange({ window: '2026-12-01 14:30 UTC, 60 min' }),
  });
  after(() => t.cleanup());

  it('exits with 0 for warnings alone, and 1 when there are more than the maximum', () => {
    const args = ['check', '--now', NOW, t.dir];
    assert.equal(itsmote(args).code, 0);
    assert.equal(itsmote([...args, '--max-warnings', '2']).code, 0);
    const over = itsmote([...args, '--max-warnings', '1']);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'itsmote: too many warnings (2; maximum: 1)\n');
  });
});

describe('itsmote check --now', () => {
  // In Progress since 2026-12-01 14:00: stale (CM036) after 24 h.
  const t = tempTree({
    'changes/running.md': validChange({
      status: 'In Progress',
      log: [
        '2026-11-26 10:02 UTC Planned by @alice',
        '2026-11-27 09:15 UTC Approved by @bob',
        '2026-12-01 14:00 UTC In Progress by @alice',
      ],
    }),
  });
  after(() => t.cleanup());
  const codes = (args: string[], env: Record<string, string> = {}) =>
    json<JsonFileResult[]>(itsmote(['check', '-f', 'json', t.dir, ...args], { env }))[0]!.diagnostics.map(
      (d) => d.code,
    );

  it('fixes the clock for time rules', () => {
    assert.deepEqual(codes(['--now', '2026-12-02T14:00:00Z']), []);
    assert.deepEqual(codes(['--now', '2026-12-02T14:01:00Z']), ['CM036']);
  });
  it('reads a time without a zone as UTC, and accepts offsets', () => {
    assert.deepEqual(codes(['--now', '2026-12-02T14:00']), []);
    assert.deepEqual(codes(['--now', '2026-12-02T16:01+02:00']), ['CM036']);
  });
  it('takes ITSMOTE_NOW when --now is absent, and --now over it', () => {
    assert.deepEqual(codes([], { ITSMOTE_NOW: '2026-12-05T00:00:00Z' }), ['CM036']);
    assert.deepEqual(codes(['--now', '2026-12-01T15:00:00Z'], { ITSMOTE_NOW: '2026-12-05T00:00:00Z' }), []);
  });
});
