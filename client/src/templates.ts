/**
 * "New change": the file name and where the cursor goes. The per-type template itself is the
 * core's (server/src/core/templates.ts), which completion offers too. Pure: the clock comes in.
 */
export { changeTemplate } from '../../server/src/core/templates';
export type { TemplateInput } from '../../server/src/core/templates';

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
