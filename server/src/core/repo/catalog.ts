/**
 * Backstage catalog descriptors (`catalog-info.yaml`), read with the `yaml` library: a file may
 * hold several YAML documents (`---`). Pure: the shells find and read the files (node/repo).
 */
import { parseAllDocuments } from 'yaml';

/** The entity kinds whose names are services a change can affect. */
export const SERVICE_KINDS = ['Component', 'System', 'Resource'] as const;

/** One catalog entity. */
export interface CatalogEntity {
  kind: string;
  name: string;
  namespace?: string;
  /** `spec.type` (`service`, `website`, `database`, ...), when given. */
  type?: string;
}

/** What a catalog file gave: its entities and one line per problem (the file is never fatal). */
export interface CatalogParse {
  entities: CatalogEntity[];
  errors: string[];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** Reads the entities of a catalog-info.yaml text. Bad YAML or entities without kind/name are reported, not thrown. */
export function parseCatalog(text: string): CatalogParse {
  const entities: CatalogEntity[] = [];
  const errors: string[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text.replace(/^\uFEFF/, ''), { prettyErrors: false });
  } catch (e) {
    return { entities, errors: [`not valid YAML: ${(e as Error).message}`] };
  }
  // A stream that is not YAML at all comes back as one EmptyStream-like value: treat as nothing.
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, i) => {
    if (doc.errors.length) {
      errors.push(`document ${i + 1}: ${doc.errors[0]!.message.split('\n')[0]}`);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      errors.push(`document ${i + 1}: ${(e as Error).message.split('\n')[0]}`);
      return;
    }
    if (value === null || value === undefined) return; // an empty document (`---` at the end)
    if (typeof value !== 'object' || Array.isArray(value)) {
      errors.push(`document ${i + 1}: not a catalog entity (expected a mapping with kind and metadata.name)`);
      return;
    }
    const o = value as Record<string, unknown>;
    const meta = (typeof o.metadata === 'object' && o.metadata !== null ? o.metadata : {}) as Record<string, unknown>;
    const spec = (typeof o.spec === 'object' && o.spec !== null ? o.spec : {}) as Record<string, unknown>;
    const kind = str(o.kind);
    const name = str(meta.name);
    if (!kind || !name) {
      errors.push(`document ${i + 1}: an entity needs kind and metadata.name`);
      return;
    }
    const namespace = str(meta.namespace);
    const type = str(spec.type);
    entities.push({ kind, name, ...(namespace ? { namespace } : {}), ...(type ? { type } : {}) });
  });
  return { entities, errors };
}

/**
 * The service names of a set of entities: Components, Systems and Resources (kind matched
 * case-insensitively as Backstage does), each name once, sorted.
 */
export function serviceNames(entities: Iterable<CatalogEntity>): string[] {
  const kinds = new Set(SERVICE_KINDS.map((k) => k.toLowerCase()));
  const byKey = new Map<string, string>();
  for (const e of entities)
    if (kinds.has(e.kind.toLowerCase()) && !byKey.has(e.name.toLowerCase())) byKey.set(e.name.toLowerCase(), e.name);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
