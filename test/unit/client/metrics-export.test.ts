import * as assert from 'node:assert/strict';
import { formatOfPath, metricsToCsv, metricsToJson } from '../../../client/src/metrics/export';
import { metricsCsv } from '../../../server/src/core/metrics-csv';
import { minutes, percent, previousMonth } from '../../../client/src/metrics/format';
import { NOVEMBER as NOV } from '../../helpers/metrics';

describe('client: metrics export and wording', () => {
  it("exports the CLI's CSV and the server's JSON", () => {
    // One format: quoting, columns and formula neutralising are tested in test/unit/csv.test.ts.
    assert.equal(metricsToCsv([NOV]), metricsCsv([NOV]));
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
