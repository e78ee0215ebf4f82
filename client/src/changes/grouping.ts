/**
 * How the Changes view arranges the server's list: grouping (status in lifecycle order, service,
 * owner, type), the "only mine" / "only active" filters and the order inside a group. Pure (no
 * `vscode` import) so it reads like the table it implements.
 */
import type { ChangeListItem } from '../../../server/src/protocol';
import { ACTIVE_STATUSES } from '../../../server/src/core/lifecycle';
import { CHANGE_TYPES, STATUSES } from '../../../server/src/core/fields';
import type { Status } from '../../../server/src/core/fields';

export type GroupBy = 'status' | 'service' | 'owner' | 'type';
export const GROUP_BYS: readonly GroupBy[] = ['status', 'service', 'owner', 'type'];

export interface Filters {
  onlyMine: boolean;
  onlyActive: boolean;
}

/** The order of status groups: what needs attention now first, finished changes last. */
export const STATUS_ORDER: readonly Status[] = [
  'In Progress',
  'Verifying',
  'Approved',
  'Planned',
  'Rejected',
  'Rolled Back',
  'Closed',
];
/** Status groups that start collapsed: nothing left to do in them. */
export const COLLAPSED_STATUSES: readonly Status[] = ['Rejected', 'Rolled Back', 'Closed'];

/** The label of the group for changes without a (valid) value. */
export const NO_VALUE = {
  status: 'No valid status',
  service: 'No service',
  owner: 'No owner',
  type: 'No valid type',
} as const;

export interface Group {
  /** Stable across refreshes (keeps the expansion state). */
  key: string;
  label: string;
  by: GroupBy;
  collapsed: boolean;
  changes: ChangeListItem[];
}

/** Folds a person for comparison: case, a leading `@` and an email's domain do not matter. */
export function foldPerson(person: string): string {
  const p = person.trim().toLowerCase().replace(/^@/, '');
  const at = p.indexOf('@');
  return at > 0 ? p.slice(0, at) : p;
}

/** Whether the change's owner is the author (see `foldPerson`). */
export function isMine(change: ChangeListItem, author: string): boolean {
  if (!change.owner || !author.trim()) return false;
  const me = foldPerson(author);
  return change.owner.split(',').some((o) => foldPerson(o) === me);
}

/** Whether the change is still open (Planned, Approved, In Progress, Verifying). */
export function isActive(change: ChangeListItem): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(change.status ?? '');
}

export function applyFilters(changes: readonly ChangeListItem[], filters: Filters, author: string): ChangeListItem[] {
  return changes.filter((c) => (!filters.onlyMine || isMine(c, author)) && (!filters.onlyActive || isActive(c)));
}

function validStatus(s: string | undefined): Status | undefined {
  return STATUSES.find((x) => x === s);
}

/** Soonest window first (no window last), then by ID; finished changes newest ID first. */
function sortChanges(changes: ChangeListItem[], newestFirst: boolean): ChangeListItem[] {
  return changes.sort((a, b) => {
    if (newestFirst) return b.id.localeCompare(a.id);
    const wa = a.window?.start ?? '\uffff';
    const wb = b.window?.start ?? '\uffff';
    return wa.localeCompare(wb) || a.id.localeCompare(b.id);
  });
}

/** The keys a change is filed under for a grouping (a change with two services is in both). */
function keysOf(change: ChangeListItem, by: GroupBy): string[] {
  switch (by) {
    case 'status':
      return [validStatus(change.status) ?? NO_VALUE.status];
    case 'service': {
      const services = [...new Set(change.services.map((s) => s.trim()).filter(Boolean))];
      return services.length ? services : [NO_VALUE.service];
    }
    case 'owner':
      return [change.owner?.trim() || NO_VALUE.owner];
    case 'type':
      return [(CHANGE_TYPES as readonly string[]).includes(change.type ?? '') ? change.type! : NO_VALUE.type];
  }
}

/** The order of group labels: lifecycle/catalogue order where there is one, else alphabetical. */
function orderOf(by: GroupBy, labels: string[]): string[] {
  const fixed: readonly string[] | undefined =
    by === 'status' ? STATUS_ORDER : by === 'type' ? CHANGE_TYPES : undefined;
  const rank = (l: string): number => {
    if (l === NO_VALUE[by]) return Number.MAX_SAFE_INTEGER;
    const i = fixed ? fixed.indexOf(l) : -1;
    return i >= 0 ? i : fixed ? fixed.length : 0;
  };
  return labels.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/** Groups the changes; empty groups are left out. */
export function groupChanges(changes: readonly ChangeListItem[], by: GroupBy): Group[] {
  const buckets = new Map<string, ChangeListItem[]>();
  for (const c of changes) {
    for (const k of keysOf(c, by)) {
      // Services and owners compare case-insensitively (SPEC 7), shown as first written.
      const existing =
        by === 'service' || by === 'owner'
          ? [...buckets.keys()].find((b) => b.toLowerCase() === k.toLowerCase())
          : undefined;
      const key = existing ?? k;
      const list = buckets.get(key) ?? [];
      list.push(c);
      buckets.set(key, list);
    }
  }
  return orderOf(by, [...buckets.keys()]).map((label) => {
    const collapsed = by === 'status' && (COLLAPSED_STATUSES as readonly string[]).includes(label);
    return {
      key: `${by}:${label.toLowerCase()}`,
      label,
      by,
      collapsed,
      changes: sortChanges(buckets.get(label)!, collapsed),
    };
  });
}
