/**
 * Skips the running test with a reason that `npm test`'s closing summary prints beside its name
 * (test/support/summary-reporter.js), so a pending test never hides why it did not run.
 */
import type { Context, Suite } from 'mocha';

type WithReason = { skipReason?: string };

/** Every test of a suite and its sub-suites. */
function testsOf(suite: Suite): WithReason[] {
  return [...suite.tests, ...suite.suites.flatMap(testsOf)] as unknown as WithReason[];
}

/**
 * `this.skip()`, recording `reason` for the summary. Call as `skipBecause(this, '...')`, in a test
 * or in a `before` hook: from a hook, every test of the hook's suite is skipped with the reason.
 */
export function skipBecause(ctx: Context, reason: string): never {
  const runnable = ctx.test ?? ctx.currentTest;
  if ((runnable as { type?: string } | undefined)?.type === 'hook' && runnable?.parent)
    for (const t of testsOf(runnable.parent)) t.skipReason = reason;
  else if (runnable) (runnable as unknown as WithReason).skipReason = reason;
  ctx.skip();
}
