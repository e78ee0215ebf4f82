/**
 * The rule catalogue (SPEC section 4), in ID order. Nobody lists the rules by hand: every
 * `cmNNN-kebab-name.ts` file of this folder exports one rule, and the generated
 * `catalogue.generated.ts` (scripts/generate/rule-catalogue.cjs) imports them all. Only the
 * engine (`core/check.ts`) and the shells read the catalogue; a rule never imports it.
 */
import type { Rule } from './types';
import { RULE_MODULES } from './catalogue.generated';

export type {
  Rule,
  RuleMeta,
  DocumentRule,
  SetRule,
  RepoRule,
  DocumentContext,
  SetContext,
  RepoContext,
  FixContext,
  FixProvider,
  Finding,
  Severity,
  RuleOptions,
  SetMember,
  RepoChangeInput,
  RepoFinding,
  ChangedFile,
  CatalogComponent,
  DocFacts,
} from './types';

function isRule(v: unknown): v is Rule {
  const r = v as Partial<Rule> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.name === 'string' &&
    typeof r.check === 'function'
  );
}

/** The one rule a rule file exports (a file exporting none or several is a mistake worth a loud error). */
function ruleOf(mod: Record<string, unknown>): Rule {
  const rules = Object.values(mod).filter(isRule);
  if (rules.length !== 1)
    throw new Error(`a rule file must export exactly one rule; found ${rules.map((r) => r.id).join(', ') || 'none'}`);
  return rules[0]!;
}

/** Every rule, in ID order. */
// IDs are ASCII (`CM010`): a plain comparison, which spares every run ICU's collator start (~6 ms).
export const RULES: readonly Rule[] = RULE_MODULES.map(ruleOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const byKey = new Map<string, Rule>();
for (const r of RULES) {
  if (byKey.has(r.id.toLowerCase()) || byKey.has(r.name))
    throw new Error(`two rules share the ID ${r.id} or the name ${r.name}`);
  byKey.set(r.id.toLowerCase(), r);
  byKey.set(r.name, r);
}

/** A rule by ID (`CM010`, any case) or name (`rollback-missing`). */
export function ruleByKey(key: string): Rule | undefined {
  return byKey.get(key.trim().toLowerCase());
}
