import { presenceRule } from './presence';

/** CM011: no verification plan. */
export const verificationMissing = presenceRule({
  id: 'CM011',
  name: 'verification-missing',
  severity: 'error',
  field: 'verification',
  docs: '"No verification, no success"; "optimism is not a signal". Say which SLO signals, synthetic checks or functional checks prove the change worked.',
  advice:
    'Say which signals prove the change worked (errors, latency, synthetic checks): a `Verification plan:` value or a `## Verification plan` section (no verification, no success).',
});
