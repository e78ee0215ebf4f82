import type { DocumentRule, Finding } from './types';
import { closest } from '../values';

/**
 * CM007: a suppression comment with no reason, or naming a rule that does not exist. The engine
 * reads the directives with the catalogue and passes both in (`ctx.suppressions`, `ctx.rules`).
 */
export const suppressionInvalid: DocumentRule = {
  id: 'CM007',
  name: 'suppression-invalid',
  severity: 'warning',
  scope: 'document',
  docs: 'A suppressed check is a process exception. Auditors ask why it was made ("if you cannot explain it, it is not approved"): write why after `--`, and name rules that exist.',
  check({ suppressions, rules }) {
    const out: Finding[] = [];
    for (const s of suppressions) {
      if (s.kind === 'enable') continue;
      if (!s.reason) {
        const what = s.rules.length ? s.rules.join(', ') : 'every rule';
        out.push({
          range: s.range,
          message: `This suppression of ${what} gives no reason. Write why after " -- ", e.g. <!-- itsmote-${s.kind} ${s.rules.join(', ') || 'CM013'} -- impact is described in RFC-42 -->.`,
          data: { kind: s.kind, rules: s.rules },
        });
      }
      for (const k of s.unknown) {
        const guess = closest(
          k,
          rules.flatMap((r) => [r.id, r.name]),
        );
        out.push({
          range: s.range,
          message: `"${k}" is not a rule ID or name, so this suppression does nothing for it.${guess ? ` Did you mean "${guess}"?` : ''}`,
          data: { unknown: k, ...(guess ? { suggestion: guess } : {}) },
        });
      }
    }
    return out;
  },
};
