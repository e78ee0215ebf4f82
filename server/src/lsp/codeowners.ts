/** People named in a repository's CODEOWNERS file, offered by completion. */
import { join } from 'node:path';
import { readTextFile } from '../node/read-text-file';

const LOCATIONS = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'];

/** The `@handles` and e-mail addresses of people (not `@org/team`s) in a CODEOWNERS text. */
export function parseCodeowners(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    for (const tok of line.split(/\s+/).slice(1)) {
      if (/^@[\w.-]+$/.test(tok) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(tok)) out.add(tok);
    }
  }
  return [...out];
}

/** Reads the first CODEOWNERS file found in a folder (GitHub's locations). */
export async function readCodeowners(folderPath: string): Promise<string[]> {
  for (const loc of LOCATIONS) {
    const r = await readTextFile(join(folderPath, loc));
    if (r.ok) return parseCodeowners(r.text);
  }
  return [];
}
