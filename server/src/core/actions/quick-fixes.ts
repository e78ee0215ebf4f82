/**
 * Quick fixes: for one diagnostic (its `code` and `data.fix`, see rules/*), the edits that fix it.
 * Each fix says whether it is "safe", i.e. has one obvious result and loses no text, which is
 * what fix-all applies.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { fieldState, fieldValue } from '../model';
import type { FieldKey, Status } from '../fields';
import { fieldInfo, FIELD_KEYS, STATUSES } from '../fields';
import { isAllowed, transitionContext, TRANSITIONS } from '../lifecycle';
import { isPlaceholder, splitList, stripInlineMarkup } from '../values';
import { deleteLines, itemAtLine, replaceItemValue, replaceSpan } from './text';
import { appendLogLines, skeletonLine } from './log-edit';
import { insertFieldEdit } from './insert-field';
import { templateEdit } from './template';
import type { AdvanceOptions } from './advance';

/** One fix for one diagnostic. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix (shown first, applied by "auto fix"). */
  isPreferred: boolean;
  /** Safe for fix-all: deterministic and loses no user text. */
  safe: boolean;
  /**
   * Where the cursor belongs after the fix (an offset into one edit's new text), for clients
   * that take snippet edits: the fix leaves an empty value to fill in.
   */
  cursor?: { edit: number; offset: number };
}

/** What fixes may need besides the document: who is editing and when, and what the client takes. */
export type FixOptions = AdvanceOptions & {
  /** The client applies snippet text edits (LSP 3.18): fixes that leave a value to fill put the cursor there. */
  snippets?: boolean;
};

/** `diagnostic.data` as the rules write it. */
interface FixData {
  rule?: string;
  fix?: string;
  field?: string;
  name?: string;
  value?: string;
  suggestion?: string;
  allowed?: string[];
  status?: string;
  /** CM017: the unknown service. */
  service?: string;
  /** CM016: the unknown person and whether they are the owner or an approver. */
  person?: string;
  role?: string;
}

function dataOf(d: Diagnostic): FixData {
  return d.data && typeof d.data === 'object' ? (d.data as FixData) : {};
}

function isFieldKey(k: unknown): k is FieldKey {
  return typeof k === 'string' && (FIELD_KEYS as readonly string[]).includes(k);
}

function replaceValueOf(a: Analysis, key: FieldKey, value: string): TextEdit | undefined {
  const item = fieldState(a.doc, key).item;
  if (!item) return undefined;
  return replaceItemValue(a, item, value);
}

/** Replaces one element of a comma list value (Touches, Affected services, Approval) with `to`; nothing else on the line changes. */
function replaceListElement(a: Analysis, key: FieldKey, from: string, to: string): TextEdit | undefined {
  const item = fieldState(a.doc, key).item;
  if (!item) return undefined;
  const l = a.md.lines;
  const start = l.offsetAt(item.valueRange.start);
  const raw = a.md.text.slice(start, l.offsetAt(item.valueRange.end));
  const re = new RegExp(`(^|[,;]\\s*)([*_\`]*)(${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=[*_\`]*\\s*(?:[,;]|$))`, 'i');
  const m = re.exec(raw);
  if (!m) return undefined;
  const at = start + m.index + m[1]!.length + m[2]!.length;
  return replaceSpan(l, at, at + m[3]!.length, to);
}

