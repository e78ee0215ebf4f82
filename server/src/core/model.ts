/**
 * Builds the change document model (schema.ts) from parsed markdown. Unreadable values are
 * recorded in the model (e.g. `windowError`), never thrown: rules turn them into diagnostics.
 */
import type { ChangeDocument, HeaderItem, Section } from './schema';
import type { ParsedMarkdown } from './parse';
import { parseMarkdown } from './parse';
import type { FieldKey } from './fields';
import { fieldInfo, isStatusLogName } from './fields';
import { findHeaderNodes, frontMatterEnd, readItem, bulletOf, endOffsetOf } from './header';
import { readSections } from './sections';
import { readStatusLog } from './status-log';
import { findStrayItems } from './stray';
import { findPseudoHeadings } from './pseudo-headings';
import { titleText } from './headings';
import { hasValue, incidentRefs, matchEnum, splitList } from './values';
import { parsePeople } from './people';
import { parseWindow } from './time';
import type { Touch } from './fields';
import { CHANGE_TYPES, RISK_LEVELS, STATUSES, TOUCHES } from './fields';

/** A parsed document with its model: what rules and code actions take. */
export interface Analysis {
  md: ParsedMarkdown;
  doc: ChangeDocument;
}

/** The text of an analysis: fast analyses (core/fast) carry it without a parsed tree, so `md` is not touched for them. */
export function analysisText(a: Analysis): string {
  const t = (a as { text?: unknown }).text;
  return typeof t === 'string' ? t : a.md.text;
}

/** The file name without directories and `.md`: the change's ID. */
export function idFromPath(pathOrUri: string): string {
  const name = pathOrUri.split(/[\\/]/).pop() ?? pathOrUri;
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A plain path with a literal `%` (`100%.md`) is not URI-encoded: keep it as it is.
  }
  return decoded.replace(/\.md$/i, '');
}

/** Parses and models a document. Never throws for any string. */
export function analyze(text: string, pathOrUri: string): Analysis {
  const md = parseMarkdown(text);
  return { md, doc: buildModel(md, idFromPath(pathOrUri)) };
}

/** The state of one field: first header item, later duplicates, section, and whether it is present. */
export interface FieldState {
  item?: HeaderItem;
  duplicates: HeaderItem[];
  section?: Section;
  /** Present per SPEC: a non-placeholder value (`see below` only with a non-empty section), or a non-empty section. */
  present: boolean;
}

/**
 * Reads the state of a field from the model. Only free-text fields (Summary, Rollback plan,
 * Verification plan, Expected user impact, Outcome) may be written as a `##` section: a section
 * named like a structured field (`## Status`) cannot give it a value the checks can read.
 */
export function fieldState(doc: ChangeDocument, key: FieldKey): FieldState {
  const items: HeaderItem[] = [];
  for (const i of doc.header?.items ?? []) if (i.key === key) items.push(i);
  return fieldStateOf(doc, key, items);
}

/**
 * The state of a field whose header items (in order) are `items`: `fieldState` finds them, the
 * rules' `FieldStates` groups them for every field in one pass.
 */
export function fieldStateOf(doc: ChangeDocument, key: FieldKey, items: readonly HeaderItem[]): FieldState {
  const item = items[0];
  const duplicates = items.slice(1);
  let section: Section | undefined;
  if (fieldInfo(key).section) {
    for (const s of doc.sections) {
      if (s.key === key && s.nonEmpty) {
        section = s;
        break;
      }
    }
  }
  let present = section !== undefined;
  if (!present && item && hasValue(item.value)) present = true;
  return { item, duplicates, section, present };
}

/** The value of a field's first header item, or undefined when it is missing or a placeholder. */
export function fieldValue(doc: ChangeDocument, key: FieldKey): string | undefined {
  const item = doc.header?.items.find((i) => i.key === key);
  return item && hasValue(item.value) ? item.value : undefined;
}

/** How much of the model to build. */
export interface ModelOptions {
  /**
   * The header, title and values only (what a summary reads): no sections, no status log. For
   * `itsmote list`, which prints summaries and runs no rule.
   */
  headerOnly?: boolean;
}

/**
 * Builds the model from a parsed document. Exported for the fast path (core/fast), which hands it
 * a minimal mdast of the top-level blocks so that both paths share this one model builder.
 */
