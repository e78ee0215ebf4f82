/** Severity names shared by the output formats. */
import type { Diagnostic } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** The name of a diagnostic's severity (LSP: a missing severity is an error). */
export function severityName(d: Diagnostic): SeverityName {
  return NAMES[d.severity ?? 1] ?? 'error';
}

/** A diagnostic's message as plain text (LSP 3.18 allows markup content). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
