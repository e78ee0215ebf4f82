import { planRuleTests } from './plans';
import { ERROR, withLine, type Failing } from './support';

/** A document on which CM010 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: withLine('- Rollback plan', '- Rollback plan: TBD').replace(/## Rollback plan[\s\S]*?(?=## Status log)/, ''),
};

describe('CM010 rollback-missing', () => {
  planRuleTests({
    code: 'CM010',
    prefix: '- Rollback plan',
    name: 'Rollback plan',
    aliases: ['Backout plan'],
    severity: ERROR,
    words: ['if rollback is unclear, the plan is incomplete'],
  });
});