export function buildModel(md: ParsedMarkdown, id: string, opts: ModelOptions = {}): ChangeDocument {
  const fmEnd = frontMatterEnd(md.base ? md.text.slice(md.base) : md.text);
  const nodes = findHeaderNodes(md, fmEnd);
  const { list, lists, h1 } = nodes;
  // Loops, not flatMap and filter: this runs for every document, and flatMap is slow in V8.
  const items: HeaderItem[] = [];
  for (const l of lists) {
    for (const li of l.children) {
      const item = readItem(md, li);
      if (item) items.push(item);
    }
  }
  const lastList = lists[lists.length - 1] ?? list;
  const header =
    list && lastList
      ? {
          range: md.lines.rangeOf((list.position?.start.offset ?? 0) + md.base, endOffsetOf(md, lastList)),
          firstLineRange: md.lines.lineRange(md.lines.positionAt((list.position?.start.offset ?? 0) + md.base).line),
          items,
          bullet: bulletOf(md, list),
          endOffset: endOffsetOf(md, lastList),
          stray: findStrayItems(md, nodes, items),
        }
      : undefined;
  const rawSections = opts.headerOnly
    ? []
    : readSections(md).filter((s) => (s.heading.position?.start.offset ?? 0) >= fmEnd);
  const logSection = rawSections.find((s) => isStatusLogName(s.section.name));
  const doc: ChangeDocument = {
    id,
    header,
    sections: rawSections.map((s) => s.section),
    statusLog: logSection ? readStatusLog(md, logSection) : undefined,
    values: { touches: [], services: [], incidents: [], causedIncidents: [] },
  };
  if (!opts.headerOnly) {
    const pseudo = findPseudoHeadings(md, fmEnd);
    if (pseudo.length) doc.pseudoHeadings = pseudo;
  }
  // Read from the source, not the mdast children: the fast path (core/fast) gives headings none.
  const h1Text = h1
    ? titleText(md.text.slice((h1.position?.start.offset ?? 0) + md.base, (h1.position?.end.offset ?? 0) + md.base))
    : undefined;
  if (h1) doc.h1Range = md.lines.nodeRange(h1, md.base);
  doc.title = fieldValue(doc, 'title') ?? (h1Text || undefined);
  readValues(doc);
  return doc;
}

function readValues(doc: ChangeDocument): void {
  const v = doc.values;
  // The first item of each field, found in one pass (fieldValue would walk the items per field).
  const firstItems = new Map<FieldKey, HeaderItem>();
  for (const item of doc.header?.items ?? []) if (item.key && !firstItems.has(item.key)) firstItems.set(item.key, item);
  const get = (key: FieldKey) => {
    const item = firstItems.get(key);
    return item && hasValue(item.value) ? item.value : undefined;
  };
  const type = get('changeType');
  if (type) {
    const m = matchEnum(type, CHANGE_TYPES);
    if (m) v.changeType = m;
  }
  const risk = get('risk');
  if (risk) {
    const m = matchEnum(risk, RISK_LEVELS);
    if (m) v.risk = m;
  }
  const status = get('status');
  if (status) {
    const m = matchEnum(status, STATUSES);
    if (m) v.status = m;
  }
  const touches = get('touches');
  if (touches) {
    v.touches = splitList(touches)
      .map((t) => matchEnum(t, TOUCHES))
      .filter((t): t is Touch => t !== undefined);
  }
  const owner = get('owner');
  if (owner) v.owner = parsePeople(owner);
  const services = get('services');
  if (services) v.services = splitList(services);
  const window = get('window');
  if (window) {
    const r = parseWindow(window);
    if (r.ok) v.window = r.value;
    else v.windowError = r.error;
  }
  const approval = get('approval');
  if (approval) v.approval = parsePeople(approval);
  const incident = get('incident');
  if (incident) v.incidents = refsOrList(incident);
  const caused = get('causedIncidents');
  if (caused) v.causedIncidents = refsOrList(caused);
}

/** The incident references in a value, or its comma list when it names none. */
function refsOrList(value: string): string[] {
  const refs = incidentRefs(value);
  return refs.length ? refs : splitList(value);
}
