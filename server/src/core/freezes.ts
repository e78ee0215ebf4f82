/**
 * Change freezes (SPEC section 9): periods in which only some change types may run on some
 * services. Read from `.itsmote.json` `freezes`, validated entry by entry (a bad entry is an
 * error naming it, e.g. `freezes[1].end`, and is dropped; the others still apply).
 */
import picomatch from 'picomatch';
import { z } from 'zod';
import { CHANGE_TYPES } from './fields';
import type { ChangeType } from './fields';
import type { ChangeDocument } from './schema';
import { ACTIVE_STATUSES } from './lifecycle';
import { readTimestamp } from './time';
import { matchEnum } from './values';

/** A freeze as the config writes it; the descriptions show in the editor (dist/itsmote.schema.json). */
export const FreezeFileSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'give the freeze a name')
      .describe('Shown in diagnostics, the calendar and the report.'),
    start: z
      .string()
      .describe('`YYYY-MM-DD HH:MM` with an optional zone (UTC default, `Z`, `+02:00`), as in Planned execution time.'),
    end: z.string().describe('The end (exclusive), written like `start`.'),
    services: z
      .array(z.string().trim().min(1, 'a service glob cannot be empty'))
      .min(1, 'list at least one service glob, or leave "services" out for all services')
      .optional()
      .describe('Globs on Affected services (case-insensitive); absent: every service.'),
    allow: z
      .array(z.string())
      .optional()
      .describe('Change types that may still run (Standard, Normal, Emergency); absent: Emergency only.'),
  })
  .strict();

/** A validated freeze: instants in ms (UTC), end exclusive. */
export interface Freeze {
  name: string;
  start: number;
  end: number;
  /** The globs as written; empty means every service. */
  services: string[];
  /** Change types allowed to run in it. */
  allow: ChangeType[];
}

/** The default of `allow`: only Emergency changes run in a freeze. */
export const DEFAULT_FREEZE_ALLOW: readonly ChangeType[] = ['Emergency'];

/** A problem in the `freezes` key; `path` names the entry, e.g. `freezes[1].end`. */
export interface FreezeError {
  path: string;
  message: string;
}

function pathOf(index: number, path: readonly PropertyKey[]): string {
  let out = `freezes[${index}]`;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** Reads a whole timestamp (nothing may follow it). */
function readInstant(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  const r = readTimestamp(t);
  if (!r.ok) return r;
  const rest = t.slice(r.value.length).trim();
  const zone = /^([A-Za-z]{2,5})$/.exec(rest);
  if (zone) return { ok: false, error: `unknown time zone "${zone[1]}"; write UTC, Z or an offset such as +02:00` };
  if (rest)
    return {
      ok: false,
      error: `cannot read "${rest}" after the time; write YYYY-MM-DD HH:MM with an optional zone (UTC, Z, +02:00)`,
    };
  return { ok: true, value: r.value.instant };
}

/** Validates the `freezes` value of a config file: the valid freezes and one error per problem. */
export function readFreezes(value: unknown): { freezes: Freeze[]; errors: FreezeError[] } {
  const freezes: Freeze[] = [];
  const errors: FreezeError[] = [];
  if (!Array.isArray(value)) {
    return {
      freezes,
      errors: [
        { path: 'freezes', message: 'must be a list of freezes ({ "name", "start", "end", "services"?, "allow"? })' },
      ],
    };
  }
  value.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({
        path: pathOf(i, []),
        message: 'must be an object: { "name", "start", "end", "services"?, "allow"? }',
      });
      return;
    }
    const parsed = FreezeFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
        errors.push({ path: pathOf(i, issue.path), message: missing ? 'is missing' : issue.message });
      }
      return;
    }
    const f = parsed.data;
    const bad = (path: PropertyKey[], message: string) => errors.push({ path: pathOf(i, path), message });
    const before = errors.length;
    const start = readInstant(f.start);
    const end = readInstant(f.end);
    if (!start.ok) bad(['start'], start.error);
    if (!end.ok) bad(['end'], end.error);
    if (start.ok && end.ok && end.value <= start.value) bad(['end'], `must be after the start (${f.start.trim()})`);
    const allow: ChangeType[] = [];
    (f.allow ?? [...DEFAULT_FREEZE_ALLOW]).forEach((t, j) => {
      const m = matchEnum(t, CHANGE_TYPES);
      if (m) {
        if (!allow.includes(m)) allow.push(m);
      } else bad(['allow', j], `"${t}" is not a change type; use ${CHANGE_TYPES.join(', ')}`);
    });
    for (const [j, glob] of (f.services ?? []).entries()) {
      try {
        picomatch.makeRe(glob);
      } catch (e) {
        bad(['services', j], `not a valid glob: ${(e as Error).message}`);
      }
    }
    if (errors.length > before || !start.ok || !end.ok) return;
    freezes.push({
      name: f.name.trim(),
      start: start.value,
      end: end.value,
      services: (f.services ?? []).map((s) => s.trim()),
      allow,
    });
  });
  return { freezes, errors };
}

