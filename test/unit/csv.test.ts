import * as assert from 'node:assert/strict';
import { csvCell, renderCsv } from '../../server/src/core/csv';
import { emptyMonth } from '../../server/src/core/metrics';
import { METRICS_CSV_COLUMNS, metricsCsv } from '../../server/src/core/metrics-csv';
import { NOVEMBER as NOV } from '../helpers/metrics';

describe('CSV (core/csv.ts, core/metrics-csv.ts)', () => {
  it('quotes cells that need it and neutralises formula starters', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${start}1`).includes(`'${start}1`), start);
    assert.equal(csvCell(-3), '-3', 'numbers are numbers');
    assert.equal(csvCell(0.5), '0.5');
    assert.equal(csvCell(null), '');
  });

  it('ends every line with LF, the last one too', () => {
    assert.equal(
      renderCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [null, 'y,z'],
        ],
      ),
      'a,b\n1,x\n,"y,z"\n',
    );
  });

  it('writes one row per month under the documented header, rates as fractions', () => {
    const [header, row, end] = metricsCsv([NOV, emptyMonth('2026-12')])
      .split('\n')
      .slice(0, 3);
    assert.equal(header, METRICS_CSV_COLUMNS.join(','));
    assert.ok(end?.startsWith('2026-12,0,0,,0,,0,,'), end);
    const cells = row!.split(',');
    const col = (name: (typeof METRICS_CSV_COLUMNS)[number]) => cells[METRICS_CSV_COLUMNS.indexOf(name)];
    assert.equal(col('month'), '2026-11');
    assert.equal(col('change_failure_rate'), '0.5');
    assert.equal(col('mean_time_to_rollback_minutes'), '34.5679');
    assert.equal(col('normal'), '2');
    assert.equal(col('unknown_risk'), '1');
    // A document-made incident reference that starts a cell cannot run as a formula.
    assert.match(row!, /,"'=HYPERLINK\(""x""\) INC-1",/);
  });
});
