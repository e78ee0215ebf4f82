/**
 * The one reader of a fixed "now" (`--now`, `ITSMOTE_NOW`, the server's `initializationOptions.now`).
 * The CLI, the language server and the extension all use it, so the same text means the same
 * instant everywhere, and an impossible date (`2026-02-31`) is an error everywhere instead of
 * rolling over into March in one of them.
 */
import type { Parsed } from './time';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** What a valid "now" looks like; error messages quote it. */
export const NOW_EXAMPLE = '2026-11-28T12:00:00Z';

/**
 * Reads an ISO 8601 instant: `YYYY-MM-DD`, optionally `THH:MM[:SS[.mmm]]` and a zone (`Z`,
 * `+02:00`, `+0200`). A date or date-time without a zone is UTC (like every time in change
 * documents), never the machine's local time. A date or time that does not exist is an error.
 */
export function parseNow(value: string): Parsed<number> {
  const m = ISO.exec(value.trim());
  const bad: Parsed<number> = { ok: false, error: `must be an ISO 8601 time such as ${NOW_EXAMPLE}, not "${value}"` };
  if (!m) return bad;
  const [, y, mo, d, h = '00', mi = '00', s = '00', ms = '0', zone = 'Z'] = m;
  const offset = zoneMinutes(zone);
  if (offset === undefined)
    return {
      ok: false,
      error: `has a zone offset that does not exist ("${zone}"; offsets run from -12:00 to +14:00), not "${value}"`,
    };
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  // Date.UTC rolls 2026-02-31 over into March; a round trip of the date catches it.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, error: `names a day that does not exist (${y}-${mo}-${d}), not "${value}"` };
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return { ok: false, error: `names a time that does not exist (${h}:${mi}:${s}), not "${value}"` };
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
  return { ok: true, value: utc - offset * 60_000 };
}

/** Minutes east of UTC, or undefined for an offset no zone has. */
function zoneMinutes(zone: string): number | undefined {
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  const signed = m[1] === '-' ? -minutes : minutes;
  return Number(m[3]) > 59 || signed < -12 * 60 || signed > 14 * 60 ? undefined : signed;
}
