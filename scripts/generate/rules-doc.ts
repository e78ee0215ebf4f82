/**
 * The generated parts of docs/rules.md: the table of contents and, for each rule, its anchor,
 * heading, default severity and rationale ("Why"), taken from the rule's own file so that the
 * rationale is written once (it is also the hover text and the SARIF description). Everything
 * between the blocks (when a rule fires, examples, quick fixes, the Decisions) is written by hand.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/index';
import { ROOT, wrap } from './text';

const RULES_DIR = 'server/src/core/rules';
const BLOCK = /<!-- generated: rule (CM\d{3}|index) start[^>]*-->\n[\s\S]*?<!-- generated: rule \1 end -->\n/g;
const DECISIONS = '<a id="decisions"></a>';

/** The rule's file, for the marker that tells an editor of the page where the text comes from. */
function ruleFile(rule: Rule): string {
  const prefix = `${rule.id.toLowerCase()}-`;
  const file = readdirSync(join(ROOT, RULES_DIR)).find((f) => f.startsWith(prefix) && f.endsWith('.ts'));
  if (!file) throw new Error(`no file ${RULES_DIR}/${prefix}*.ts for rule ${rule.id}`);
  return `${RULES_DIR}/${file}`;
}

function ruleBlock(rule: Rule): string {
  return [
    `<!-- generated: rule ${rule.id} start (npm run generate; edit the rationale in ${ruleFile(rule)}) -->`,
    `<a id="${rule.id.toLowerCase()}"></a>`,
    '',
    `## ${rule.id} ${rule.name}`,
    '',
    `**Default:** ${rule.severity}`,
    '',
    wrap(`**Why:** ${rule.docs}`),
    '',
    `<!-- generated: rule ${rule.id} end -->`,
    '',
  ].join('\n');
}

function indexBlock(): string {
  const links = RULES.map((r) => `[${r.id}](#${r.id.toLowerCase()})`).join(' ');
  return [
    '<!-- generated: rule index start (npm run generate) -->',
    '- [Severities](#severities)',
    '- [Configuring rules](#configuring-rules)',
    wrap(`- Rules: ${links}`, '  '),
    '- [Decisions on ambiguous points](#decisions)',
    '<!-- generated: rule index end -->',
    '',
  ].join('\n');
}

/**
 * docs/rules.md with its generated blocks rewritten from the catalogue. A rule without a block
 * gets one, in ID order (its hand-written part is then missing, which test/unit/rules/docs.test.ts
 * reports); a block for a rule that no longer exists is an error.
 */
export function rulesDoc(current: string): string {
  const byId = new Map(RULES.map((r) => [r.id, r]));
  const seen = new Set<string>();
  let text = current.replace(BLOCK, (_block, id: string) => {
    if (id === 'index') return indexBlock();
    const rule = byId.get(id);
    if (!rule) throw new Error(`docs/rules.md has a section for ${id}, which is not in RULES: remove the section`);
    seen.add(id);
    return ruleBlock(rule);
  });
  if (!text.includes('<!-- generated: rule index start'))
    throw new Error('docs/rules.md lost its "<!-- generated: rule index start -->" marker');
  for (const rule of RULES) {
    if (seen.has(rule.id)) continue;
    // Before the next rule's block, else before the Decisions.
    const next = RULES.find((r) => r.id > rule.id && seen.has(r.id));
    const at = next ? text.indexOf(`<!-- generated: rule ${next.id} start`) : text.indexOf(DECISIONS);
    if (at < 0) throw new Error(`docs/rules.md: nowhere to put ${rule.id} (no ${DECISIONS})`);
    text = `${text.slice(0, at)}${ruleBlock(rule)}\n${text.slice(at)}`;
    seen.add(rule.id);
  }
  return text;
}
