/**
 * Metrics (SPEC section 5) on a hand-computed set: every expected figure below was worked out
 * by hand from the documents, not by running the code.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/core/model';
import { computeMetrics, executionFacts } from '../../server/src/core/metrics';
import type { MonthMetrics } from '../../server/src/core/metrics';

/** A change document with the given header values and status log lines. */
function change(id: string, opts: { type?: string; risk?: string; status: string; caused?: string; log: string[] }) {
  const text = [
    `# ${id}`,
    '',
    `- Change type: ${opts.type ?? 'Normal'}`,
    '- Change Owner: @alice',
    '- Affected services: api',
    `- Risk level: ${opts.risk ?? 'Medium'}`,
    `- Status: ${opts.status}`,
    ...(opts.caused !== undefined ? [`- Caused incidents: ${opts.caused}`] : []),
    '',
    '## Status log',
    '',
    ...opts.log.map((l) => `- ${l}`),
    '',
  ].join('\n');
  return analyze(text, `changes/${id}.md`).doc;
}

const DOCS = [
  // 2026-10: three executed.
  change('oct-a', {
    type: 'Standard',
    risk: 'Low',
    status: 'Closed',
    log: [
      '2026-10-01 09:00 UTC Planned',
      '2026-10-02 10:00 UTC In Progress',
      '2026-10-02 10:30 UTC Verifying',
      '2026-10-02 11:00 UTC Closed',
    ],
  }),
  // Rolled back after 40 minutes, caused INC-1 (shared with oct-c).
  change('oct-b', {
    risk: 'High',
    status: 'Rolled Back',
    caused: 'INC-1',
    log: [
      '2026-10-05 09:00 UTC Planned',
      '2026-10-05 10:00 UTC Approved by @bob',
      '2026-10-10 22:00 UTC In Progress',
      '2026-10-10 22:40 UTC Rolled Back: errors',
    ],
  }),
  // Not rolled back, caused INC-1 again and INC-2; `inc-1` in lower case is the same incident.
  change('oct-c', {
    risk: 'High',
    status: 'Closed',
    caused: 'inc-1, INC-2',
    log: [
      '2026-10-20 08:00 UTC Planned',
      '2026-10-20 09:00 UTC Approved by @bob',
      '2026-10-31 23:30 UTC In Progress',
      '2026-11-01 00:10 UTC Verifying',
      '2026-11-01 02:00 UTC Closed',
    ],
  }),
  // 2026-11: two executed. A zone offset moves the start into November UTC.
  change('nov-a', {
    type: 'Emergency',
    risk: 'Medium',
    status: 'Closed',
    log: [
      '2026-11-01 00:30 +02:00 In Progress',
      '2026-11-01 01:00 +02:00 Rolled Back: worse',
      '2026-11-01 09:00 UTC Closed',
    ],
  }),
  // Rolled back, but the rollback time cannot be read: counts as a rollback, not in the mean time.
  change('nov-b', {
    risk: 'Low',
    status: 'Rolled Back',
    caused: 'none',
    log: [
      '2026-11-03 09:00 UTC Planned',
      '2026-11-03 09:30 UTC Approved by @bob',
      '2026-11-04 10:00 UTC In Progress',
      '2026-11-31 10:00 UTC Rolled Back: broken',
    ],
  }),
  // Never executed: ignored whatever its status or caused incidents say.
  change('planned', {
    status: 'Approved',
    caused: 'INC-9',
    log: ['2026-11-05 09:00 UTC Planned', '2026-11-06 09:00 UTC Approved by @bob'],
  }),
  change('rejected', {
    status: 'Rejected',
    log: ['2026-11-05 09:00 UTC Planned', '2026-11-06 09:00 UTC Rejected by @bob: no'],
  }),
  // An In Progress entry whose time cannot be read has no month: not counted.
  change('unreadable-start', { status: 'In Progress', log: ['2026-11-05 09:00 UTC Planned', 'soon In Progress'] }),
];

function month(ms: MonthMetrics[], key: string): MonthMetrics {
  const m = ms.find((x) => x.month === key);
  assert.ok(m, `no metrics for ${key}`);
  return m;
}

