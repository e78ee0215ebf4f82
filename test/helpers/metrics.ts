/** A month of metrics for export and CSV tests: rates, a mean and a document-made incident reference. */
import type { MonthMetrics } from '../../server/src/core/metrics';
import { emptyMonth } from '../../server/src/core/metrics';

export const NOVEMBER: MonthMetrics = {
  ...emptyMonth('2026-11'),
  executed: 4,
  failed: 2,
  changeFailureRate: 0.5,
  rolledBack: 2,
  rollbackRate: 0.5,
  incidentsCaused: 2,
  // A reference that starts like a spreadsheet formula: every CSV must neutralise it.
  incidents: ['=HYPERLINK("x")', 'INC-1'],
  meanTimeToRollbackMinutes: 34.56789,
  byType: { Standard: 1, Normal: 2, Emergency: 1, Unknown: 0 },
  byRisk: { Low: 1, Medium: 1, High: 1, Unknown: 1 },
};
