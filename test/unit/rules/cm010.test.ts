import { planRuleTests } from './plans';
import { ERROR } from './support';

describe('CM010 rollback-missing', () => {
  planRuleTests({ code: 'CM010', prefix: '- Rollback plan', name: 'Rollback plan', aliases: ['Backout plan'], severity: ERROR, words: ['if rollback is unclear, the plan is incomplete'] });
});
