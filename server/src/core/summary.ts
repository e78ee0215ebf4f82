/**
 * One-line summaries of changes: what `itsmote list`, the sidebar and `itsmote/listChanges` show.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ChangeDocument } from './schema';
import { extraFieldByName } from './fields';

/** A change as the list and the sidebar show it. Times are ISO strings (UTC). */
export interface ChangeSummary {
  id: string;
  title?: string;
  type?: string;
  risk?: string;
  status?: string;
  owner?: string;
  services: string[];
  window?: { start: string; end: string };
  approver?: string;
  incidents: string[];
  /** Custom fields (`.itsmote.json` `extraFields`) written in the header: name as configured, value as written. */
  fields?: { name: string; value: string }[];
  problems: { errors: number; warnings: number; infos: number };
  /** The freezes its window runs into while its type is not allowed (its CM041 diagnostics); absent: none. */
  freezes?: FreezeMark[];
}

/** A freeze a change is planned into, as CM041 reported it (times ISO 8601, UTC). */
export interface FreezeMark {
  name: string;
  start: string;
  end: string;
}

/** The freezes named by a document's CM041 diagnostics (so the list, the tree and Problems agree). */
export function freezeMarks(diagnostics: readonly Diagnostic[]): FreezeMark[] {
  const out: FreezeMark[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'CM041') continue;
    const data = d.data as { freeze?: unknown; start?: unknown; end?: unknown } | undefined;
    if (typeof data?.freeze === 'string' && typeof data.start === 'string' && typeof data.end === 'string')
      out.push({ name: data.freeze, start: data.start, end: data.end });
  }
  return out;
}

/** Summarises a document and counts its diagnostics by severity; `extraFields` are the repository's custom fields. */
export function summarize(
  doc: ChangeDocument,
  diagnostics: readonly Diagnostic[] = [],
  extraFields: readonly string[] = [],
): ChangeSummary {
  const v = doc.values;
  const freezes = freezeMarks(diagnostics);
  const fields = extraFields.length
    ? (doc.header?.items ?? []).flatMap((i) => {
        const name = !i.key && i.hasColon && i.value !== '' ? extraFieldByName(i.name, extraFields) : undefined;
        return name ? [{ name, value: i.value }] : [];
      })
    : [];
  return {
    id: doc.id,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    ...(v.changeType ? { type: v.changeType } : {}),
    ...(v.risk ? { risk: v.risk } : {}),
    ...(v.status ? { status: v.status } : {}),
    ...(v.owner ? { owner: v.owner.people.join(', ') } : {}),
    services: v.services,
    ...(v.window
      ? { window: { start: new Date(v.window.start).toISOString(), end: new Date(v.window.end).toISOString() } }
      : {}),
    ...(v.approval ? { approver: v.approval.people.join(', ') } : {}),
    incidents: v.incidents,
    ...(fields.length ? { fields } : {}),
    problems: {
      errors: diagnostics.filter((d) => d.severity === 1).length,
      warnings: diagnostics.filter((d) => d.severity === 2).length,
      infos: diagnostics.filter((d) => (d.severity ?? 1) >= 3).length,
    },
    ...(freezes.length ? { freezes } : {}),
  };
}
