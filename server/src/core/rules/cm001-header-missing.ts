import type { DocumentRule } from './types';
import { templateEdit } from '../actions/template';

/** CM001: a change document has no header list. */
export const headerMissing: DocumentRule = {
  id: 'CM001',
  name: 'header-missing',
  severity: 'error',
  scope: 'document',
  docs: 'The header is the change record. The process\'s minimum record ("what will change, which services are affected, expected user impact, risk level, rollback plan, verification method") has nowhere to live without it, and without it the change cannot be reviewed or tracked.',
  fixes({ analysis, options }) {
    const e = templateEdit(analysis, options.author.trim());
    return e
      ? [{ title: 'Insert the change document header template', edits: [e], isPreferred: true, safe: false }]
      : [];
  },
  check({ doc }) {
    if (doc.header) return [];
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message:
          'This change document has no header list. Add one `- Field: value` list before the first `##` heading (Change type, Change Owner, Affected services, Risk level, Status, ...).',
        data: { fix: 'insertTemplate' },
      },
    ];
  },
};
