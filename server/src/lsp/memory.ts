/**
 * Full garbage collections where a workspace scan leaves mostly garbage. During a scan V8
 * promotes what the analysis of a few hundred documents leaves behind (records queued for the
 * storage file, the previous session's records as they are taken over, buffers of files read)
 * and, since a collection is cheap next to the work, lets the old space grow to about four times
 * what was live at the last one: 60-90 MB of garbage beside a 25 MB index, which was the server's
 * peak RSS. The scan collects after reading the previous session's index (its 20 MB of bytes are
 * garbage then), before the publishes, and when the heap and buffers in use pass `FLOOR` (10-30
 * ms each; collecting every 2,000 documents regardless cost a fifth of the scan's CPU). Only where the runtime offers `gc` (node's `--expose-gc`, which the
 * client passes: `SERVER_EXEC_ARGV`) and `process.memoryUsage`; elsewhere (a browser) nothing happens.
 */

/**
 * `collectIfGrown` collects when the heap and buffers in use exceed `FLOOR`, and have grown by
 * `STEP` since the last collection (so that a workspace whose index alone is larger than `FLOOR`
 * is not collected over and over).
 */
export const FLOOR = 64 * 1024 * 1024;
export const STEP = 16 * 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;
const proc = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number; external: number } } }).process;

/** Heap used plus memory outside it (buffers) now, or undefined where the runtime does not say. */
function used(): number | undefined {
  const m = proc?.memoryUsage?.();
  return m ? m.heapUsed + m.external : undefined;
}

/** What was used right after the last collection. */
let afterLast = 0;

/** Runs a full collection when the runtime allows it; returns whether it did. */
export function collectGarbage(): boolean {
  if (typeof gc !== 'function') return false;
  gc();
  afterLast = used() ?? 0;
  return true;
}

/** Collects when the heap and buffers in use are over `FLOOR` and `STEP` above the last collection. */
export function collectIfGrown(): boolean {
  if (typeof gc !== 'function') return false;
  const now = used();
  return now !== undefined && now > Math.max(FLOOR, afterLast + STEP) && collectGarbage();
}
