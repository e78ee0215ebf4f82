import type { CatalogComponent, RepoFinding, RepoRule } from './types';
import { approvalRequired } from '../lifecycle';
import type { ChangeDocument } from '../schema';

const LINE_ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const CATALOG_FILE = /(^|\/)catalog-info\.ya?ml$/i;

/** Whether `path` is inside `dir` (`''` is the repository root, which holds everything). */
function inside(dir: string, path: string): boolean {
  return dir === '' || path.startsWith(`${dir}/`);
}

/** The components a file belongs to: those of the deepest catalog folder that holds it. */
function componentsOf(path: string, components: readonly CatalogComponent[]): CatalogComponent[] {
  const holding = components.filter((c) => inside(c.dir, path));
  const deepest = Math.max(-1, ...holding.map((c) => c.dir.length));
  return holding.filter((c) => c.dir.length === deepest);
}

/** Whether a change document registers work on services now: Approved, In Progress, or Planned when it needs no approval. */
export function registers(doc: ChangeDocument): boolean {
  const s = doc.values.status;
  return (
    s === 'Approved' ||
    s === 'In Progress' ||
    (s === 'Planned' && doc.values.changeType !== undefined && !approvalRequired(doc))
  );
}

const key = (s: string) => s.trim().toLowerCase();

/**
 * CM050: files of a catalog component changed, and no change document that registers work
 * (Approved, In Progress, or Planned without required approval) names the component's service.
 * One finding per service, on its first changed file (by path).
 */
export const changeUnregistered: RepoRule = {
  id: 'CM050',
  name: 'change-unregistered',
  severity: 'error',
  scope: 'repo',
  docs: 'Every change to a service goes through change management: code that changes a service needs an approved (or running) change document that names it, so nothing reaches production unregistered.',
  check({ changedFiles, components, documents }) {
    const byService = new Map<string, { name: string; files: string[] }>();
    for (const f of changedFiles) {
      if (f.exempt || CATALOG_FILE.test(f.path)) continue;
      for (const c of componentsOf(f.path, components)) {
        const entry = byService.get(key(c.name)) ?? { name: c.name, files: [] };
        entry.files.push(f.path);
        byService.set(key(c.name), entry);
      }
    }
    const registered = new Set<string>();
    for (const doc of documents) if (registers(doc)) for (const s of doc.values.services) registered.add(key(s));
    const out: RepoFinding[] = [];
    for (const [k, { name, files }] of [...byService].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (registered.has(k)) continue;
      const sorted = [...new Set(files)].sort();
      const more = sorted.length > 1 ? ` and ${sorted.length - 1} more file${sorted.length > 2 ? 's' : ''}` : '';
      out.push({
        file: sorted[0]!,
        range: LINE_ZERO,
        message: `Code of the service "${name}" changed (${sorted[0]}${more}), but no Approved or In Progress change document (or Planned, for a type that needs no approval) names ${name} in Affected services. Register the change: add a change document for ${name} and get it approved.`,
        data: { service: name, files: sorted },
      });
    }
    return out;
  },
};
