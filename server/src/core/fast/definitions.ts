/**
 * Link reference definitions (CommonMark 0.31 section 4.7) at the start of a paragraph, as the
 * line scanner (scan.ts) needs them: remark turns each into a `definition` node and what follows
 * into a paragraph, and the model tells a paragraph from a definition (stray.ts). Only the plain
 * forms are read, one definition per line; anything that could span lines (a label or title
 * left open, a destination on the next line) or escapes is left to the full parse.
 */

/** What a paragraph line is: a whole definition (with a title or without), surely not one, or a form not modelled. */
export type DefinitionLine = 'bare' | 'titled' | 'not' | 'unsure';

const LABEL = /^\[([^[\]]*)\]/;
const TITLE = /^(?:"[^"]*"|'[^']*'|\([^()]*\))/;

/** Whether a destination's parentheses are balanced (an unbalanced one ends it early: not modelled). */
function balanced(dest: string): boolean {
  let depth = 0;
  for (const c of dest) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Reads one paragraph line (without its indentation) as a link reference definition. */
export function definitionLine(s: string): DefinitionLine {
  if (s.charCodeAt(0) !== 91 /* [ */) return 'not';
  if (s.includes('\\')) return 'unsure';
  const label = LABEL.exec(s);
  if (!label) return s.includes(']') ? 'not' : 'unsure';
  if (!/\S/.test(label[1]!) || label[1]!.length > 999) return 'not';
  let rest = s.slice(label[0].length);
  if (rest.charCodeAt(0) !== 58 /* : */) return 'not';
  rest = rest.slice(1).replace(/^[ \t]+/, '');
  if (rest === '') return 'unsure';
  let dest: string;
  if (rest.charCodeAt(0) === 60 /* < */) {
    const m = /^<[^<>]*>/.exec(rest);
    if (!m) return 'unsure';
    dest = m[0];
  } else {
    dest = /^\S+/.exec(rest)![0];
    if (!balanced(dest)) return 'unsure';
  }
  rest = rest.slice(dest.length);
  if (/^[ \t]*$/.test(rest)) return 'bare';
  if (!/^[ \t]/.test(rest)) return 'unsure';
  rest = rest.replace(/^[ \t]+/, '');
  const title = TITLE.exec(rest);
  if (title) return /^[ \t]*$/.test(rest.slice(title[0].length)) ? 'titled' : 'not';
  // A title opened and not closed on this line may go on below; any other text is no title.
  return /^["'(]/.test(rest) ? 'unsure' : 'not';
}

/** Whether a line could be the title of a definition on the line before (a form not modelled). */
export function mayBeTitle(s: string): boolean {
  return /^["'(]/.test(s);
}
