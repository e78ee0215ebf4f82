/**
 * snippets/itsmote.code-snippets: one full change document per type, with the fields of
 * core/templates.ts (the same as "New change" and CM001's quick fix), a status log line
 * and a rollback plan section. What is snippet-only is here: the placeholder texts, the choices
 * offered, and the tab stop order. No snippet has a prefix: completion is the language server's
 * (docs/extension.md, "Decision: the templates are served by the language server"), so they are
 * reached through Insert Snippet and, for whole documents, Fill File with Snippet.
 */
import { CHANGE_TYPES, fieldInfo, RISK_LEVELS, STATUS_LOG_NAMES, STATUSES } from '../../server/src/core/fields';
import type { ChangeType, FieldKey, RiskLevel } from '../../server/src/core/fields';
import { isAllowed, TRANSITIONS } from '../../server/src/core/lifecycle';
import { TEMPLATE_FIELDS, templateValue } from '../../server/src/core/templates';
import { jsonText } from './text';

const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
/** Local time with its UTC offset: the server reads it, and it is what the clock said. */
const NOW = `${TODAY} \${CURRENT_HOUR}:\${CURRENT_MINUTE} \${CURRENT_TIMEZONE_OFFSET}`;

const DESCRIPTIONS: Record<ChangeType, string> = {
  Standard:
    'A Standard change document (pre-approved, low risk, repeatable): header, execution window, plans and the first status log entry.',
  Normal:
    'A Normal change document (needs one approver before it starts): header, execution window, plans, approval and the first status log entry.',
  Emergency:
    'An Emergency change document (mitigates an active incident, documented after): header with the incident, plans, and a status log starting In Progress or Planned.',
};

/** The risk offered first: a Normal change is typically Medium, an Emergency one High. */
const LIKELY_RISK: Partial<Record<ChangeType, RiskLevel>> = { Normal: 'Medium', Emergency: 'High' };

/** Placeholder texts of free-text fields. */
const PLACEHOLDERS: Partial<Record<FieldKey, string>> = {
  services: 'service-a, service-b',
  rollback: 'how to undo it',
  verification: 'which signals prove it worked',
  impact: 'what users will notice',
  approval: '@approver',
  incident: 'INC-1234',
};

/** Numbers the tab stops in the order they are written; `mirror` repeats a stop's value. */
class TabStops {
  private next = 1;
  text(placeholder: string): string {
    return this.stop(placeholder).text;
  }
  stop(placeholder: string): { mirror: string; text: string } {
    const n = this.next++;
    return { mirror: `\${${n}}`, text: `\${${n}:${placeholder}}` };
  }
  choice(options: readonly string[]): { mirror: string; text: string } {
    const n = this.next++;
    return { mirror: `\${${n}}`, text: `\${${n}|${options.join(',')}|}` };
  }
}

/** The statuses a change of this type may start in, the one beyond Planned first (an Emergency change is usually under way). */
function startStatuses(type: ChangeType): string[] {
  const starts = TRANSITIONS.start.filter((s) =>
    isAllowed('start', s, { changeType: type, approvalRequired: false, hasApprovalValue: false }),
  );
  return [...starts.filter((s) => s !== 'Planned'), ...starts.filter((s) => s === 'Planned')];
}

function changeSnippet(type: ChangeType) {
  const stops = new TabStops();
  const body = [`# ${stops.text('What changes, in one line')}`, ''];
  let owner = '';
  let status = 'Planned';
  for (const key of TEMPLATE_FIELDS[type]) {
    const known = templateValue(key, type);
    let value: string;
    if (key === 'owner') {
      const stop = stops.stop('@you');
      value = stop.text;
      owner = stop.mirror;
    } else if (key === 'status') {
      const starts = startStatuses(type);
      if (starts.length > 1) {
        const c = stops.choice(starts);
        value = c.text;
        status = c.mirror;
      } else value = starts[0] ?? known ?? 'Planned';
    } else if (key === 'risk' && !known) {
      // The likely risk first, then the others by how far they are from it.
      const likely = RISK_LEVELS.indexOf(LIKELY_RISK[type] ?? RISK_LEVELS[0]);
      const byDistance = [...RISK_LEVELS].sort(
        (a, b) => Math.abs(RISK_LEVELS.indexOf(a) - likely) - Math.abs(RISK_LEVELS.indexOf(b) - likely),
      );
      value = stops.choice(byDistance).text;
    } else if (key === 'window') {
      value = `${stops.text(`${TODAY} 14:00`)} UTC, ${stops.text('60')} min`;
    } else if (known) {
      value = known;
    } else {
      const placeholder = PLACEHOLDERS[key] ?? '';
      value = stops.text(
        key === 'rollback' && type === 'Emergency' ? `${placeholder} (may follow after the fix)` : placeholder,
      );
    }
    body.push(`- ${fieldInfo(key).name}: ${value}`);
  }
  body.push('', `## ${STATUS_LOG_NAMES[0]}`, '', `- ${NOW} ${status} by ${owner}`, '$0');
  return { description: DESCRIPTIONS[type], isFileTemplate: true, body };
}

/** The snippets file's text. */
export function snippets(): string {
  const out: Record<string, unknown> = {};
  for (const type of CHANGE_TYPES) out[`ITSMote: ${type} change`] = changeSnippet(type);
  // Any status may be logged; Planned, the start, is the least likely to be typed by hand.
  const logStatuses = [...STATUSES.filter((s) => s !== 'Planned'), 'Planned'];
  out['ITSMote: status log entry'] = {
    description:
      'A status log line: now (local time with its UTC offset), the new status, who moved it, and an optional note (required for Rolled Back).',
    body: [`- ${NOW} \${1|${logStatuses.join(',')}|} by \${2:@you}\${3::\${4: reason or note}}$0`],
  };
  const rollback = fieldInfo('rollback').name;
  out['ITSMote: rollback plan section'] = {
    description: `A \`## ${rollback}\` section (use \`${rollback}: see below\` in the header).`,
    body: [
      `## ${rollback}`,
      '',
      '1. ${1:first step to undo the change}',
      '2. ${2:how to confirm the rollback worked}',
      '$0',
    ],
  };
  return jsonText(out);
}
