/**
 * "New change": the file name and the per-type template. The fields come from
 * core/template-fields.ts, as do the snippets' (`npm run generate`). Pure: author and clock come in.
 */
import type { ChangeType } from '../../server/src/core/fields';
import { fieldInfo } from '../../server/src/core/fields';
import { TEMPLATE_FIELDS, templateValue } from '../../server/src/core/template-fields';
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
 * The new document's text, `\n` line ends. A title's line breaks are folded into spaces. An
 * empty value is written `- Name: ` (with the space) so that the cursor, put at its end, is
 * where the value goes: the parser trims values.
 */
export function changeTemplate(input: TemplateInput): string {
  const title = input.title.replace(/\s+/g, ' ').trim();
  const header = TEMPLATE_FIELDS[input.type].map((key) => `- ${fieldInfo(key).name}: ${key === 'owner' ? input.author : (templateValue(key, input.type) ?? '')}`);
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
