/**
 * The per-type change document templates: what "New Change" writes and what completion offers on
 * an empty top-level line of a document without a header. Pure: author and clock come in.
 */
import type { ChangeType } from './fields';
import { formatUtc } from './time';

/** What a template needs. */
export interface TemplateInput {
  type: ChangeType;
  title: string;
  author: string;
  /** ms since epoch: the Planned entry's time. */
  now: number;
}

/**
 * Header lines per type, after Title/Owner. An empty value is written `- Name: ` (with the space)
 * so that the cursor, put at its end, is where the value goes: the parser trims values.
 */
function fieldsFor(type: ChangeType): string[] {
  const common = ['Affected services', 'Risk level', 'Status', 'Planned execution time', 'Rollback plan', 'Verification plan', 'Expected user impact'];
  switch (type) {
    case 'Standard':
      return common;
    case 'Normal':
      return [...common, 'Approval (if required)'];
    case 'Emergency':
      // Emergency changes mitigate an incident now and are documented after (SPEC 3).
      return ['Affected services', 'Risk level', 'Status', 'Incident', 'Rollback plan', 'Verification plan', 'Expected user impact'];
  }
}

/** The new document's text, `\n` line ends. A title's line breaks are folded into spaces. */
export function changeTemplate(input: TemplateInput): string {
  const title = input.title.replace(/\s+/g, ' ').trim();
  const values: Record<string, string> = {
    'Risk level': input.type === 'Standard' ? 'Low' : '',
    Status: 'Planned',
  };
  const header = [
    `- Change type: ${input.type}`,
    `- Change Owner: ${input.author}`,
    ...fieldsFor(input.type).map((f) => `- ${f}: ${values[f] ?? ''}`),
  ];
  return [
    `# ${title}`,
    '',
    ...header,
    '',
    '## Summary',
    '',
    '## Status log',
    '',
    `- ${formatUtc(input.now)} Planned by ${input.author}`,
    '',
  ].join('\n');
}

