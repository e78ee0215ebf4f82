/**
 * Repository configuration (`.itsmote.json`), validated with zod. Invalid config never throws:
 * `parseConfig` returns the valid parts merged over the defaults plus errors naming the bad keys.
 */
import { z } from 'zod';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './positions';
import { ruleByKey, RULES } from './rules/index';
import type { Severity } from './rules/index';
import { FreezeFileSchema, readFreezes } from './freezes';
import type { Freeze } from './freezes';
import { closest } from './values';
import { EXAMPLE_FILE, exampleFor, issueMessage, jsonSyntaxProblem, locatePath, shown } from './config-errors';
import { fieldByName, foldName } from './fields';

export const CONFIG_FILE_NAME = '.itsmote.json';

export const DEFAULT_INCLUDE = ['**/changes/**/*.md', '**/*.change.md'];
export const DEFAULT_EXCLUDE = ['**/README.md', '**/node_modules/**', '**/.git/**'];
export const DEFAULT_STALE_AFTER_HOURS = 24;
export const DEFAULT_AUDIT_TOLERANCE_HOURS = 24;

const SeveritySchema = z.enum(['error', 'warning', 'information', 'hint', 'off']);
const RuleSettingSchema = z.union([SeveritySchema, z.object({ severity: SeveritySchema }).strict()]);

/**
 * One custom field name: what stands before the colon of a header item, so no colon or line
 * break, and not a name the catalogue already knows (that field is checked, not custom).
 */
const ExtraFieldSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters (a field name)')
  .refine((n) => !/[:\r\n]/.test(n), 'must not contain a colon or a line break')
  .superRefine((n, ctx) => {
    const known = fieldByName(n);
    if (known)
      ctx.addIssue({
        code: 'custom',
        message: `"${n}" is already a known field${foldName(known.name) === foldName(n) ? '' : ` (an alias of ${known.name})`}; list only fields the checks do not know`,
      });
  });

/**
 * The shape of `.itsmote.json`. The descriptions are what the editor shows while the file is
 * edited: the build turns this schema into dist/itsmote.schema.json.
 */
export const ConfigFileSchema = z
  .object({
    $schema: z
      .string()
      .optional()
      .describe('The JSON schema of this file (the ITSMote Changes extension applies it by itself).'),
    include: z
      .array(z.string().min(1))
      .optional()
      .describe(
        `Globs (relative to the workspace folder) that select change documents. Replaces the default ${JSON.stringify(DEFAULT_INCLUDE)}.`,
      ),
    exclude: z
      .array(z.string().min(1))
      .optional()
      .describe(`Globs excluded from \`include\`. Replaces the default ${JSON.stringify(DEFAULT_EXCLUDE)}.`),
    rules: z
      .record(z.string(), RuleSettingSchema)
      .optional()
      .describe(
        'Per-rule severity or "off", keyed by rule ID (`CM013`) or name (`impact-missing`). Rules not named keep their default.',
      ),
    staleAfterHours: z
      .number()
      .positive()
      .optional()
      .describe(
        `Hours after which an In Progress or Verifying change is stale (CM036). Default ${DEFAULT_STALE_AFTER_HOURS}.`,
      ),
    auditToleranceHours: z
      .number()
      .nonnegative()
      .optional()
      .describe(
        `\`itsmote audit\`: hours a status log time may differ from the commit that recorded it. Default ${DEFAULT_AUDIT_TOLERANCE_HOURS}.`,
      ),
    // Validated entry by entry in freezes.ts (parseConfig never parses it with this schema).
    freezes: z
      .array(FreezeFileSchema)
      .optional()
      .describe(
        'Change freezes: periods in which only some change types may run on some services (CM041, `itsmote gate`, the calendar and the report).',
      ),
    requireChange: z
      .object({
        ignore: z
          .array(z.string().min(1))
          .optional()
          .describe('Globs (relative to the repository root) of paths whose changes never need a change document.'),
      })
      .strict()
      .optional()
      .describe('`itsmote check --require-change` (CM050): code changes need a change document.'),
    extraFields: z
      .array(ExtraFieldSchema)
      .optional()
      .describe(
        'Custom header fields your team writes (`Jira`, `Reviewers`): known, never CM006, shown in hovers and tooltips.',
      ),
  })
  .strict();

