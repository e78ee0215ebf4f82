/**
 * Completion: field names at the start of a header item, values after a known field's colon
 * (enums, the allowed next statuses, services/people/incidents known in the workspace), and a
 * whole status log line after `- ` in `## Status log`.
 */
import type { CompletionItem, CompletionItemKind, Position, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { FieldKey } from '../fields';
import { CHANGE_TYPES, FIELDS, fieldByName, foldName, RISK_LEVELS, TOUCHES } from '../fields';
import { splitList } from '../values';
import { formatUtc } from '../time';
import type { WorkspaceFacts } from './context';
import { currentStatus, nextStatuses, regionOf } from './context';

// CompletionItemKind values (LSP), spelled out to keep the core free of runtime imports.
const KIND = { field: 5, value: 12, enumMember: 20, reference: 18, event: 23, text: 1 } as const;

/** What completion needs besides the document. */
export interface CompletionOptions {
  facts: WorkspaceFacts;
  author: string;
  now: number;
  /** Custom header fields of the repository (`.itsmote.json` `extraFields`), offered as written. */
  extraFields?: readonly string[];
}

const ITEM = /^(\s*[-*+]\s+)([^:]*)$/;
const VALUE = /^(\s*[-*+]\s+)([^:]+):(\s*)(.*)$/;
const LIST_FIELDS: ReadonlySet<FieldKey> = new Set(['services', 'touches', 'incident', 'causedIncidents']);

function range(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

/** A custom field's documentation (hover and completion). */
export const EXTRA_FIELD_DOC = 'A custom field of this repository (`extraFields` in `.itsmote.json`): known, but not checked.';

function fieldNameItems(a: Analysis, line: number, nameStart: number, cursor: number, fullLine: string, extraFields: readonly string[]): CompletionItem[] {
  const others = a.doc.header?.items.filter((i) => i.range.start.line !== line) ?? [];
  const present = new Set(others.map((i) => i.key));
  const colon = fullLine.indexOf(':', cursor);
  const replaceTo = colon >= 0 ? colon : cursor;
  const out: CompletionItem[] = [];
  FIELDS.forEach((f, i) => {
    const used = present.has(f.key);
    for (const [j, name] of [f.name, ...f.aliases].entries()) {
      out.push({
        label: name,
        kind: KIND.field,
        detail: j === 0 ? (used ? 'already in the header' : 'field') : `alias of ${f.name}`,
        documentation: { kind: 'markdown', value: f.doc },
        sortText: `${used ? 1 : 0}${j === 0 ? 0 : 1}${String(i).padStart(2, '0')}`,
        filterText: name,
        textEdit: { range: range(line, nameStart, replaceTo), newText: colon >= 0 ? name : `${name}: ` },
      });
    }
  });
  extraFields.forEach((name, i) => {
    const used = others.some((o) => foldName(o.name) === foldName(name));
    out.push({
      label: name,
      kind: KIND.field,
      detail: used ? 'already in the header' : 'custom field',
      documentation: { kind: 'markdown', value: EXTRA_FIELD_DOC },
      sortText: `${used ? 1 : 0}2${String(i).padStart(2, '0')}`,
      filterText: name,
      textEdit: { range: range(line, nameStart, replaceTo), newText: colon >= 0 ? name : `${name}: ` },
    });
  });
  return out;
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
  const fresh = (xs: readonly string[]) => [...new Set(xs)].filter((x) => !written.some((w) => w.toLowerCase() === x.toLowerCase()));
  switch (key) {
    case 'changeType':
      return { values: [...CHANGE_TYPES], kind: KIND.enumMember, detail: 'Change type' };
    case 'risk':
      return { values: [...RISK_LEVELS], kind: KIND.enumMember, detail: 'Risk level' };
    case 'touches':
      return { values: fresh(TOUCHES), kind: KIND.enumMember, detail: 'makes approval required' };
    case 'status': {
      const from = currentStatus(a);
      return { values: nextStatuses(a, from), kind: KIND.enumMember, detail: from === 'start' ? 'allowed first status' : `allowed after ${from}` };
    }
    case 'owner':
    case 'approval':
      return { values: fresh([opts.author, ...opts.facts.people].filter((p) => p.trim() !== '')), kind: KIND.reference, detail: 'person' };
    case 'services':
      return serviceValues(opts.facts, fresh);
    case 'incident':
    case 'causedIncidents':
      return { values: fresh(opts.facts.incidents), kind: KIND.reference, detail: 'incident in other changes' };
    default:
      return undefined;
  }
}

function valueItems(a: Analysis, line: number, cursor: number, fullLine: string, m: RegExpExecArray, opts: CompletionOptions): CompletionItem[] {
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
  const to = isList ? (nextSep >= 0 ? cursor + nextSep : fullLine.trimEnd().length) : Math.max(cursor, fullLine.trimEnd().length);
  const written = isList ? splitList(fullLine.slice(valueStart)).filter((w) => w !== fullLine.slice(from, to).trim()) : [];
  const spec = valuesFor(a, key, opts, written);
  if (!spec) return [];
  const pad = m[3] === '' && from === valueStart ? ' ' : lastSep >= 0 && fullLine[valueStart + lastSep + 1] !== ' ' ? ' ' : '';
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

/** The completion items at a position. */
export function complete(a: Analysis, position: Position, opts: CompletionOptions): CompletionItem[] {
  const fullLine = a.md.lines.lineText(position.line);
  const cursor = Math.min(position.character, fullLine.length);
  const before = fullLine.slice(0, cursor);
  const region = regionOf(a, position.line);
  if (region === 'statusLog') {
    const m = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)(\S*)$/.exec(before);
    // After `- ` with at most a partial date typed.
    if (m && /^[\d-]*$/.test(m[2]!)) return logLineItems(a, position.line, m[1]!.length, fullLine.trimEnd().length, opts);
    return [];
  }
  if (region !== 'header') return [];
  const v = VALUE.exec(before);
  if (v) return valueItems(a, position.line, cursor, fullLine, v, opts);
  const n = ITEM.exec(before);
  if (n) return fieldNameItems(a, position.line, n[1]!.length, cursor, fullLine, opts.extraFields ?? []);
  return [];
}
