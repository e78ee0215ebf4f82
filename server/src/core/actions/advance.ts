/**
 * "Advance status": the edits that move a change to its next status. They replace only the
 * Status value, append one `## Status log` entry (creating the section at the end when missing),
 * fill an empty Approval value on Approved, and make sure Closed/Rolled Back changes have an
 * Outcome spot. Pure: author, clock and note come in as arguments.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { fieldState } from '../model';
import type { Status } from '../fields';
import { allowedNext } from '../lifecycle';
import { currentStatus, nextStatuses } from '../features/context';
import { formatUtc } from '../time';
import { isPlaceholder, isSeeBelow } from '../values';
import { eolOf, insertAt, replaceItemValue, replaceSpan } from './text';
import { insertFieldEdit } from './insert-field';

/** What an advance needs besides the document. */
export interface AdvanceOptions {
  /** Who is writing the entry (written after `by`). */
  author: string;
  /** "Now" in ms since epoch; the entry's timestamp. */
  now: number;
  /** Rolled Back reason / Closed outcome. Without it, the spot is left empty for the user. */
  note?: string;
}

/** The status log line for a transition: `- <YYYY-MM-DD HH:MM UTC> <Status> by <author>[: note]`. */
export function logLine(bullet: string, to: Status, opts: AdvanceOptions): string {
  const note = opts.note?.trim();
  const by = opts.author.trim() ? ` by ${opts.author.trim()}` : '';
  // A Rolled Back entry without a reason ends in a bare colon: the spot for the reason, which
  // CM034 keeps pointing at until it is written.
  const tail = note ? `: ${note}` : to === 'Rolled Back' ? ':' : '';
  return `${bullet} ${formatUtc(opts.now)} ${to}${by}${tail}`;
}

/**
 * The statuses this document may be advanced to (lifecycle.ts; forbidden steps are never
 * offered). Normally `allowedNext(doc)`; when the Status value and the last log entry disagree
 * (CM031), the log is the audit trail, so the steps are taken from its last entry, and the
 * advance then also brings Status back in line.
 */
export function advanceTargets(a: Analysis): Status[] {
  if (!a.doc.header) return [];
  const from = currentStatus(a);
  return from === a.doc.values.status ? allowedNext(a.doc) : nextStatuses(a, from);
}

/**
 * The edits advancing the document to `to`, or undefined when `to` is not an allowed next status
 * (or the document has no header to edit).
 */
export function advanceEdits(a: Analysis, to: Status, opts: AdvanceOptions): TextEdit[] | undefined {
  const { doc, md } = a;
  if (!doc.header || !advanceTargets(a).includes(to)) return undefined;
  const eol = eolOf(md.text);
  const lines = md.lines;
  const edits: TextEdit[] = [];

  const status = fieldState(doc, 'status').item;
  if (status) edits.push(replaceItemValue(a, status, to));
  else edits.push(insertFieldEdit(a, 'status', to)!);

  if (to === 'Approved') {
    const approval = fieldState(doc, 'approval').item;
    const date = formatUtc(opts.now).slice(0, 10);
    if (approval && (isPlaceholder(approval.value) || isSeeBelow(approval.value)) && opts.author.trim()) {
      edits.push(replaceItemValue(a, approval, `${opts.author.trim()}, ${date}`));
    }
  }

  if (to === 'Closed' || to === 'Rolled Back') {
    const outcome = fieldState(doc, 'outcome');
    const note = to === 'Closed' ? opts.note?.trim() : undefined;
    if (!outcome.present) {
      if (outcome.item) {
        if (note) edits.push(replaceItemValue(a, outcome.item, note));
      } else {
        // No Outcome anywhere: an empty `- Outcome:` item is the spot CM033 points at until filled.
        const ins = insertFieldEdit(a, 'outcome', note ?? '');
        if (ins) edits.push(ins);
      }
    }
  }

  const log = doc.statusLog;
  if (log) {
    const entry = logLine(log.bullet, to, opts);
    edits.push(insertAt(lines, log.appendOffset, log.hasList ? eol + entry : eol + eol + entry));
  } else {
    const text = md.text;
    let end = text.length;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const section = `${eol}${eol}## Status log${eol}${eol}${logLine(doc.header.bullet, to, opts)}${eol}`;
    edits.push(replaceSpan(lines, end, text.length, section));
  }
  return edits;
}
