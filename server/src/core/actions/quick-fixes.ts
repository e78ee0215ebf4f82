/**
 * Quick fixes: for one diagnostic, the fixes its rule offers (`Rule.fixes`, beside the rule).
 * Stateless: computed from `diagnostic.code` and `diagnostic.data` and the document. Each fix says
 * whether it is "safe", i.e. has one obvious result and loses no text, which is what fix-all
 * applies.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { ruleByKey } from '../rules/index';
import { SOURCE } from '../check';
import type { Fix, FixOptions } from './fix';

export type { Fix, FixOptions } from './fix';

/** The fixes for one diagnostic of this document (none for foreign or fix-less diagnostics). */
export function fixesFor(a: Analysis, d: Diagnostic, opts: FixOptions): Fix[] {
  if (d.source !== undefined && d.source !== SOURCE) return [];
  const rule = typeof d.code === 'string' ? ruleByKey(d.code) : undefined;
  if (!rule?.fixes || rule.id !== d.code) return [];
  const data = d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : {};
  return rule.fixes({ analysis: a, diagnostic: d, data, options: opts });
}
