/**
 * Heading text as a reader sees it (SPEC section 8): ATX (`## Name ##`) and setext (`Name` over
 * `---` or `===`) headings alike, without their `#` markers, closing `#`s, underline, emphasis
 * markers or a trailing colon. Read from the source, not the mdast children: the fast path
 * (core/fast) gives headings none.
 */
import { detached, isNormalSpaced } from './white-space';

/**
 * A heading's text without its optional closing `#` run (`## Status log ##` -> `## Status log`).
 * A loop, not `/\s+#+\s*$/`, which is quadratic on long runs of spaces.
 */
export function stripClosingHashes(text: string): string {
  const t = text.trimEnd();
  let e = t.length;
  while (e > 0 && t[e - 1] === '#') e--;
  if (e === t.length || (e > 0 && !/\s/.test(t[e - 1]!))) return t;
  return t.slice(0, e).trimEnd();
}

/** The content of a heading's source: ATX markers or the setext underline removed, lines joined. */
function headingContent(source: string): string {
  // An ATX heading is one line; a setext heading is its paragraph's lines plus the underline.
  const lastBreak = Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r'));
  if (lastBreak >= 0) return source.slice(0, lastBreak);
  return withoutOpeningHashes(stripClosingHashes(source));
}

/**
 * `text` without the opening `#` run of an ATX heading and the blanks (spaces, tabs) around it,
 * by hand: what replacing `^[ \t]*#+[ \t]*` with nothing gives, without the regex.
 */
function withoutOpeningHashes(text: string): string {
  const blank = (i: number) => text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9;
  let i = 0;
  while (blank(i)) i++;
  if (text.charCodeAt(i) !== 35) return text;
  while (text.charCodeAt(i) === 35) i++;
  while (blank(i)) i++;
  return text.slice(i);
}

/**
 * A section heading's name: `## **Rollback plan**:` and `Rollback plan` over `---` are both
 * `Rollback plan`. Emphasis and code markers go wherever they are; runs of spaces collapse.
 */
export function sectionName(source: string): string {
  const content = headingContent(source);
  // Without markup, extra spaces or a closing colon, the replaces below would give it back unchanged.
  if (isNormalSpaced(content, true) && !content.endsWith(':')) return detached(content);
  return content.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().replace(/\s*:$/, '');
}

/**
 * An H1's title: markers dropped, and emphasis/code markers at word edges
 * (`# Upgrade *payments-db* #` -> `Upgrade payments-db`); underscores inside words are kept.
 */
export function titleText(source: string): string {
  const content = headingContent(source);
  // As in sectionName: nothing for the replaces to do.
  if (isNormalSpaced(content, true, true)) return detached(content);
  return content
    .replace(/(^|\s)[*_`~]+|[*_`~]+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
