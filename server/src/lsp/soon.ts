/**
 * Running something after the current event-loop turn, in Node (setImmediate: before timers,
 * without their 1 ms floor) and in a Web Worker (which has no setImmediate: a zero timer).
 */
type Immediate = (run: () => void) => unknown;
const g = globalThis as { setImmediate?: Immediate; clearImmediate?: (h: unknown) => void };

/** Runs `run` soon; returns what cancels it. */
export function runSoon(run: () => void): () => void {
  if (g.setImmediate && g.clearImmediate) {
    const h = g.setImmediate(run);
    return () => g.clearImmediate!(h);
  }
  const t = setTimeout(run, 0);
  return () => clearTimeout(t);
}

/** Runs `run` after `ms`; returns what cancels it. */
export function runLater(run: () => void, ms: number): () => void {
  const t = setTimeout(run, ms);
  return () => clearTimeout(t);
}

/** Resolves after the event loop has had a turn (requests are answered meanwhile). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => void runSoon(resolve));
}
