/** `itsmote list` and `itsmote metrics` on the example workspace, against hand-computed figures (examples/EXPECTED.md). */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, tempTree } from './run';
import type { ListEntry } from '../../server/src/cli/list-command';
import type { MonthMetrics } from '../../server/src/core/metrics';

describe('itsmote list', () => {
  it('prints one table row per change, sorted by ID, with status, type, risk, owner, window and title', () => {
    const r = itsmote(['list', 'examples']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^ID +STATUS +TYPE +RISK +OWNER +WINDOW +TITLE$/);
    assert.equal(lines.length, 15);
    assert.match(
      lines[1]!,
      /^2026-08-12-rotate-edge-tls-certs +Closed +Standard +Low +@marta +2026-08-12 09:00–09:30 UTC +Rotate the edge TLS certificates$/,
    );
    // An Emergency change has no window.
    assert.match(
      r.stdout,
      /^2026-11-24-emergency-dns-failover +Closed +Emergency +High +@erin +- +Fail over internal DNS/m,
    );
  });

  it('prints the change summaries as JSON, with problem counts at --now', () => {
    const entries = json<ListEntry[]>(itsmote(['list', 'examples', '-f', 'json', '--now', NOW]));
    assert.equal(entries.length, 14);
    const auth = entries.find((e) => e.id === '2026-11-20-auth-session-ttl')!;
    assert.equal(auth.file, 'examples/changes/2026-11-20-auth-session-ttl.md');
    assert.equal(auth.status, 'In Progress');
    assert.equal(auth.type, 'Normal');
    assert.equal(auth.risk, 'Medium');
    assert.equal(auth.owner, '@kofi');
    assert.deepEqual(auth.services, ['auth', 'web-app']);
    assert.deepEqual(auth.window, { start: '2026-11-20T16:00:00.000Z', end: '2026-11-20T16:30:00.000Z' });
    // CM020 + CM030 errors, CM036 warning.
    assert.deepEqual(auth.problems, { errors: 2, warnings: 1, infos: 0 });
    const payments = entries.find((e) => e.id === '2026-12-01-upgrade-payments-db')!;
    assert.equal(payments.approver, '@bob');
    assert.deepEqual(payments.problems, { errors: 0, warnings: 0, infos: 0 });
  });

  it('filters by status, case-insensitively, repeated or as a comma list', () => {
    const ids = (args: string[]) =>
      json<ListEntry[]>(itsmote(['list', 'examples', '-f', 'json', ...args])).map((e) => `${e.id} ${e.status}`);
    assert.deepEqual(ids(['--status', 'approved']), [
      '2026-12-01-upgrade-payments-db Approved',
      '2026-12-03-edge-proxy-upgrade Approved',
    ]);
    const expected = [
      '2026-11-10-payments-api-rollout Rolled Back',
      '2026-11-20-auth-session-ttl In Progress',
      '2026-11-30-drop-legacy-sessions-table Rejected',
    ];
    assert.deepEqual(ids(['--status', 'IN PROGRESS', '-s', 'rolled back,rejected']), expected);
    assert.deepEqual(ids(['--status', 'In Progress, Rolled Back, rejected']), expected);
  });

  it('says when no change matches', () => {
    const t = tempTree({ 'changes/x.md': '# x\n\n- Change type: Standard\n- Status: Planned\n' });
    try {
      assert.equal(itsmote(['list', '--status', 'closed', t.dir]).stdout, 'No changes.\n');
      assert.equal(itsmote(['list', '-f', 'json', '--status', 'closed', t.dir]).stdout, '[]\n');
    } finally {
      t.cleanup();
    }
  });
});