/** Resolved configuration: defaults applied, rule keys resolved to IDs. */
export interface Config {
  include: string[];
  exclude: string[];
  severities: Record<string, Severity | 'off'>;
  staleAfterHours: number;
  auditToleranceHours: number;
  /** Change freezes, valid entries only (CM041, gate, calendar, report). */
  freezes: Freeze[];
  /** Globs (relative to the repository root) of paths whose changes never need a change document (CM050). */
  requireChangeIgnore: string[];
  /** Custom header field names, as written in the config (SPEC section 8). */
  extraFields: string[];
}

/** A configuration problem, with the JSON path of the bad key. */
export interface ConfigError {
  path: string;
  /** What is wrong, what is allowed, an example (without the path: printers add it). */
  message: string;
  /** Where it is written in the file (LSP range), when found. */
  range?: Range;
  /** `key`: what is named here is ignored (an unknown key or rule, a bad list entry that is left out); else its value is wrong and the default applies. */
  at?: 'key';
}

/** The defaults. */
export function defaultConfig(): Config {
  return {
    include: [...DEFAULT_INCLUDE],
    exclude: [...DEFAULT_EXCLUDE],
    severities: Object.fromEntries(RULES.map((r) => [r.id, r.severity])),
    staleAfterHours: DEFAULT_STALE_AFTER_HOURS,
    auditToleranceHours: DEFAULT_AUDIT_TOLERANCE_HOURS,
    freezes: [],
    requireChangeIgnore: [],
    extraFields: [],
  };
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(root)';
}

/** Parses and validates config text. Bad JSON or bad keys give errors; valid parts still apply. */
export function parseConfig(text: string): { config: Config; errors: ConfigError[] } {
  const config = defaultConfig();
  // Positions count without a BOM, as editors show them (readTextFile drops it too).
  const body = text.replace(/^\uFEFF/, '');
  const { problem, tree } = jsonSyntaxProblem(body);
  if (problem) {
    const range = new LineIndex(body).rangeOf(problem.offset, problem.offset + problem.length);
    return {
      config,
      errors: [
        {
          path: '(root)',
          message: `not valid JSON: ${problem.message}; the file must be one JSON object, e.g. ${EXAMPLE_FILE}`,
          range,
        },
      ],
    };
  }
  const json: unknown = JSON.parse(body);
  const errors: ConfigError[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      config,
      errors: [
        {
          path: '(root)',
          message: `the file must be one JSON object, not ${shown(json)}; e.g. ${EXAMPLE_FILE}`,
          range: new LineIndex(body).rangeOf(0, 0),
        },
      ],
    };
  }
  const obj = json as Record<string, unknown>;
  // Validate key by key so that one bad key does not discard the good ones.
  const shape = ConfigFileSchema.shape;
  for (const [key, value] of Object.entries(obj)) {
    // Own keys only: `toString` or `__proto__` in the file must not reach Object.prototype.
    const schema = Object.hasOwn(shape, key) ? (shape as Record<string, z.ZodType>)[key] : undefined;
    if (!schema) {
      const guess = closest(key, Object.keys(shape));
      errors.push({
        path: key,
        at: 'key',
        message: `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; the keys are ${Object.keys(shape).join(', ')}`,
      });
      continue;
    }
    if (key === 'rules') {
      readRules(value, config, errors);
      continue;
    }
    if (key === 'freezes') {
      // Entry by entry: one bad freeze is named (`freezes[1].end`) and dropped, the others apply.
      const r = readFreezes(value);
      config.freezes = r.freezes;
      errors.push(...r.errors);
      continue;
    }
    if (key === 'extraFields') {
      readExtraFields(value, config, errors);
      continue;
    }
    const r = schema.safeParse(value);
    if (!r.success) {
      for (const issue of r.error.issues)
        errors.push({ path: pathOf([key, ...issue.path]), message: issueMessage(key, value, issue) });
      continue;
    }
    if (key === 'include') config.include = r.data as string[];
    else if (key === 'exclude') config.exclude = r.data as string[];
    else if (key === 'staleAfterHours') config.staleAfterHours = r.data as number;
    else if (key === 'auditToleranceHours') config.auditToleranceHours = r.data as number;
    else if (key === 'requireChange') config.requireChangeIgnore = (r.data as { ignore?: string[] }).ignore ?? [];
  }
  // Each problem where it is written: the key when the key is wrong, else its value.
  const lines = errors.length ? new LineIndex(body) : undefined;
  for (const e of errors) {
    const at = e.range ? undefined : locatePath(tree, e.path, e.at === 'key' ? 'key' : 'value');
    if (at && lines) e.range = lines.rangeOf(at.offset, at.offset + at.length);
  }
  return { config, errors };
}