describe('computeMetrics', () => {
  const metrics = computeMetrics(DOCS);

  it('has one entry per month with executed changes, oldest first', () => {
    // nov-a starts 2026-10-31 22:30 UTC (00:30 +02:00), so it belongs to October.
    assert.deepEqual(
      metrics.map((m) => m.month),
      ['2026-10', '2026-11'],
    );
  });

  it('puts each executed change in the UTC month of its In Progress entry', () => {
    assert.deepEqual(month(metrics, '2026-10').changes.sort(), ['nov-a', 'oct-a', 'oct-b', 'oct-c']);
    assert.deepEqual(month(metrics, '2026-11').changes, ['nov-b']);
  });

  it('computes October by hand', () => {
    const oct = month(metrics, '2026-10');
    assert.equal(oct.executed, 4);
    // oct-b (rolled back + INC-1), oct-c (caused incidents), nov-a (rolled back): 3 of 4.
    assert.equal(oct.failed, 3);
    assert.equal(oct.changeFailureRate, 0.75);
    assert.equal(oct.rolledBack, 2);
    assert.equal(oct.rollbackRate, 0.5);
    // INC-1 is named by two changes (once in lower case) and counted once.
    assert.deepEqual(oct.incidents, ['INC-1', 'INC-2']);
    assert.equal(oct.incidentsCaused, 2);
    // oct-b 40 min, nov-a 30 min (00:30 -> 01:00 in +02:00).
    assert.equal(oct.meanTimeToRollbackMinutes, 35);
    assert.deepEqual(oct.byType, { Standard: 1, Normal: 2, Emergency: 1, Unknown: 0 });
    assert.deepEqual(oct.byRisk, { Low: 1, Medium: 1, High: 2, Unknown: 0 });
  });

  it('counts a rollback whose time cannot be read, but leaves it out of the mean time', () => {
    const nov = month(metrics, '2026-11');
    assert.equal(nov.executed, 1);
    assert.equal(nov.rolledBack, 1);
    assert.equal(nov.failed, 1);
    assert.equal(nov.changeFailureRate, 1);
    assert.equal(nov.rollbackRate, 1);
    assert.equal(nov.meanTimeToRollbackMinutes, null);
    // `Caused incidents: none` is a placeholder, not an incident.
    assert.equal(nov.incidentsCaused, 0);
    assert.deepEqual(nov.byRisk, { Low: 1, Medium: 0, High: 0, Unknown: 0 });
  });

  it('counts the same incident once per month but in each month that names it', () => {
    const again = change('nov-c', {
      status: 'Closed',
      caused: 'INC-1',
      log: [
        '2026-11-10 09:00 UTC Planned',
        '2026-11-10 10:00 UTC Approved by @bob',
        '2026-11-12 10:00 UTC In Progress',
        '2026-11-12 11:00 UTC Verifying',
        '2026-11-12 12:00 UTC Closed',
      ],
    });
    const ms = computeMetrics([...DOCS, again]);
    assert.deepEqual(month(ms, '2026-10').incidents, ['INC-1', 'INC-2']);
    assert.deepEqual(month(ms, '2026-11').incidents, ['INC-1']);
    assert.equal(month(ms, '2026-11').failed, 2);
  });

  it('ignores changes that were never executed', () => {
    assert.deepEqual(
      computeMetrics(DOCS.filter((d) => ['planned', 'rejected', 'unreadable-start'].includes(d.id))),
      [],
    );
  });

  it('counts changes with an unknown type or risk under Unknown', () => {
    const odd = change('odd', {
      type: 'Urgent',
      risk: 'Extreme',
      status: 'In Progress',
      log: ['2026-12-01 10:00 UTC In Progress'],
    });
    const [dec] = computeMetrics([odd]);
    assert.equal(dec?.byType.Unknown, 1);
    assert.equal(dec?.byRisk.Unknown, 1);
  });
});

describe('executionFacts', () => {
  it('takes the first readable In Progress entry and the first rollback after it', () => {
    const f = executionFacts(DOCS[1]!);
    assert.deepEqual(f, {
      startedAt: Date.UTC(2026, 9, 10, 22, 0),
      rolledBack: true,
      rolledBackAt: Date.UTC(2026, 9, 10, 22, 40),
    });
  });
  it('is undefined without an In Progress entry', () => {
    assert.equal(executionFacts(DOCS[5]!), undefined);
  });
});
