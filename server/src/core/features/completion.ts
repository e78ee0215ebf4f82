/**
 * Completion: field names in the header (complete-fields.ts), values after a known field's colon
 * (enums, the allowed next statuses, services/people/incidents known in the workspace), a whole
 * status log line after `- ` in `## Status log`, and whole-document templates where a document
 * starts (complete-templates.ts). Inside a value only values are offered.
 */
import type { Command, CompletionItem, CompletionItemKind, Position, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { FieldKey } from '../fields';
import { CHANGE_TYPES, fieldByName, RISK_LEVELS, TOUCHES } from '../fields';
import { splitList } from '../values';
import { formatUtc } from '../time';
import type { WorkspaceFacts } from './context';
import { currentStatus, nextStatuses, regionOf } from './context';
import { fieldNameItems } from './complete-fields';
import { templateItems, templateSpot } from './complete-templates';

export { EXTRA_FIELD_DOC, neededFields } from './complete-fields';

// CompletionItemKind values (LSP), spelled out to keep the core free of runtime imports.
const KIND = { field: 5, value: 12, enumMember: 20, reference: 18, event: 23, text: 1 } as const;

/** What completion needs besides the document. */
export interface CompletionOptions {
  facts: WorkspaceFacts;
  author: string;
  now: number;
  /** Custom header fields of the repository (`.itsmote.json` `extraFields`), offered as written. */
  extraFields?: readonly string[];
  /**
   * A client command that opens the completion list again (VS Code: `editor.action.triggerSuggest`).
   * Given, accepting a field name that has values to offer goes straight on to them.
   */
  retriggerCommand?: string;
  /** The client takes snippet syntax in completion items (templates place the cursor). */
  snippets?: boolean;
}

const ITEM = /^(\s*[-*+]\s+)([^:]*)$/;
const VALUE = /^(\s*[-*+]\s+)([^:]+):(\s*)(.*)$/;
const LIST_FIELDS: ReadonlySet<FieldKey> = new Set(['services', 'touches', 'incident', 'causedIncidents']);

function range(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

/** The values offered for a field; `detailOf` overrides `detail` per value. */
interface ValueSpec {
  values: string[];
  kind: CompletionItemKind;
  detail: string;
  detailOf?: (value: string) => string;
}

/** Catalog services first, then those only other change documents name (each name once, any case). */
function serviceValues(facts: WorkspaceFacts, fresh: (xs: readonly string[]) => string[]): ValueSpec {
  const catalog = facts.catalogServices ?? [];
  const inCatalog = new Set(catalog.map((s) => s.toLowerCase()));
  const others = facts.services.filter((s) => !inCatalog.has(s.toLowerCase()));
  return {
    values: fresh([...catalog, ...others]),
    kind: KIND.value,
    detail: 'service in other changes',
    detailOf: (v) => (inCatalog.has(v.toLowerCase()) ? 'service in the catalog' : 'service in other changes'),
  };
}

function valuesFor(a: Analysis, key: FieldKey, opts: CompletionOptions, written: string[]): ValueSpec | undefined {
  const fresh = (xs: readonly string[]) =>
    [...new Set(xs)].filter((x) => !written.some((w) => w.toLowerCase() === x.toLowerCase()));
  switch (key) {
    case 'changeType':
      return { values: [...CHANGE_TYPES], kind: KIND.enumMember, detail: 'Change type' };
    case 'risk':
      return { values: [...RISK_LEVELS], kind: KIND.enumMember, detail: 'Risk level' };
    case 'touches':
      return { values: fresh(TOUCHES), kind: KIND.enumMember, detail: 'makes approval required' };
    case 'status': {
      const from = currentStatus(a);
      return {
        values: nextStatuses(a, from),
        kind: KIND.enumMember,
        detail: from === 'start' ? 'allowed first status' : `allowed after ${from}`,
      };
    }
    case 'owner':
    case 'approval':
      return {
        values: fresh([opts.author, ...opts.facts.people].filter((p) => p.trim() !== '')),
        kind: KIND.reference,
        detail: 'person',
      };
    case 'services':
      return serviceValues(opts.facts, fresh);
    case 'incident':
    case 'causedIncidents':
      return { values: fresh(opts.facts.incidents), kind: KIND.reference, detail: 'incident in other changes' };
    default:
      return undefined;
  }
}

function valueItems(
  a: Analysis,
  line: number,
  cursor: number,
  fullLine: string,
  m: RegExpExecArray,
  opts: CompletionOptions,
): CompletionItem[] {
  const key = fieldByName(m[2]!.replace(/[*_`]/g, ''))?.key;
  if (!key) return [];
  const valueStart = m[1]!.length + m[2]!.length + 1 + m[3]!.length;
  const typed = fullLine.slice(valueStart, cursor);
  const isList = LIST_FIELDS.has(key);
  // In a list, complete the element being typed; otherwise replace the whole value.
  const lastSep = isList ? Math.max(typed.lastIndexOf(','), typed.lastIndexOf(';')) : -1;
  let from = lastSep >= 0 ? valueStart + lastSep + 1 : valueStart;
  while (from < cursor && fullLine[from] === ' ') from++;
  const nextSep = isList ? fullLine.slice(cursor).search(/[,;]/) : -1;
  const to = isList
    ? nextSep >= 0
      ? cursor + nextSep
      : fullLine.trimEnd().length
    : Math.max(cursor, fullLine.trimEnd().length);
  const written = isList
    ? splitList(fullLine.slice(valueStart)).filter((w) => w !== fullLine.slice(from, to).trim())
    : [];
  const spec = valuesFor(a, key, opts, written);
  if (!spec) return [];
  const pad =
    m[3] === '' && from === valueStart ? ' ' : lastSep >= 0 && fullLine[valueStart + lastSep + 1] !== ' ' ? ' ' : '';
  return spec.values.map((v, i) => ({
    label: v,
    kind: spec.kind,
    detail: spec.detailOf?.(v) ?? spec.detail,
    sortText: String(i).padStart(3, '0'),
    filterText: v,
    textEdit: { range: range(line, from, Math.max(from, to)), newText: pad + v },
  }));
}

function logLineItems(a: Analysis, line: number, from: number, to: number, opts: CompletionOptions): CompletionItem[] {
  const status = currentStatus(a);
  const by = opts.author.trim() ? ` by ${opts.author.trim()}` : '';
  return nextStatuses(a, status).map((next, i) => {
    const text = `${formatUtc(opts.now)} ${next}${by}${next === 'Rolled Back' ? ': ' : ''}`;
    return {
      label: text,
      kind: KIND.event,
      detail: status === 'start' ? 'first status log entry' : `${status} -> ${next}`,
      sortText: String(i).padStart(3, '0'),
      filterText: text,
      textEdit: { range: range(line, from, to), newText: text },
    };
  });
}

/** The command that reopens the list after a field name, when the field has values to offer now. */
function retriggerFor(a: Analysis, opts: CompletionOptions): (key: FieldKey) => Command | undefined {
  const command = opts.retriggerCommand;
  if (!command) return () => undefined;
  return (key) =>
    (valuesFor(a, key, opts, [])?.values.length ?? 0) > 0 ? { title: 'Suggest values', command } : undefined;
}

/** Whether a line without a bullet may become a header item: by the header list, or anywhere before the first section when there is none. */
function nearHeader(a: Analysis, line: number): boolean {
  const h = a.doc.header;
  return !h || (line >= h.range.start.line - 1 && line <= h.range.end.line + 1);
}

/** The completion items at a position. */
export function complete(a: Analysis, position: Position, opts: CompletionOptions): CompletionItem[] {
  const fullLine = a.md.lines.lineText(position.line);
  const cursor = Math.min(position.character, fullLine.length);
  const before = fullLine.slice(0, cursor);
  const region = regionOf(a, position.line);
  const line = position.line;
  if (region !== 'statusLog' && templateSpot(a, line, before, fullLine.slice(cursor))) {
    const templates = templateItems(a, line, fullLine.length, {
      author: opts.author,
      now: opts.now,
      snippets: opts.snippets === true,
    });
    const fields = region === 'header' ? bareLineFields(a, line, fullLine, opts) : [];
    return [...templates.map((t, i) => ({ ...t, sortText: `!${i}` })), ...fields];
  }
  if (region === 'statusLog') {
    const m = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)(\S*)$/.exec(before);
    // After `- ` with at most a partial date typed.
    if (m && /^[\d-]*$/.test(m[2]!))
      return logLineItems(a, position.line, m[1]!.length, fullLine.trimEnd().length, opts);
    return [];
  }
  if (region !== 'header') return [];
  const v = VALUE.exec(before);
  if (v) return valueItems(a, line, cursor, fullLine, v, opts);
  const n = ITEM.exec(before);
  if (n) {
    const colon = fullLine.indexOf(':', cursor);
    const slot = {
      line,
      range: range(line, n[1]!.length, colon >= 0 ? colon : cursor),
      bullet: '',
      hasColon: colon >= 0,
    };
    return fieldNameItems(a, slot, opts.extraFields ?? [], retriggerFor(a, opts));
  }
  if (/^\s*[\w][\w ()-]*$|^\s*$/.test(before) && fullLine.slice(cursor).trim() === '')
    return bareLineFields(a, line, fullLine, opts);
  return [];
}

/** Field names on a line without a bullet (empty, or a bare word like `Appr`): the item brings its bullet. */
function bareLineFields(a: Analysis, line: number, fullLine: string, opts: CompletionOptions): CompletionItem[] {
  if (!nearHeader(a, line)) return [];
  const slot = {
    line,
    range: range(line, 0, fullLine.length),
    bullet: `${a.doc.header?.bullet ?? '-'} `,
    hasColon: false,
  };
  return fieldNameItems(a, slot, opts.extraFields ?? [], retriggerFor(a, opts));
}
