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

/**
 * Counts by severity, as summaries show them (errors, warnings, information and hints); a
 * diagnostic without a severity counts as none of them.
 */
export function problemCounts(ds: readonly Diagnostic[]): ChangeSummary['problems'] {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of ds) {
    if (d.severity === 1) errors++;
    else if (d.severity === 2) warnings++;
    else if ((d.severity ?? 1) >= 3) infos++;
  }
  return { errors, warnings, infos };
}

/**
 * Summarises a document and counts its diagnostics by severity; `extraFields` are the repository's
 * custom fields. Built key by key (in the order JSON output shows them) rather than from spreads
 * of optional parts: `list` makes 10,000 of them.
 */
export function summarize(
  doc: ChangeDocument,
  diagnostics: readonly Diagnostic[] = [],
  extraFields: readonly string[] = [],
): ChangeSummary {
  const v = doc.values;
  const s = { id: doc.id } as ChangeSummary;
  if (doc.title !== undefined) s.title = doc.title;
  if (v.changeType) s.type = v.changeType;
  if (v.risk) s.risk = v.risk;
  if (v.status) s.status = v.status;
  if (v.owner) s.owner = v.owner.people.join(', ');
  s.services = v.services;
  if (v.window) s.window = { start: new Date(v.window.start).toISOString(), end: new Date(v.window.end).toISOString() };
  if (v.approval) s.approver = v.approval.people.join(', ');
  s.incidents = v.incidents;
  if (extraFields.length) {
    const fields: { name: string; value: string }[] = [];
    for (const i of doc.header?.items ?? []) {
      const name = !i.key && i.hasColon && i.value !== '' ? extraFieldByName(i.name, extraFields) : undefined;
      if (name) fields.push({ name, value: i.value });
    }
    if (fields.length) s.fields = fields;
  }
  s.problems = problemCounts(diagnostics);
  const freezes = diagnostics.length ? freezeMarks(diagnostics) : [];
  if (freezes.length) s.freezes = freezes;
  return s;
}
