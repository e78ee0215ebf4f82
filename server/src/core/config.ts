/**
 * Repository configuration (`.itsmote.json`), validated with zod. Invalid config never throws:
 * `parseConfig` returns the valid parts merged over the defaults plus errors naming the bad keys.
 */
import { z } from 'zod';
import { ruleByKey, RULES } from './rules/index';
import type { Severity } from './rules/index';
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
    if (known) ctx.addIssue({ code: 'custom', message: `"${n}" is already a known field${foldName(known.name) === foldName(n) ? '' : ` (an alias of ${known.name})`}; list only fields the checks do not know` });
  });

/** The shape of `.itsmote.json`. */
export const ConfigFileSchema = z
  .object({
    $schema: z.string().optional(),
    /** Globs (relative to the workspace folder) that select change documents. Replaces the default. */
    include: z.array(z.string().min(1)).optional(),
    /** Globs excluded from `include`. Replaces the default. */
    exclude: z.array(z.string().min(1)).optional(),
    /** Per-rule severity or `off`, keyed by rule ID (`CM013`) or name (`impact-missing`). */
    rules: z.record(z.string(), RuleSettingSchema).optional(),
    /** Hours after which an In Progress or Verifying change is stale (CM036). */
    staleAfterHours: z.number().positive().optional(),
    /** `itsmote audit`: hours a status log time may differ from the commit that recorded it. */
    auditToleranceHours: z.number().nonnegative().optional(),
    /** Custom header fields a team uses (`Jira`, `Reviewers`): known, never CM006 (SPEC section 8). */
    extraFields: z.array(ExtraFieldSchema).optional(),
  })
  .strict();

/** Resolved configuration: defaults applied, rule keys resolved to IDs. */
export interface Config {
  include: string[];
  exclude: string[];
  severities: Record<string, Severity | 'off'>;
  staleAfterHours: number;
  auditToleranceHours: number;
  /** Custom header field names, as written in the config (SPEC section 8). */
  extraFields: string[];
}

/** A configuration problem, with the JSON path of the bad key. */
export interface ConfigError {
  path: string;
  message: string;
}

/** The defaults. */
export function defaultConfig(): Config {
  return {
    include: [...DEFAULT_INCLUDE],
    exclude: [...DEFAULT_EXCLUDE],
    severities: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
    staleAfterHours: DEFAULT_STALE_AFTER_HOURS,
    auditToleranceHours: DEFAULT_AUDIT_TOLERANCE_HOURS,
    extraFields: [],
  };
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(root)';
}

/** Parses and validates config text. Bad JSON or bad keys give errors; valid parts still apply. */
export function parseConfig(text: string): { config: Config; errors: ConfigError[] } {
  const config = defaultConfig();
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config, errors: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const errors: ConfigError[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { config, errors: [{ path: '(root)', message: 'must be a JSON object' }] };
  }
  const obj = json as Record<string, unknown>;
  // Validate key by key so that one bad key does not discard the good ones.
  const shape = ConfigFileSchema.shape;
  for (const [key, value] of Object.entries(obj)) {
    // Own keys only: `toString` or `__proto__` in the file must not reach Object.prototype.
    const schema = Object.hasOwn(shape, key) ? (shape as Record<string, z.ZodType>)[key] : undefined;
    if (!schema) {
      errors.push({ path: key, message: `unknown key "${key}"; known keys: ${Object.keys(shape).join(', ')}` });
      continue;
    }
    if (key === 'rules') {
      readRules(value, config, errors);
      continue;
    }
    if (key === 'extraFields') {
      readExtraFields(value, config, errors);
      continue;
    }
    const r = schema.safeParse(value);
    if (!r.success) {
      for (const issue of r.error.issues) errors.push({ path: pathOf([key, ...issue.path]), message: issue.message });
      continue;
    }
    if (key === 'include') config.include = r.data as string[];
    else if (key === 'exclude') config.exclude = r.data as string[];
    else if (key === 'staleAfterHours') config.staleAfterHours = r.data as number;
    else if (key === 'auditToleranceHours') config.auditToleranceHours = r.data as number;
  }
  return { config, errors };
}

/** Applies `extraFields` name by name, so that one bad name does not discard the others. */
function readExtraFields(value: unknown, config: Config, errors: ConfigError[]): void {
  if (!Array.isArray(value)) {
    errors.push({ path: 'extraFields', message: 'must be an array of field names, e.g. ["Jira", "Reviewers"]' });
    return;
  }
  value.forEach((name, i) => {
    const r = ExtraFieldSchema.safeParse(name);
    if (!r.success) {
      errors.push({ path: `extraFields.${i}`, message: typeof name === 'string' ? r.error.issues[0]!.message : `must be a field name (a string), not ${JSON.stringify(name)}` });
      return;
    }
    if (!config.extraFields.some((n) => foldName(n) === foldName(r.data))) config.extraFields.push(r.data);
  });
}

/** Applies `rules` entry by entry, so that one bad entry does not discard the others. */
function readRules(value: unknown, config: Config, errors: ConfigError[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path: 'rules', message: 'must be an object mapping rule IDs or names to a severity or "off"' });
    return;
  }
  for (const [ruleKey, setting] of Object.entries(value)) {
    const rule = ruleByKey(ruleKey);
    if (!rule) {
      errors.push({ path: `rules.${ruleKey}`, message: `unknown rule "${ruleKey}"; use an ID such as CM013 or a name such as impact-missing` });
      continue;
    }
    const r = RuleSettingSchema.safeParse(setting);
    if (!r.success) {
      errors.push({ path: `rules.${ruleKey}`, message: `must be one of error, warning, information, hint, off (or { "severity": ... }), not ${JSON.stringify(setting)}` });
      continue;
    }
    config.severities[rule.id] = typeof r.data === 'string' ? r.data : r.data.severity;
  }
}
