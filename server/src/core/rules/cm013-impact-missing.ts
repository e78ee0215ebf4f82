import { presenceRule } from './presence';

/** CM013: no expected user impact. */
export const impactMissing = presenceRule({
  id: 'CM013',
  name: 'impact-missing',
  severity: 'warning',
  field: 'impact',
  docs: '"If you cannot explain impact, assume higher risk." Users and support need to know what they will notice.',
  advice:
    'Say what users will notice, even "none expected": an `Expected user impact:` value or section (if you cannot explain impact, assume higher risk).',
});
