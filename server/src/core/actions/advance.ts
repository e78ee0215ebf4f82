/**
 * "Advance status": the edits that move a change to its next status. They replace only the
 * Status value, append exactly one entry to the status log wherever and however it is written
 * (creating a `## Status log` section at the end only when there is none), fill an empty
 * Approval value on Approved, and make sure Closed/Rolled Back changes have an Outcome spot.
 * They never date a step they did not see: a new log of a Planned change starts with a skeleton
 * Planned line whose time and author the user fills in. Pure: author, clock and note come in as
 * arguments.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { LogEntry } from '../schema';
import { analyze, fieldState } from '../model';
import type { Status } from '../fields';
import { allowedNext } from '../lifecycle';
import { currentStatus, nextStatuses } from '../features/context';
import { formatUtc } from '../time';
import { isPlaceholder, isSeeBelow } from '../values';
import { applyEdits, replaceItemValue } from './text';
import { appendLogLines, skeletonLine } from './log-edit';
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

/**
 * Author and note folded to one line: a log entry and a header value are one line each, and a
 * line break from a client (or a git user name) must not write extra entries or items.
 */
function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of a status log entry for a transition now: `<YYYY-MM-DD HH:MM UTC> <Status> by <author>[: note]`. */
export function entryText(to: Status, opts: AdvanceOptions): string {
  const note = oneLine(opts.note);
  const by = oneLine(opts.author) ? ` by ${oneLine(opts.author)}` : '';
  // A Rolled Back entry without a reason ends in a bare colon: the spot for the reason, which
  // CM034 keeps pointing at until it is written.
  const tail = note ? `: ${note}` : to === 'Rolled Back' ? ':' : '';
  return `${formatUtc(opts.now)} ${to}${by}${tail}`;
}

/** The status log line for a transition: `<bullet> <YYYY-MM-DD HH:MM UTC> <Status> by <author>[: note]`. */
export function logLine(bullet: string, to: Status, opts: AdvanceOptions): string {
  return `${bullet} ${entryText(to, opts)}`;
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
  // With no status in the log yet, the new log must begin at the current status. Only Planned is
  // written for the user (its time feeds no metric); a change past Planned with no log (CM037)
  // is not advanced, because its first entry would be a step the log cannot justify (CM030) or
  // an invented start time.
  if (from !== 'start' && !loggedStatus(a) && from !== 'Planned') return [];
  return from === a.doc.values.status ? allowedNext(a.doc) : nextStatuses(a, from);
}

/** Whether the status log records any known status (CM030 judges the first such entry as a start). */
function loggedStatus(a: Analysis): boolean {
  return (a.doc.statusLog?.entries ?? []).some((e) => e.status !== undefined);
}

/**
 * The edits advancing the document to `to`, or undefined when `to` is not an allowed next status
 * (or the document has no header to edit).
 */
export function advanceEdits(a: Analysis, to: Status, opts: AdvanceOptions): TextEdit[] | undefined {
  const { doc } = a;
  if (!doc.header || !advanceTargets(a).includes(to)) return undefined;
  const edits: TextEdit[] = [];

  const status = fieldState(doc, 'status').item;
  if (status) edits.push(replaceItemValue(a, status, to));
  else edits.push(insertFieldEdit(a, 'status', to)!);

  if (to === 'Approved') {
    const approval = fieldState(doc, 'approval').item;
    const date = formatUtc(opts.now).slice(0, 10);
    if (approval && (isPlaceholder(approval.value) || isSeeBelow(approval.value)) && oneLine(opts.author)) {
      edits.push(replaceItemValue(a, approval, `${oneLine(opts.author)}, ${date}`));
    }
  }

  if (to === 'Closed' || to === 'Rolled Back') {
    const outcome = fieldState(doc, 'outcome');
    const note = to === 'Closed' ? oneLine(opts.note) : undefined;
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

  // A log with no status yet starts at Planned (advanceTargets allows nothing else here). When it
  // was planned, and by whom, is not known: a skeleton line asks the user, instead of "now, by you".
  const startsLog = doc.values.status === 'Planned' && !loggedStatus(a);
  const lines = [...(startsLog ? [skeletonLine('Planned')] : []), entryText(to, opts)];
  edits.push(appendLogLines(a, lines));
  return recordsAdvance(a, edits, to, lines.length) ? edits : undefined;
}

/** What an entry says, to compare the log before and after an edit. */
const entryKey = (e: LogEntry) =>
  JSON.stringify([e.statusText, e.at ?? null, e.timestampError ?? null, e.by ?? null, e.note ?? null]);

/**
 * Whether the edited document reads back with Status `to` and a log that is the old one, entry
 * for entry, plus the lines written (the entry `to`, after a skeleton Planned line when a log
 * starts). Markdown can swallow an appended section (a document ending inside an unclosed code
 * fence or HTML comment) or read neighbouring lines differently once a line is added (an
 * indented heading after a new list); such an advance is refused rather than written where it
 * does not count, or where it changes what other lines mean.
 */
function recordsAdvance(a: Analysis, edits: TextEdit[], to: Status, written: number): boolean {
  const after = analyze(applyEdits(a.md.lines, edits), `${a.doc.id}.md`).doc;
  const before = a.doc.statusLog?.entries ?? [];
  const now = after.statusLog?.entries ?? [];
  return (
    after.values.status === to &&
    now.length === before.length + written &&
    now[now.length - 1]?.status === to &&
    before.every((e, k) => entryKey(e) === entryKey(now[k]!))
  );
}
