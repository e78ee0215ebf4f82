import * as assert from 'node:assert/strict';
import type { MonthMetrics } from '../../../server/src/core/metrics';
import { csvCell, formatOfPath, metricsToCsv, metricsToJson } from '../../../client/src/metrics/export';
import { emptyMonth, minutes, percent, previousMonth } from '../../../client/src/metrics/format';

const NOV: MonthMetrics = {
  ...emptyMonth('2026-11'),
  executed: 4,
  failed: 2,
  changeFailureRate: 0.5,
  rolledBack: 2,
  rollbackRate: 0.5,
  incidentsCaused: 2,
  incidents: ['=HYPERLINK("x")', 'INC-1'],
  meanTimeToRollbackMinutes: 34.5,
  byType: { Standard: 1, Normal: 2, Emergency: 1 },
  byRisk: { Low: 1, Medium: 1, High: 2 },
};

describe('client: metrics export and wording', () => {
  it('quotes CSV cells that need it and neutralises formula starters', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('@cmd'), "'@cmd");
    assert.equal(csvCell(-3), '-3', 'numbers are numbers');
    assert.equal(csvCell(null), '');
  });

  it('writes one CSV row per month with rates as fractions', () => {
    const [header, row, end] = metricsToCsv([NOV]).split('\r\n');
    assert.equal(end, '');
    const cols = header!.split(',');
    const cells = row!.split(',');
    const col = (name: string) => cells[cols.indexOf(name)];
    assert.equal(col('month'), '2026-11');
    assert.equal(col('change_failure_rate'), '0.5');
    assert.equal(col('mean_time_to_rollback_min'), '34.5');
    assert.equal(col('type_normal'), '2');
    assert.equal(col('risk_high'), '2');
    // A document-made incident reference that starts a cell cannot run as a formula.
    assert.match(row!, /,"'=HYPERLINK\(""x""\) INC-1",/);
    assert.deepEqual(JSON.parse(metricsToJson([NOV])).months[0].month, '2026-11');
    assert.equal(formatOfPath('/a/b.JSON'), 'json');
    assert.equal(formatOfPath('/a/b.csv'), 'csv');
  });

  it('words rates, durations and months', () => {
    assert.equal(percent(0.5), '50 %');
    assert.equal(percent(1 / 3), '33.3 %');
    assert.equal(percent(null), '–');
    assert.equal(minutes(34.46), '34.5 min');
    assert.equal(minutes(null), '–');
    assert.equal(previousMonth('2026-01'), '2025-12');
    assert.equal(previousMonth('2026-11'), '2026-10');
  });
});
