/** How a change and a group look in the tree: icon, tooltip, problem badge. */
import * as vscode from 'vscode';
import type { ChangeListItem } from '../../../server/src/protocol';
import type { GroupBy } from './grouping';
import { formatWindow, freezeDetails } from './describe';

/** Codicon and theme colour per status: the colour says "needs attention" (yellow/orange/red) or "fine". */
const STATUS_ICONS: Record<string, [string, string | undefined]> = {
  'In Progress': ['play-circle', 'charts.yellow'],
  Verifying: ['beaker', 'charts.purple'],
  Approved: ['verified', 'charts.blue'],
  Planned: ['calendar', undefined],
  Rejected: ['circle-slash', 'charts.red'],
  'Rolled Back': ['discard', 'charts.orange'],
  Closed: ['pass', 'charts.green'],
};

export function statusIcon(status: string | undefined): vscode.ThemeIcon {
  const [id, color] = STATUS_ICONS[status ?? ''] ?? ['question', 'problemsWarningIcon.foreground'];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

const GROUP_ICONS: Record<Exclude<GroupBy, 'status'>, string> = {
  service: 'server-environment',
  owner: 'person',
  type: 'tag',
};

export function groupIcon(by: GroupBy, label: string): vscode.ThemeIcon {
  return by === 'status' ? statusIcon(label) : new vscode.ThemeIcon(GROUP_ICONS[by]);
}

/** Text from a document, folded to one line (tooltips and labels never run it as markup). */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * `appendText` escapes markdown but leaves `<` alone; with HTML support off VS Code would show a
 * tag as text anyway, but entities make that independent of the renderer.
 */
const noHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function problemsText(p: ChangeListItem['problems']): string {
  return [plural(p.errors, 'error'), plural(p.warnings, 'warning'), plural(p.infos, 'info')].join(', ');
}

/**
 * The hover of a change: its header fields. Document text goes in with `appendText` (escaped),
 * and the string is neither trusted (no command links) nor HTML-enabled.
 */
export function changeTooltip(c: ChangeListItem, label: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(noHtml(oneLine(label)));
  md.appendMarkdown('**\n\n');
  const rows: [string, string | undefined][] = [
    ['ID', c.id],
    ['Status', c.status],
    ['Change type', c.type],
    ['Risk level', c.risk],
    ['Change Owner', c.owner],
    ['Affected services', c.services.join(', ')],
    ['Planned execution time', c.window ? formatWindow(c.window) : undefined],
    ['In freeze (CM041)', freezeDetails(c)],
    ['Approval', c.approver],
    ['Incidents', c.incidents.join(', ')],
    // Custom fields (`extraFields` in .itsmote.json), as the header writes them.
    ...(c.fields ?? []).map((f): [string, string] => [f.name, f.value]),
    ['Problems', problemsText(c.problems)],
  ];
  for (const [name, value] of rows) {
    if (!value) continue;
    md.appendText(noHtml(oneLine(name)));
    md.appendMarkdown(': ');
    md.appendText(noHtml(oneLine(value)));
    md.appendMarkdown('  \n');
  }
  return md;
}

/**
 * The problem badge, drawn by a FileDecorationProvider the way the Explorer draws its own: the
 * number of errors (else warnings) and the label coloured to match.
 */
export function problemDecoration(p: ChangeListItem['problems']): vscode.FileDecoration | undefined {
  const badge = (n: number): string => (n > 9 ? '9+' : String(n));
  if (p.errors > 0)
    return new vscode.FileDecoration(badge(p.errors), problemsText(p), new vscode.ThemeColor('list.errorForeground'));
  if (p.warnings > 0)
    return new vscode.FileDecoration(
      badge(p.warnings),
      problemsText(p),
      new vscode.ThemeColor('list.warningForeground'),
    );
  return undefined;
}

/** The URI the decoration provider recognises for a change (its own scheme, so no other decorator interferes). */
export function decorationUri(c: ChangeListItem): vscode.Uri {
  return vscode.Uri.from({ scheme: 'itsmote-change', path: `/${c.id}`, query: c.uri });
}
