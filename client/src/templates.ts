/**
 * "New change": the file name and the per-type template. The same templates ship as snippets
 * (snippets/itsmote.code-snippets); keep them in step. Pure: author and clock come in.
 */
import type { ChangeType } from '../../server/src/core/fields';
import { formatUtc } from '../../server/src/core/time';

/** What the template needs. */
export interface TemplateInput {
  type: ChangeType;
  title: string;
  author: string;
  /** ms since epoch: the Planned entry's time and the file's date. */
  now: number;
}

/** `upgrade-payments-db-to-postgresql-16`: lower case ASCII words, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'change';
}

/** `changes/YYYY-MM-DD-<slug>.md` relative to the workspace folder; `n` > 1 adds `-n`. */
export function changeFileName(title: string, now: number, n = 1): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return `${day}-${slugify(title)}${n > 1 ? `-${n}` : ''}.md`;
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

/** The position (line, character) of the first empty header value: where the cursor goes. */
export function firstEmptyField(text: string): { line: number; character: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^[-*+]\s+[^:]+:\s*$/.exec(lines[i]!);
    if (m) return { line: i, character: lines[i]!.length };
    if (lines[i]!.startsWith('## ')) break;
  }
  return undefined;
}
