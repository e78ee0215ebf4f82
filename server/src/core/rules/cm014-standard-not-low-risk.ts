import { replaceValueFixes } from '../actions/field-fixes';
import type { DocumentRule } from './types';
import { itemRange } from './util';

/** CM014: a Standard change whose Risk level is not Low. */
export const standardNotLowRisk: DocumentRule = {
  id: 'CM014',
  name: 'standard-not-low-risk',
  severity: 'warning',
  scope: 'document',
  docs: 'A Standard change is "low-risk, repeatable, well-understood" and therefore pre-approved. A riskier change is a Normal change with one approver.',
  fixes: replaceValueFixes(false),
  check({ doc }) {
    const { changeType, risk } = doc.values;
    if (changeType !== 'Standard' || risk === undefined || risk === 'Low') return [];
    return [
      {
        range: itemRange(doc, 'risk'),
        message: `A Standard change must be low risk, but Risk level is ${risk}. Make it a Normal change (one approver) or lower the risk.`,
        data: { fix: 'replaceValue', field: 'changeType', value: 'Standard', suggestion: 'Normal' },
      },
    ];
  },
};
