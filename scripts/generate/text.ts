/** Small text helpers shared by the generators. */
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

/** Word-wraps a paragraph at `width` columns; continuation lines start with `indent`. */
export function wrap(text: string, indent = '', width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** JSON as the repository writes it: two spaces, a final line break. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Escapes text for a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
