/**
 * dist/itsmote.schema.json: the JSON schema of `.itsmote.json`, from the zod schema the tools
 * validate it with (core/config.ts), plus what zod cannot know: the rule IDs and names `rules`
 * accepts (so the editor completes them) and what each severity means. package.json contributes
 * it for `.itsmote.json` (`jsonValidation`), so VS Code validates and completes the file. It is
 * written by the build (schema-build.mjs), not tracked: adding a rule changes it.
 */
import { z } from 'zod';
import { ConfigFileSchema } from '../../server/src/core/config';
import { DEFAULT_DOCS_URL } from '../../server/src/core/check';
import { RULES } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/index';
import { jsonText } from './text';

type JsonSchema = { [key: string]: unknown };

const SEVERITY_DOCS: Record<string, string> = {
  error: 'Red squiggle; the CLI exits non-zero.',
  warning: 'Yellow squiggle.',
  information: 'Blue squiggle.',
  hint: 'Dots under the text.',
  off: 'The rule does not run.',
};

/** Both spellings of a rule key, any case, as `ruleByKey` accepts them (`cm013`, `Impact-Missing`). */
function anyCase(text: string): string {
  return [...text]
    .map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toUpperCase()}${c.toLowerCase()}]`))
    .join('');
}

function ruleEntry(rule: Rule, key: 'id' | 'name'): JsonSchema {
  const other = key === 'id' ? rule.name : rule.id;
  const title = `${rule.id} ${rule.name} (default: ${rule.severity})`;
  return {
    $ref: '#/definitions/ruleSetting',
    description: `${title}. ${rule.docs}`,
    markdownDescription: `**${title}**, also written \`${other}\`.\n\n${rule.docs}\n\n[Documentation](${DEFAULT_DOCS_URL}#${rule.id.toLowerCase()})`,
  };
}

/** Adds descriptions to each severity of a rule setting (zod has no place for them). */
function describeSeverities(setting: JsonSchema): JsonSchema {
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as JsonSchema;
    if (Array.isArray(n.enum) && n.enum.every((v) => typeof v === 'string' && v in SEVERITY_DOCS)) {
      n.markdownEnumDescriptions = (n.enum as string[]).map((v) => SEVERITY_DOCS[v]);
    }
    for (const v of Object.values(n)) walk(v);
  };
  walk(setting);
  return setting;
}

/** The schema's text. */
export function configSchema(): string {
  const schema = z.toJSONSchema(ConfigFileSchema, { target: 'draft-07', io: 'input' }) as JsonSchema;
  const properties = schema.properties as Record<string, JsonSchema>;
  const rules = properties.rules!;
  const setting = describeSeverities(rules.additionalProperties as JsonSchema);
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const r of RULES) ruleProperties[r.id] = ruleEntry(r, 'id');
  for (const r of RULES) ruleProperties[r.name] = ruleEntry(r, 'name');
  properties.rules = {
    description: rules.description,
    type: 'object',
    properties: ruleProperties,
    // The tools accept a rule key in any case; completion offers the canonical spellings above.
    propertyNames: {
      pattern: `^(?:${RULES.flatMap((r) => [anyCase(r.id), anyCase(r.name)]).join('|')})$`,
      patternErrorMessage: 'Not a rule: use a rule ID such as CM013 or a name such as impact-missing.',
    },
    additionalProperties: { $ref: '#/definitions/ruleSetting' },
    defaultSnippets: [
      { label: 'a rule and its severity', body: { '${1:CM013}': '${2|error,warning,information,hint,off|}' } },
    ],
  };
  return jsonText({
    $schema: schema.$schema,
    title: 'ITSMote Changes configuration (.itsmote.json)',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
    definitions: { ruleSetting: setting },
  });
}
