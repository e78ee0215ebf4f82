/**
 * The deployment gate (SPEC section 9): may this change be executed now? Pure: the shell checks
 * the document (with the other change documents as context) and passes its diagnostics in.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ChangeDocument } from './schema';
import { approvalRequired, hasApprovalEvidence } from './lifecycle';
import { freezesHit, whoMayRun } from './freezes';
import type { Freeze } from './freezes';
import { formatUtc } from './time';

/** Why the gate refuses, one stable key per kind of reason. */
export type GateReasonKind =
  'error' | 'approval' | 'status' | 'no-window' | 'before-window' | 'after-window' | 'freeze';

/** One reason the gate refuses. */
export interface GateReason {
  reason: GateReasonKind;
  message: string;
  /** For `error`: the rule ID and the 1-based line of the diagnostic. */
  code?: string;
  line?: number;
  /** For `freeze`: the freeze's name and end (ISO 8601). */
  freeze?: string;
  until?: string;
}

/** The gate's answer. */
export interface GateResult {
  allowed: boolean;
  reasons: GateReason[];
}

/** What the gate needs. */
export interface GateInput {
  doc: ChangeDocument;
  /** The document's diagnostics, as `check` reports them (suppressions and config applied). */
  diagnostics: readonly Diagnostic[];
  /** The freezes of the document's config. */
  freezes: readonly Freeze[];
  now: number;
  /** How many minutes before the window's start the change may begin (`--early`). */
  earlyMinutes?: number;
}

const MINUTE = 60_000;

function minutesText(ms: number): string {
  const min = Math.ceil(ms / MINUTE);
  if (min < 120) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}

/** The statuses the gate lets start: Approved, Planned when no approval is needed, or already In Progress. */
function statusReason(doc: ChangeDocument): GateReason | undefined {
  const s = doc.values.status;
  const needsApproval = approvalRequired(doc);
  if (s === 'Approved' || s === 'In Progress' || (s === 'Planned' && !needsApproval)) return undefined;
  const wanted = needsApproval ? 'Approved (or In Progress)' : 'Planned, Approved or In Progress';
  const what =
    s === undefined
      ? 'The Status is missing or not a known status'
      : s === 'Planned'
        ? 'Status is Planned and this change needs approval first'
        : `Status is ${s}`;
  return { reason: 'status', message: `${what}; the gate lets a change start when it is ${wanted}.` };
}

function windowReason(doc: ChangeDocument, now: number, early: number): GateReason | undefined {
  const w = doc.values.window;
  if (!w) {
    // Emergency changes need no window (SPEC section 2): they run when the incident needs them.
    if (doc.values.changeType === 'Emergency') return undefined;
    const why = doc.values.windowError ? `cannot be read (${doc.values.windowError})` : 'is missing';
    return {
      reason: 'no-window',
      message: `The Planned execution time ${why}; the gate lets a change start only inside its window.`,
    };
  }
  const opens = w.start - early * MINUTE;
  const span = `${formatUtc(w.start)} to ${formatUtc(w.end)}`;
  if (now < opens) {
    const allowance = early ? ` (${early} min early allowed: from ${formatUtc(opens)})` : '';
    return {
      reason: 'before-window',
      message: `The window ${span} has not started (now: ${formatUtc(now)}); it opens in ${minutesText(opens - now)}${allowance}.`,
    };
  }
  if (now >= w.end)
    return {
      reason: 'after-window',
      message: `The window ${span} is over (now: ${formatUtc(now)}); re-plan the window (and get it approved again if needed).`,
    };
  return undefined;
}

/**
 * Decides whether a change may be executed now: no error diagnostics, approval where required,
 * an executable status, now inside the window (minus `earlyMinutes`), and no freeze in force
 * that forbids its type on its services. Every failed condition is one reason.
 */
export function gate(input: GateInput): GateResult {
  const { doc, now } = input;
  const early = input.earlyMinutes ?? 0;
  const reasons: GateReason[] = [];

  // A freeze in force now forbids the start whatever CM041's configuration or suppressions say.
  const inForce = freezesHit(doc.values, { start: now, end: now + 1 }, input.freezes).filter((h) => !h.allowed);
  const freezeReasons: GateReason[] = inForce.map(({ freeze, services }) => ({
    reason: 'freeze',
    message: `The freeze "${freeze.name}" is in force until ${formatUtc(freeze.end)} on ${services.join(', ')}; ${whoMayRun(freeze)} may run in it.`,
    freeze: freeze.name,
    until: new Date(freeze.end).toISOString(),
  }));
  const named = new Set(inForce.map((h) => h.freeze.name));

  for (const d of input.diagnostics) {
    if ((d.severity ?? 1) !== 1) continue;
    // CM041 on a freeze already given as a reason would say the same thing twice.
    if (d.code === 'CM041' && named.has(String((d.data as { freeze?: unknown } | undefined)?.freeze))) continue;
    reasons.push({
      reason: 'error',
      code: String(d.code ?? ''),
      line: d.range.start.line + 1,
      message: `${String(d.code ?? 'error')}: ${messageOf(d)}`,
    });
  }
  // For a Rejected, finished or unknown status the status reason says it all.
  const mayProceed =
    doc.values.status === 'Planned' || doc.values.status === 'Approved' || doc.values.status === 'In Progress';
  if (mayProceed && approvalRequired(doc) && !hasApprovalEvidence(doc)) {
    reasons.push({
      reason: 'approval',
      message:
        'This change needs approval (Normal, or it touches data integrity or security) and has neither an Approval value nor an Approved status log entry.',
    });
  }
  const status = statusReason(doc);
  if (status) reasons.push(status);
  const win = windowReason(doc, now, early);
  if (win) reasons.push(win);
  reasons.push(...freezeReasons);
  return { allowed: reasons.length === 0, reasons };
}