const matchers = new WeakMap<Freeze, (service: string) => boolean>();

/** The services among `services` that a freeze covers (its globs, case-insensitive; no globs: all). */
export function coveredServices(freeze: Freeze, services: readonly string[]): string[] {
  if (freeze.services.length === 0) return [...services];
  let m = matchers.get(freeze);
  if (!m) {
    const match = picomatch(freeze.services, { nocase: true, dot: true });
    m = (s: string) => match(s.trim());
    matchers.set(freeze, m);
  }
  return services.filter((s) => m(s));
}

/** Whether two spans overlap; spans that only touch do not. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A freeze that a change runs into, and the change's services it covers. */
export interface FreezeHit {
  freeze: Freeze;
  services: string[];
  /** Whether the change's type may run in it (Emergency, by default). */
  allowed: boolean;
}

/**
 * The freezes that overlap `span` and cover at least one of the change's services, with whether
 * its type is allowed in each. A change with no known type is never allowed.
 */
export function freezesHit(
  change: { changeType?: ChangeType | undefined; services: readonly string[] },
  span: { start: number; end: number },
  freezes: readonly Freeze[],
): FreezeHit[] {
  const out: FreezeHit[] = [];
  for (const freeze of freezes) {
    if (!overlaps(span, freeze)) continue;
    const services = coveredServices(freeze, change.services);
    if (services.length === 0) continue;
    out.push({
      freeze,
      services,
      allowed: change.changeType !== undefined && freeze.allow.includes(change.changeType),
    });
  }
  return out;
}

/**
 * What CM041 reports: the freezes an active change's window runs into while its type is not
 * allowed. Empty for a change that is not active, has no readable window, or no known type.
 */
export function blockingFreezes(doc: ChangeDocument, freezes: readonly Freeze[]): FreezeHit[] {
  const v = doc.values;
  if (!freezes.length || !v.window || !v.changeType || !v.status || !ACTIVE_STATUSES.includes(v.status)) return [];
  return freezesHit(v, v.window, freezes).filter((h) => !h.allowed);
}

/** Who may run in a freeze: `only Emergency changes`, `only Standard or Emergency changes`, `no change`. */
export function whoMayRun(freeze: Freeze): string {
  const t = freeze.allow;
  if (t.length === 0) return 'no change';
  return `only ${t.length > 1 ? `${t.slice(0, -1).join(', ')} or ${t.at(-1)}` : t[0]} changes`;
}

/** A freeze as the protocol, the calendar and the report carry it (times ISO 8601, UTC). */
export interface FreezeSpan {
  name: string;
  start: string;
  end: string;
  /** Service globs; empty: every service. */
  services: string[];
  allow: string[];
}

/** The wire form of a freeze. */
export function freezeSpan(f: Freeze): FreezeSpan {
  return {
    name: f.name,
    start: new Date(f.start).toISOString(),
    end: new Date(f.end).toISOString(),
    services: [...f.services],
    allow: [...f.allow],
  };
}

/** Freezes from several configs, each once (same name and span), by start. */
export function uniqueFreezes(lists: Iterable<readonly Freeze[]>): Freeze[] {
  const byKey = new Map<string, Freeze>();
  for (const list of lists)
    for (const f of list) byKey.set(JSON.stringify([f.name, f.start, f.end, f.services, f.allow]), f);
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.name.localeCompare(b.name));
}
