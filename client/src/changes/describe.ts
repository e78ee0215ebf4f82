/**
 * The words of a change in the tree: its one-line description (type, risk, owner, window) and
 * the compact window text. Pure, so the e2e tests and the tree agree on one wording.
 */
import type { ChangeListItem } from '../../../server/src/protocol';

/** `2026-12-01 14:00–15:00 UTC`, or `2026-12-01 23:00 – 12-02 01:00 UTC` across midnight. */
export function formatWindow(window: { start: string; end: string }): string {
  const s = new Date(window.start);
  const e = new Date(window.end);
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return '';
  const day = (d: Date): string => d.toISOString().slice(0, 10);
  const hm = (d: Date): string => d.toISOString().slice(11, 16);
  return day(s) === day(e) ? `${day(s)} ${hm(s)}–${hm(e)} UTC` : `${day(s)} ${hm(s)} – ${day(e).slice(5)} ${hm(e)} UTC`;
}

/**
 * `Normal · High risk · @alice · 2026-12-01 14:00–15:00 UTC` (parts that are unknown are left
 * out), ending with `· ❄ in freeze "Holiday freeze"` when the change is planned into a freeze (CM041).
 */
export function describeChange(c: ChangeListItem): string {
  const parts = [
    c.type,
    c.risk ? `${c.risk} risk` : undefined,
    c.owner,
    c.window ? formatWindow(c.window) : undefined,
    freezeMark(c),
  ];
  return parts.filter((p): p is string => !!p).join(' · ');
}

/** `❄ in freeze "Holiday freeze"` (names joined when several), or undefined when in none. */
export function freezeMark(c: ChangeListItem): string | undefined {
  const names = [...new Set((c.freezes ?? []).map((f) => f.name.replace(/\s+/g, ' ').trim()))];
  if (!names.length) return undefined;
  return `❄ in freeze ${names.map((n) => `"${n}"`).join(', ')}`;
}

/** `"Holiday freeze" until 2027-01-04 00:00 UTC` per freeze, for the tooltip. */
export function freezeDetails(c: ChangeListItem): string | undefined {
  const list = (c.freezes ?? []).map((f) => `"${f.name}" until ${f.end.slice(0, 10)} ${f.end.slice(11, 16)} UTC`);
  return list.length ? list.join('; ') : undefined;
}

/** The tree label: the title, else the ID. Newlines never reach a one-line label. */
export function labelOf(c: ChangeListItem): string {
  return (c.title?.trim() || c.id).replace(/\s+/g, ' ');
}
