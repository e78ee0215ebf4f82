import { planRuleTests } from './plans';
import { WARNING, withLine, type Failing } from './support';

/** A document on which CM013 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Expected user impact', null) };

describe('CM013 impact-missing', () => {
  planRuleTests({
    code: 'CM013',
    prefix: '- Expected user impact',
    name: 'Expected user impact',
    aliases: ['User impact', 'Impact'],
    severity: WARNING,
    words: ['if you cannot explain impact, assume higher risk'],
  });
});
