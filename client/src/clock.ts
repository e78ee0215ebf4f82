/**
 * The extension's "now": `ITSMOTE_NOW` when it names a real instant (read by the same parser as
 * the CLI and the server, core/clock.ts), else the real clock and an error to show.
 */
import { parseNow } from '../../server/src/core/clock';

/** The clock the commands use, and why a fixed `ITSMOTE_NOW` was refused (if it was). */
export interface ExtensionClock {
  now(): number;
  error?: string;
}

/** Reads `ITSMOTE_NOW` once; an impossible date (2026-02-31) is an error, never March 3rd. */
export function extensionClock(env: Record<string, string | undefined>): ExtensionClock {
  const value = env.ITSMOTE_NOW;
  if (value === undefined || value.trim() === '') return { now: () => Date.now() };
  const r = parseNow(value);
  if (r.ok) return { now: () => r.value };
  return { now: () => Date.now(), error: `ITSMOTE_NOW ${r.error}; the real clock is used.` };
}
