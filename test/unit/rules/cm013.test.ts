import { planRuleTests } from './plans';
import { WARNING } from './support';

describe('CM013 impact-missing', () => {
  planRuleTests({ code: 'CM013', prefix: '- Expected user impact', name: 'Expected user impact', aliases: ['User impact', 'Impact'], severity: WARNING, words: ['if you cannot explain impact, assume higher risk'] });
});