const SEVERITY_WORDS = 'one of "error", "warning", "information", "hint", "off" (or { "severity": "warning" })';

/** Applies `extraFields` name by name, so that one bad name does not discard the others. */
function readExtraFields(value: unknown, config: Config, errors: ConfigError[]): void {
  if (!Array.isArray(value)) {
    errors.push({
      path: 'extraFields',
      message: `must be a list of field names, not ${shown(value)}; ${exampleFor('extraFields')}`,
    });
    return;
  }
  value.forEach((name, i) => {
    const r = ExtraFieldSchema.safeParse(name);
    if (!r.success) {
      const why =
        typeof name === 'string' ? r.error.issues[0]!.message : `must be a field name (a string), not ${shown(name)}`;
      // A bad name is left out and the others apply: the entry is ignored, not the key.
      errors.push({
        path: `extraFields.${i}`,
        at: 'key',
        message: `"extraFields" entry ${i + 1}: ${why}; ${exampleFor('extraFields')}`,
      });
      return;
    }
    if (!config.extraFields.some((n) => foldName(n) === foldName(r.data))) config.extraFields.push(r.data);
  });
}

/** Applies `rules` entry by entry, so that one bad entry does not discard the others. */
function readRules(value: unknown, config: Config, errors: ConfigError[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({
      path: 'rules',
      message: `must be an object mapping rule IDs or names to a severity, not ${shown(value)}; ${exampleFor('rules')}`,
    });
    return;
  }
  for (const [ruleKey, setting] of Object.entries(value)) {
    const rule = ruleByKey(ruleKey);
    if (!rule) {
      const guess = closest(
        ruleKey,
        RULES.flatMap((x) => [x.id, x.name]),
      );
      errors.push({
        path: `rules.${ruleKey}`,
        at: 'key',
        message: `unknown rule "${ruleKey}"${guess ? ` (did you mean "${guess}"?)` : ''}; use a rule ID (CM001 to ${RULES[RULES.length - 1]!.id}) or its name, ${exampleFor('rules')}`,
      });
      continue;
    }
    const r = RuleSettingSchema.safeParse(setting);
    if (!r.success) {
      const guess =
        typeof setting === 'string' ? closest(setting, ['error', 'warning', 'information', 'hint', 'off']) : undefined;
      errors.push({
        path: `rules.${ruleKey}`,
        message: `must be ${SEVERITY_WORDS}, not ${shown(setting)}${guess ? ` (did you mean "${guess}"?)` : ''}; e.g. "${ruleKey}": "${guess ?? 'warning'}"`,
      });
      continue;
    }
    config.severities[rule.id] = typeof r.data === 'string' ? r.data : r.data.severity;
  }
}
