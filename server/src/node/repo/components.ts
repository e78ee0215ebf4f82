/**
 * The catalog components of a repository for CM050: each Backstage Component's service name and
 * folder (the folder of its catalog-info.yaml, SPEC section 9), repository-relative.
 */
import { realpath } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { parseCatalog } from '../../core/repo/catalog';
import type { CatalogComponent } from '../../core/rules/index';
import { isInside } from '../inside';
import { readTextFile } from '../read-text-file';
import { findCatalogFiles } from './find-repo';

/** The Components declared by the catalog files of a git repository (unreadable or invalid files give none). */
export async function readComponents(root: string): Promise<CatalogComponent[]> {
  const out: CatalogComponent[] = [];
  const rootReal = await realpath(root).catch(() => root);
  for (const file of await findCatalogFiles(root, true)) {
    // As for CM017: a catalog file that links outside the repository is not this repository's data.
    const real = await realpath(file).catch(() => file);
    if (!isInside(rootReal, real)) continue;
    const r = await readTextFile(real);
    if (!r.ok) continue;
    const dir = relative(root, dirname(file)).split(sep).join('/');
    // Systems and Resources group or back services; only a Component's folder is its code.
    for (const e of parseCatalog(r.text).entities)
      if (e.kind.toLowerCase() === 'component') out.push({ name: e.name, dir });
  }
  return out;
}
