import { planRuleTests } from './plans';
import { ERROR, withLine, type Failing } from './support';

/** A document on which CM011 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { text: withLine('- Verification plan', null) };

describe('CM011 verification-missing', () => {
  planRuleTests({
    code: 'CM011',
    prefix: '- Verification plan',
    name: 'Verification plan',
    aliases: ['Verification steps', 'Verification method'],
    severity: ERROR,
    words: ['no verification, no success'],
  });
});
