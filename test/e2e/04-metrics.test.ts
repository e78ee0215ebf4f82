import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { MetricsNode } from '../../client/src/metrics/view';
import { api, until, workspaceRoot } from './helpers';

// The figures of examples/EXPECTED.md ("Metrics"), month by month.
const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11'];
const FAILURE_RATE = [50, 100, 0, 50];
const ROLLBACK_RATE = [50, 0, 0, 50];
const INCIDENTS = [1, 2, 0, 1];
const MTTR = [35, null, null, 34.5];

function figure(children: MetricsNode[], label: string): string {
  const f = children.find((c) => c.kind === 'figure' && c.label === label);
  return f?.kind === 'figure' ? f.value : '(missing)';
}

describe('metrics', () => {
  it('shows this month and last month in the Metrics view (clock fixed at 2026-11-28)', async () => {
    const a = await api();
    await a.metricsTree.refresh();
    const [thisMonth, lastMonth] = a.metricsTree.getChildren();
    assert.ok(thisMonth?.kind === 'month' && lastMonth?.kind === 'month');
    assert.equal(thisMonth.label, 'This month (2026-11)');
    assert.equal(lastMonth.label, 'Last month (2026-10)');
    const nov = a.metricsTree.getChildren(thisMonth);
    assert.equal(figure(nov, 'Change failure rate'), '50 % (2 of 4)');
    assert.equal(figure(nov, 'Changes with rollback'), '50 % (2)');
    assert.equal(figure(nov, 'Incidents caused'), '1 (INC-2301)');
    assert.equal(figure(nov, 'Mean time to rollback'), '34.5 min');
    const oct = a.metricsTree.getChildren(lastMonth);
    assert.equal(figure(oct, 'Change failure rate'), '0 % (0 of 1)');
    assert.equal(figure(oct, 'Mean time to rollback'), '–');
  });

  it('renders the dashboard: four charts holding the example figures, and the table', async () => {
    const a = await api();
    const rendered = until(
      'the dashboard to draw',
      () => a.dashboard.lastRender?.charts.length === 4 && a.dashboard.lastRender,
      [a.dashboard.onDidRender],
      60_000,
    );
    await vscode.commands.executeCommand('itsmote.showMetrics');
    const r = await rendered;
    const chart = (id: string) => r.charts.find((c) => c.id === id);
    for (const id of ['cfr', 'rollback', 'incidents', 'mttr'])
      assert.deepEqual(chart(id)?.labels, MONTHS, `${id} labels`);
    assert.deepEqual(chart('cfr')?.data, FAILURE_RATE);
    assert.deepEqual(chart('rollback')?.data, ROLLBACK_RATE);
    assert.deepEqual(chart('incidents')?.data, INCIDENTS);
    assert.deepEqual(chart('mttr')?.data, MTTR);
    assert.equal(r.tableRows, MONTHS.length);
  });

  it('exports the metrics to CSV and JSON', async () => {
    const csvUri = vscode.Uri.joinPath(workspaceRoot(), 'out', 'metrics.csv');
    const jsonUri = vscode.Uri.joinPath(workspaceRoot(), 'out', 'metrics.json');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'out'));
    assert.equal(
      (await vscode.commands.executeCommand<vscode.Uri>('itsmote.exportMetrics', csvUri))?.toString(),
      csvUri.toString(),
    );
    const rows = readFileSync(csvUri.fsPath, 'utf8')
      .trimEnd()
      .split('\n')
      .map((r) => r.split(','));
    const header = rows[0]!;
    // The same file as `itsmote metrics --format csv` (docs/cli.md).
    assert.equal(
      header.join(','),
      'month,executed,failed,change_failure_rate,rolled_back,rollback_rate,incidents_caused,incidents,mean_time_to_rollback_minutes,standard,normal,emergency,unknown_type,low,medium,high,unknown_risk',
    );
    assert.equal(rows.length, 1 + MONTHS.length);
    const nov = rows.find((r) => r[0] === '2026-11')!;
    const col = (name: string) => nov[header.indexOf(name)];
    assert.equal(col('executed'), '4');
    assert.equal(col('change_failure_rate'), '0.5');
    assert.equal(col('mean_time_to_rollback_minutes'), '34.5');
    assert.equal(col('incidents'), 'INC-2301');
    await vscode.commands.executeCommand('itsmote.exportMetrics', jsonUri);
    const json = JSON.parse(readFileSync(jsonUri.fsPath, 'utf8')) as {
      months: { month: string; changeFailureRate: number }[];
    };
    assert.deepEqual(
      json.months.map((m) => m.month),
      MONTHS,
    );
    assert.deepEqual(
      json.months.map((m) => Math.round(m.changeFailureRate * 100)),
      FAILURE_RATE,
    );
  });
});
