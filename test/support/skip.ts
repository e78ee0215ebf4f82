/**
 * Skips the running test with a reason that `npm test`'s closing summary prints beside its name
 * (test/support/summary-reporter.js), so a pending test never hides why it did not run.
 */
import type { Context } from 'mocha';

/** `this.skip()`, recording `reason` for the summary. Call as `skipBecause(this, '...')`. */
export function skipBecause(ctx: Context, reason: string): never {
  const test = ctx.test ?? ctx.currentTest;
  if (test) (test as unknown as { skipReason?: string }).skipReason = reason;
  ctx.skip();
}
