import { planRuleTests } from './plans';
import { ERROR } from './support';

describe('CM011 verification-missing', () => {
  planRuleTests({ code: 'CM011', prefix: '- Verification plan', name: 'Verification plan', aliases: ['Verification steps', 'Verification method'], severity: ERROR, words: ['no verification, no success'] });
});
