import { presenceRule } from './presence';

/** CM010: no rollback plan. */
export const rollbackMissing = presenceRule({
  id: 'CM010',
  name: 'rollback-missing',
  severity: 'error',
  field: 'rollback',
  docs: '"If rollback is unclear, the plan is incomplete." Rollback is a success, not a failure, but only when it was planned.',
  advice:
    'Write how to undo this change: a `Rollback plan:` value or a `## Rollback plan` section (if rollback is unclear, the plan is incomplete).',
});
