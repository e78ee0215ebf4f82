import * as assert from 'node:assert/strict';
import { emptyMonth, headline } from '../../../client/src/metrics/format';

describe('client: the Metrics view headline (its title while collapsed)', () => {
  it('leads with the change failure rate and its counts', () => {
    assert.equal(
      headline({ ...emptyMonth('2026-11'), executed: 4, failed: 2, changeFailureRate: 0.5 }),
      '2026-11: 50 % failed (2 of 4)',
    );
    assert.equal(
      headline({ ...emptyMonth('2026-10'), executed: 3, failed: 0, changeFailureRate: 0 }),
      '2026-10: 0 % failed (0 of 3)',
    );
  });

  it('says when nothing was executed instead of printing a dash rate', () => {
    assert.equal(headline(emptyMonth('2026-12')), '2026-12: nothing executed yet');
  });
});