function insertFieldFix(a: Analysis, key: FieldKey, opts: FixOptions): Fix[] {
  const name = fieldInfo(key).name;
  const fixes: Fix[] = [];
  if (key === 'status') {
    const entries = a.doc.statusLog?.entries ?? [];
    const value = entries[entries.length - 1]?.status ?? 'Planned';
    const e = insertFieldEdit(a, key, value);
    if (e) fixes.push({ title: `Add "${name}: ${value}"`, edits: [e], isPreferred: true, safe: false });
    return fixes;
  }
  if (key === 'owner' && opts.author.trim()) {
    const e = insertFieldEdit(a, key, opts.author.trim());
    if (e) fixes.push({ title: `Add "${name}: ${opts.author.trim()}"`, edits: [e], isPreferred: false, safe: false });
  }
  const e = insertFieldEdit(a, key);
  // The cursor goes into the new, empty value: just past `Name:`.
  const colon = e ? e.newText.indexOf(`${name}:`) : -1;
  if (e) fixes.unshift({ title: `Add the "${name}" field`, edits: [e], isPreferred: true, safe: false, ...(colon >= 0 ? { cursor: { edit: 0, offset: colon + name.length + 1 } } : {}) });
  return fixes;
}

function replaceValueFix(a: Analysis, d: Diagnostic, data: FixData): Fix[] {
  if (!isFieldKey(data.field) || typeof data.value !== 'string') return [];
  const key = data.field;
  const name = fieldInfo(key).name;
  const candidates = data.suggestion ? [data.suggestion] : (data.allowed ?? []);
  const out: Fix[] = [];
  for (const to of candidates) {
    const e = key === 'touches' || key === 'services' ? replaceListElement(a, key, data.value, to) : replaceValueOf(a, key, to);
    if (!e) continue;
    const one = data.suggestion !== undefined;
    // CM003's suggestion is a typo fix; CM014's (Standard -> Normal) is a judgement, never auto-applied.
    const safe = one && d.code === 'CM003';
    out.push({ title: `Change ${name} to "${to}"`, edits: [e], isPreferred: one, safe });
  }
  return out;
}

function renameFix(a: Analysis, d: Diagnostic, data: FixData): Fix[] {
  const item = itemAtLine(a, d.range.start.line);
  if (!item || typeof data.suggestion !== 'string') return [];
  const l = a.md.lines;
  const text = item.hasColon ? data.suggestion : `${data.suggestion}:`;
  const e = replaceSpan(l, l.offsetAt(item.nameRange.start), l.offsetAt(item.nameRange.end), text);
  return [{ title: item.hasColon ? `Rename "${item.name}" to "${data.suggestion}"` : `Write "${data.suggestion}:"`, edits: [e], isPreferred: true, safe: true }];
}

function removeDuplicateFix(a: Analysis, d: Diagnostic): Fix[] {
  const item = itemAtLine(a, d.range.start.line);
  if (!item?.key) return [];
  const first = fieldState(a.doc, item.key).item;
  const norm = (v: string) => stripInlineMarkup(v).replace(/\s+/g, ' ').toLowerCase();
  // Removing loses nothing when the duplicate repeats the first value or says nothing.
  const safe = isPlaceholder(item.value) || (first !== undefined && norm(first.value) === norm(item.value));
  const e = deleteLines(a.md.lines, item.range.start.line, item.range.end.line);
  return [{ title: `Remove the duplicate "${item.name}" item`, edits: [e], isPreferred: true, safe }];
}

function syncStatusFixes(a: Analysis, data: FixData): Fix[] {
  const out: Fix[] = [];
  const last = STATUSES.find((s) => s === data.status);
  const current = a.doc.values.status;
  if (last) {
    const e = replaceValueOf(a, 'status', last);
    if (e) out.push({ title: `Set Status to "${last}" (the last status log entry)`, edits: [e], isPreferred: true, safe: false });
  }
  // The Status was changed at some earlier time by someone: a line to fill in, never "now, by you".
  if (last && current && a.doc.statusLog && isAllowed(last, current, transitionContext(a.doc))) {
    out.push({ title: `Add a status log line for "${current}" (fill in when and by whom)`, edits: [appendLogLines(a, [skeletonLine(current)])], isPreferred: false, safe: false });
  }
  return out;
}

/**
 * The steps of the lifecycle from the start to `to` for this document (the shortest path in
 * table order, e.g. Planned, Approved, In Progress, Verifying, Closed for a Normal change).
 */
