/**
 * Hover: on a field name, what the field is for and when it is required; on a status (the
 * Status value or a log entry), where it can go next; on a diagnostic's range, the rule's rationale.
 */
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import type { Status } from '../fields';
import { extraFieldByName, fieldInfo } from '../fields';
import { EXTRA_FIELD_DOC } from './completion';
import { ruleByKey } from '../rules/index';
import { contains, nextStatuses } from './context';
import { freezesHit, whoMayRun } from '../freezes';
import type { Freeze } from '../freezes';
import { formatUtc } from '../time';

function statusText(a: Analysis, s: Status): string {
  const next = nextStatuses(a, s);
  return next.length
    ? `**${s}**: from here a change may go to ${next.map((n) => `**${n}**`).join(', ')}.`
    : `**${s}** is final: nothing follows it.`;
}

/** What the window item says about freezes: each freeze the window falls in, and whether this change may run in it. */
function freezeText(a: Analysis, freezes: readonly Freeze[]): string[] {
  const v = a.doc.values;
  if (!v.window) return [];
  return freezesHit(v, v.window, freezes).map(({ freeze, services, allowed }) => {
    const span = `${formatUtc(freeze.start)} until ${formatUtc(freeze.end)}`;
    const verdict = allowed
      ? `${v.changeType} changes may run in it, so this one may`
      : `${whoMayRun(freeze)} may run in it, not this ${v.changeType ?? ''} change (CM041)`.replace('  ', ' ');
    return `**Freeze "${freeze.name}"** (${span}) covers ${services.join(', ')}: ${verdict}.`;
  });
}

/** What hovers need besides the document. */
export interface HoverOptions {
  /** The freezes of the document's config: hovering the window tells which it falls in. */
  freezes?: readonly Freeze[];
  /** Custom header fields of the repository (`.itsmote.json` `extraFields`). */
  extraFields?: readonly string[];
}

/** The hover at a position, given the document's current diagnostics. */
export function hover(
  a: Analysis,
  position: Position,
  diagnostics: readonly Diagnostic[] = [],
  options: HoverOptions = {},
): Hover | undefined {
  const parts: string[] = [];
  let range;
  for (const item of a.doc.header?.items ?? []) {
    const extra = item.key || !item.hasColon ? undefined : extraFieldByName(item.name, options.extraFields);
    if (extra && contains(item.nameRange, position)) {
      parts.push(`**${extra}**\n\n${EXTRA_FIELD_DOC}`);
      range = item.nameRange;
    }
    if (!item.key) continue;
    if (contains(item.nameRange, position)) {
      const f = fieldInfo(item.key);
      const aliases = f.aliases.length ? ` (also written ${f.aliases.map((x) => `\`${x}\``).join(', ')})` : '';
      parts.push(`**${f.name}**${aliases}\n\n${f.doc}`);
      range = item.nameRange;
    } else if (item.key === 'status' && contains(item.valueRange, position) && a.doc.values.status) {
      parts.push(statusText(a, a.doc.values.status));
      range = item.valueRange;
    } else if (item.key === 'window' && contains(item.valueRange, position) && options.freezes?.length) {
      const text = freezeText(a, options.freezes);
      if (text.length) {
        parts.push(...text);
        range = item.valueRange;
      }
    }
  }
  for (const e of a.doc.statusLog?.entries ?? []) {
    if (e.status && contains(e.range, position) && !contains(e.timestampRange, position)) {
      parts.push(statusText(a, e.status));
      range ??= e.range;
    }
  }
  for (const d of diagnostics) {
    if (d.source !== 'itsmote' || !contains(d.range, position)) continue;
    const rule = ruleByKey(String(d.code ?? ''));
    if (rule) parts.push(`**${rule.id} ${rule.name}**: ${rule.docs}`);
  }
  const unique = [...new Set(parts)];
  if (!unique.length) return undefined;
  return { contents: { kind: 'markdown', value: unique.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
