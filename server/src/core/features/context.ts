/** Where a position is in a change document: header, status log, or elsewhere. */
import type { Position } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { Status } from '../fields';
import { isAllowed, transitionContext, TRANSITIONS } from '../lifecycle';
import { isStatusLogName } from '../fields';

/** Facts gathered from the other change documents of the workspace (and CODEOWNERS). */
export interface WorkspaceFacts {
  /** Services named by the change documents. */
  services: string[];
  /** Service names of the Backstage catalog (the shell reads catalog-info.yaml), offered first. */
  catalogServices?: readonly string[];
  people: string[];
  incidents: string[];
}

/** The region a line belongs to. */
export type Region = 'header' | 'statusLog' | 'other';

/** The region of a 0-based line: before the first `##` heading is the header area. */
export function regionOf(a: Analysis, line: number): Region {
  const sections = a.doc.sections;
  const firstHeading = sections[0]?.headingRange.start.line ?? Infinity;
  if (line < firstHeading) return 'header';
  let current: (typeof sections)[number] | undefined;
  for (const s of sections) if (s.headingRange.start.line <= line) current = s;
  return current && isStatusLogName(current.name) && line > current.headingRange.end.line ? 'statusLog' : 'other';
}

/** The status a change is at for "what next": the last log entry's, else the Status value, else the start. */
export function currentStatus(a: Analysis): Status | 'start' {
  const entries = a.doc.statusLog?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const s = entries[i]!.status;
    if (s) return s;
  }
  return a.doc.values.status ?? 'start';
}

/** The statuses allowed after `from` for this document (conditional steps included). */
export function nextStatuses(a: Analysis, from: Status | 'start'): Status[] {
  const ctx = transitionContext(a.doc);
  return TRANSITIONS[from].filter((to) => isAllowed(from, to, ctx));
}

/** Whether a range contains a position (inclusive ends, as hovers expect). */
export function contains(r: { start: Position; end: Position }, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}
