/** `itsmote metrics --format dora` on hand-computed documents. */
import { strict as assert } from 'node:assert';
import { itsmote, json, tempTree, validChange } from './run';
import type { DoraExport } from '../../server/src/cli/format-dora';

const P = '2026-10-30 10:00 UTC Planned by @alice';
const A = '2026-10-31 10:00 UTC Approved by @bob';
const rolledBack = (start: string, back: string) =>
  validChange({
    status: 'Rolled Back',
    log: [P, A, `${start} In Progress by @alice`, `${back} Rolled Back by @alice: errors`],
  });

describe('itsmote metrics --format dora', () => {
  const t = tempTree({
    // November: 4 deployments, 3 failed (restored after 0.5 h, 1.5 h and 6 h), 1 clean.
    'changes/a.md': rolledBack('2026-11-05 10:00 UTC', '2026-11-05 10:30 UTC'),
    'changes/b.md': rolledBack('2026-11-10 10:00 UTC', '2026-11-10 11:30 UTC'),
    'changes/c.md': rolledBack('2026-11-30 22:00 UTC', '2026-12-01 04:00 UTC'),
    'changes/d.md': validChange({
      status: 'Closed',
      log: [P, A, '2026-11-12 10:00 UTC In Progress', '2026-11-12 11:00 UTC Verifying', '2026-11-12 12:00 UTC Closed'],
    }),
    // December: 1 deployment that caused an incident and was not rolled back (no restore time).
    'changes/e.md': validChange({
      status: 'Closed',
      log: [P, A, '2026-12-03 10:00 UTC In Progress', '2026-12-03 11:00 UTC Verifying', '2026-12-03 12:00 UTC Closed'],
    }).replace('- Approval (if required)', '- Caused incidents: INC-77\n- Approval (if required)'),
    // Never executed: not a deployment.
    'changes/f.md': validChange(),
  });
  after(() => t.cleanup());

  it('gives deployments, change_fail_rate and med_time_to_resolve (hours) per month, in a versioned envelope', () => {
    const r = itsmote(['metrics', '--format', 'dora', '.'], { cwd: t.dir });
    assert.equal(r.code, 0);
    const out = json<DoraExport>(r);
    assert.equal(out.schema, 'itsmote-dora/1');
    assert.deepEqual(out.months, [
      {
        month: '2026-11',
        deployments: 4,
        failed_deployments: 3,
        change_fail_rate: 0.75,
        restored_deployments: 3,
        med_time_to_resolve: 1.5,
        mean_time_to_resolve: 2.667,
        incidents: [],
        failed_changes: ['a', 'b', 'c'],
      },
      {
        month: '2026-12',
        deployments: 1,
        failed_deployments: 1,
        change_fail_rate: 1,
        restored_deployments: 0,
        med_time_to_resolve: null,
        mean_time_to_resolve: null,
        incidents: ['INC-77'],
        failed_changes: ['e'],
      },
    ]);
  });

  it('an even number of restores gives the mean of the middle two; --month filters', () => {
    const r = itsmote(['metrics', '--format', 'dora', '--month', '2026-11', 'changes/a.md', 'changes/b.md'], {
      cwd: t.dir,
    });
    const out = json<DoraExport>(r);
    assert.equal(out.months.length, 1);
    assert.equal(out.months[0]!.med_time_to_resolve, 1);
    assert.deepEqual(
      json<DoraExport>(itsmote(['metrics', '--format', 'dora', '--month', '2027-01', '.'], { cwd: t.dir })).months,
      [],
    );
  });
});