function usualPath(a: Analysis, to: Status): Status[] {
  // A change that needs approval usually went through Approved, even when the Approval value
  // would allow Planned -> In Progress.
  const ctx = { ...transitionContext(a.doc), hasApprovalValue: false };
  const from = new Map<Status, Status | 'start'>();
  let frontier: (Status | 'start')[] = ['start'];
  while (frontier.length && !from.has(to)) {
    const next: Status[] = [];
    for (const f of frontier) {
      for (const t of TRANSITIONS[f]) {
        if (from.has(t) || !isAllowed(f, t, ctx)) continue;
        from.set(t, f);
        next.push(t);
      }
    }
    frontier = next;
  }
  const path: Status[] = [];
  for (let s: Status | 'start' | undefined = to; s && s !== 'start'; s = from.get(s)) path.unshift(s);
  return from.has(to) ? path : [to];
}

/**
 * CM037: a status log skeleton, one line per step of the usual path to the current Status, with
 * placeholder times and authors. The steps happened in the past: only the user knows when and by
 * whom, so nothing is dated (CM005 points at each line until it is filled in).
 */
function addStatusLogFix(a: Analysis): Fix[] {
  const status = a.doc.values.status;
  if (!status || a.doc.statusLog || !a.doc.header) return [];
  const steps = usualPath(a, status);
  return [{ title: `Add a status log skeleton (${steps.join(', ')}: fill in when and by whom)`, edits: [appendLogLines(a, steps.map(skeletonLine))], isPreferred: false, safe: false }];
}

function ownerFix(a: Analysis, opts: FixOptions): Fix[] {
  const author = opts.author.trim();
  if (!author || fieldValue(a.doc, 'owner') !== undefined) return [];
  const e = replaceValueOf(a, 'owner', author);
  return e ? [{ title: `Set Change Owner to "${author}"`, edits: [e], isPreferred: false, safe: false }] : [];
}

/**
 * CM017 (service-unknown) and CM016 (person-unknown) with a did-you-mean: replace the one unknown
 * name in its list with the suggestion. Not safe for fix-all: the catalog or CODEOWNERS may be
 * the stale side, and only the author knows.
 */
function unknownNameFix(a: Analysis, d: Diagnostic, data: FixData): Fix[] {
  const to = data.suggestion;
  const [key, from]: [FieldKey, string | undefined] = d.code === 'CM017' ? ['services', data.service] : [data.role === 'owner' ? 'owner' : 'approval', data.person];
  if (typeof to !== 'string' || typeof from !== 'string') return [];
  const e = replaceListElement(a, key, from, to);
  return e ? [{ title: `Replace "${from}" with "${to}"`, edits: [e], isPreferred: true, safe: false }] : [];
}

/** The fixes for one diagnostic of this document (none for foreign or fix-less diagnostics). */
export function fixesFor(a: Analysis, d: Diagnostic, opts: FixOptions): Fix[] {
  if (d.source !== undefined && d.source !== 'itsmote') return [];
  const data = dataOf(d);
  if (d.code === 'CM016' || d.code === 'CM017') return unknownNameFix(a, d, data);
  switch (data.fix) {
    case 'insertField':
      return isFieldKey(data.field) ? insertFieldFix(a, data.field, opts) : [];
    case 'fillValue':
      return data.field === 'owner' ? ownerFix(a, opts) : [];
    case 'replaceValue':
      return replaceValueFix(a, d, data);
    case 'renameField':
      return renameFix(a, d, data);
    case 'removeItem':
      return removeDuplicateFix(a, d);
    case 'insertTemplate': {
      const e = templateEdit(a, opts.author.trim());
      return e ? [{ title: 'Insert the change document header template', edits: [e], isPreferred: true, safe: false }] : [];
    }
    case 'syncStatus':
      return syncStatusFixes(a, data);
    case 'addStatusLog':
      return addStatusLogFix(a);
    default:
      return [];
  }
}
