import type { Finding, SetMember, SetRule } from './types';
import { ACTIVE_STATUSES } from '../lifecycle';
import { formatUtc } from '../time';
import { docFacts, itemRange } from './util';
import type { DocFacts } from './types';

/** Whether a change can conflict: active, with a window and an affected service. */
function takesPart(f: DocFacts): boolean {
  return f.window !== undefined && f.status !== undefined && ACTIVE_STATUSES.includes(f.status) && f.serviceCount > 0;
}

/**
 * CM040: two active changes share an affected service and their windows overlap. Sorted by
 * window start so each change is compared only with those that start before it ends
 * (n log n + overlaps, not n²).
 */
export const windowConflict: SetRule = {
  id: 'CM040',
  name: 'window-conflict',
  severity: 'warning',
  scope: 'set',
  docs: '"Keep execution window clear." Two changes to one service at once make failures hard to attribute and rollbacks collide.',
  member: takesPart,
  check({ members: docs }) {
    const out = new Map<string, Finding[]>();
    const active = docs
      .filter((m) => takesPart(docFacts(m.doc)))
      .map((m) => ({
        m,
        w: m.doc.values.window!,
        services: new Set(m.doc.values.services.map((s) => s.trim().toLowerCase())),
      }))
      .sort((a, b) => a.w.start - b.w.start);
    const report = (a: SetMember, b: SetMember, shared: string[]) => {
      const w = b.doc.values.window!;
      const list = out.get(a.key) ?? [];
      list.push({
        range: itemRange(a.doc, 'window'),
        message: `The window overlaps ${b.doc.id} (${formatUtc(w.start)} to ${formatUtc(w.end)}), which also changes ${shared.join(', ')}. Move one window, or combine the changes.`,
        data: { other: b.key, otherId: b.doc.id, services: shared },
      });
      out.set(a.key, list);
    };
    for (let i = 0; i < active.length; i++) {
      const a = active[i]!;
      for (let j = i + 1; j < active.length && active[j]!.w.start < a.w.end; j++) {
        const b = active[j]!;
        if (b.w.start >= a.w.end || a.w.start >= b.w.end) continue; // touching windows do not overlap
        const shared = [...a.services].filter((s) => b.services.has(s));
        if (shared.length === 0) continue;
        report(a.m, b.m, shared);
        report(b.m, a.m, shared);
      }
    }
    return out;
  },
};