describe('itsmote metrics', () => {
  // Worked out by hand from the example documents; see examples/EXPECTED.md.
  const EXPECTED = [
    {
      month: '2026-08',
      executed: 2,
      failed: 1,
      changeFailureRate: 0.5,
      rolledBack: 1,
      rollbackRate: 0.5,
      incidents: ['INC-2041'],
      mttr: 35,
      type: [1, 1, 0],
      risk: [1, 1, 0],
    },
    {
      month: '2026-09',
      executed: 2,
      failed: 2,
      changeFailureRate: 1,
      rolledBack: 0,
      rollbackRate: 0,
      incidents: ['INC-2107', 'INC-2115'],
      mttr: null,
      type: [0, 2, 0],
      risk: [0, 1, 1],
    },
    {
      month: '2026-10',
      executed: 1,
      failed: 0,
      changeFailureRate: 0,
      rolledBack: 0,
      rollbackRate: 0,
      incidents: [],
      mttr: null,
      type: [1, 0, 0],
      risk: [1, 0, 0],
    },
    {
      month: '2026-11',
      executed: 4,
      failed: 2,
      changeFailureRate: 0.5,
      rolledBack: 2,
      rollbackRate: 0.5,
      incidents: ['INC-2301'],
      mttr: 34.5,
      type: [1, 2, 1],
      risk: [1, 1, 2],
    },
  ];

  it('computes the example months in JSON', () => {
    const r = itsmote(['metrics', 'examples', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const ms = json<MonthMetrics[]>(r);
    assert.deepEqual(
      ms.map((m) => ({
        month: m.month,
        executed: m.executed,
        failed: m.failed,
        changeFailureRate: m.changeFailureRate,
        rolledBack: m.rolledBack,
        rollbackRate: m.rollbackRate,
        incidents: m.incidents,
        mttr: m.meanTimeToRollbackMinutes,
        type: [m.byType.Standard, m.byType.Normal, m.byType.Emergency],
        risk: [m.byRisk.Low, m.byRisk.Medium, m.byRisk.High],
      })),
      EXPECTED,
    );
    assert.ok(ms.every((m) => m.incidentsCaused === m.incidents.length));
  });

  it('writes the same figures as CSV', () => {
    const r = itsmote(['metrics', 'examples', '--format', 'csv']);
    const [header, ...rows] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    assert.deepEqual(header!.slice(0, 9), [
      'month',
      'executed',
      'failed',
      'change_failure_rate',
      'rolled_back',
      'rollback_rate',
      'incidents_caused',
      'incidents',
      'mean_time_to_rollback_minutes',
    ]);
    const col = (name: string) => header!.indexOf(name);
    assert.deepEqual(
      rows.map((x) => x[col('month')]),
      EXPECTED.map((e) => e.month),
    );
    assert.deepEqual(
      rows.map((x) => Number(x[col('change_failure_rate')])),
      EXPECTED.map((e) => e.changeFailureRate),
    );
    assert.deepEqual(
      rows.map((x) => Number(x[col('incidents_caused')])),
      EXPECTED.map((e) => e.incidents.length),
    );
    assert.deepEqual(
      rows.map((x) => x[col('mean_time_to_rollback_minutes')]),
      ['35', '', '', '34.5'],
    );
    assert.deepEqual(
      rows.map((x) => x[col('incidents')]),
      ['INC-2041', 'INC-2107 INC-2115', '', 'INC-2301'],
    );
    assert.deepEqual(
      rows.map((x) => [x[col('standard')], x[col('normal')], x[col('emergency')]].map(Number)),
      EXPECTED.map((e) => e.type),
    );
    assert.deepEqual(
      rows.map((x) => [x[col('low')], x[col('medium')], x[col('high')]].map(Number)),
      EXPECTED.map((e) => e.risk),
    );
  });

  it('prints a table with percentages and minutes', () => {
    const lines = itsmote(['metrics', 'examples']).stdout.trimEnd().split('\n');
    assert.equal(lines.length, 5);
    assert.match(
      lines[0]!,
      /^MONTH +EXECUTED +FAILURE RATE +ROLLBACK % +INCIDENTS +MTTR \(MIN\) +STANDARD +NORMAL +EMERGENCY +LOW +MEDIUM +HIGH$/,
    );
    assert.deepEqual(lines[4]!.split(/\s+/), [
      '2026-11',
      '4',
      '50.0%',
      '50.0%',
      '1',
      '34.5',
      '1',
      '2',
      '1',
      '1',
      '1',
      '2',
    ]);
    assert.deepEqual(lines[2]!.split(/\s+/), [
      '2026-09',
      '2',
      '100.0%',
      '0.0%',
      '2',
      '-',
      '0',
      '2',
      '0',
      '0',
      '1',
      '1',
    ]);
  });

  it('filters by month', () => {
    const ms = json<MonthMetrics[]>(
      itsmote(['metrics', 'examples', '-f', 'json', '--month', '2026-09', '-m', '2026-11']),
    );
    assert.deepEqual(
      ms.map((m) => m.month),
      ['2026-09', '2026-11'],
    );
    assert.equal(itsmote(['metrics', 'examples', '--month', '2025-01']).stdout, 'No executed changes.\n');
  });
});
