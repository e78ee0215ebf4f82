/** Suppression comments through the CLI, and `check --report-suppressions` (text and json). */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, tempTree, validChange } from './run';
import type { SuppressionEntry } from '../../server/src/cli/suppressions-report';

const noImpactAt = (window: string) =>
  validChange({ window }).replace('- Expected user impact: checkout is read-only for up to 2 minutes\n', '');
const withReason = noImpactAt('2026-12-01 14:00 UTC, 60 min').replace(
  '- Change type: Normal',
  '<!-- itsmote-disable-next-line CM013 -- internal batch job, no users (RFC-42) -->\n- Change type: Normal',
);
const noReason = noImpactAt('2026-12-03 14:00 UTC, 60 min').replace(
  '- Change type: Normal',
  '<!-- itsmote-disable-next-line impact-missing -->\n- Change type: Normal',
);
const unused = validChange({ window: '2026-12-07 14:00 UTC, 60 min' }).replace(
  '- Risk level: High',
  '- Risk level: High <!-- itsmote-disable-line CM014 -- not a Standard change anyway -->',
);

describe('itsmote check with suppressions', () => {
  const t = tempTree({
    'changes/a-reason.md': withReason,
    'changes/b-no-reason.md': noReason,
    'changes/c-unused.md': unused,
  });
  after(() => t.cleanup());

  it('hides suppressed diagnostics; a suppression without a reason is a CM007 warning', () => {
    const r = itsmote(['check', '--now', NOW, '.'], { cwd: t.dir });
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /  CM013\n/);
    assert.match(
      r.stdout,
      /changes\/b-no-reason\.md\n {2}3:1 +warning +This suppression of CM013 gives no reason.*CM007/,
    );
    assert.match(r.stdout, /0 errors, 1 warning, 0 infos in 3 files/);
  });

  it('--report-suppressions lists each suppression with file, line, rules, reason and what it hid (json)', () => {
    const r = itsmote(['check', '--report-suppressions', '--format', 'json', '--now', NOW, '.'], { cwd: t.dir });
    assert.equal(r.code, 0);
    const entries = json<SuppressionEntry[]>(r);
    assert.deepEqual(
      entries.map((e) => [e.file, e.line, e.kind, e.rules, e.reason, e.suppressed.map((s) => s.code)]),
      [
        ['changes/a-reason.md', 3, 'disable-next-line', ['CM013'], 'internal batch job, no users (RFC-42)', ['CM013']],
        ['changes/b-no-reason.md', 3, 'disable-next-line', ['CM013'], null, ['CM013']],
        ['changes/c-unused.md', 6, 'disable-line', ['CM014'], 'not a Standard change anyway', []],
      ],
    );
    assert.equal(entries[0]!.suppressed[0]!.line, 4);
  });

  it('--report-suppressions as a text table with a summary line', () => {
    const r = itsmote(['check', '--report-suppressions', '--now', NOW, '.'], { cwd: t.dir });
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^LOCATION +KIND +RULES +HID +REASON$/);
    assert.match(
      lines[1]!,
      /^changes\/a-reason\.md:3 +disable-next-line +CM013 +1 +internal batch job, no users \(RFC-42\)$/,
    );
    assert.match(lines[2]!, /^changes\/b-no-reason\.md:3 .* \(no reason\)$/);
    assert.equal(lines[lines.length - 1], '3 suppressions hid 2 diagnostics; 1 without a reason');
  });

  it('--report-suppressions with sarif or github is a usage error', () => {
    const r = itsmote(['check', '--report-suppressions', '--format', 'sarif', '.'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--report-suppressions prints text or json/);
  });

  it('--format sarif keeps suppressed results, marked inSource with the reason as justification', () => {
    const r = itsmote(['check', '--format', 'sarif', '--now', NOW, '.'], { cwd: t.dir });
    assert.equal(r.code, 0);
    type R = {
      ruleId: string;
      suppressions?: { kind: string; status: string; justification?: string }[];
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    };
    const results = json<{ runs: { results: R[] }[] }>(r).runs[0]!.results;
    const suppressed = results.filter((x) => x.suppressions);
    assert.deepEqual(
      suppressed.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri, x.suppressions]),
      [
        [
          'CM013',
          'changes/a-reason.md',
          [{ kind: 'inSource', status: 'accepted', justification: 'internal batch job, no users (RFC-42)' }],
        ],
        ['CM013', 'changes/b-no-reason.md', [{ kind: 'inSource', status: 'accepted' }]],
      ],
    );
    assert.deepEqual(
      results.filter((x) => !x.suppressions).map((x) => x.ruleId),
      ['CM007'],
    );
  });
});
