/**
 * Bold or italic lines standing for a heading: `**Status log**`, `__Rollback plan:__`,
 * `*Verification plan*:`. Wikis (Confluence, Notion) export headings like this, and people
 * write them by hand. CommonMark reads them as paragraphs, so they start no section (SPEC
 * section 8: whatever CommonMark reads as the same structure gives the same result); the rules
 * that then find no section say which line looks like one and offer to make it a heading.
 * Read from the top-level blocks both parsing paths give, so both agree.
 */
import type { ParsedMarkdown } from './parse';
import type { PseudoHeading } from './schema';
import { fieldByName, isStatusLogName } from './fields';

/** The whole line is one emphasis run (`**x**`, `__x__`, `*x*`, `_x_`), a colon inside or after it. */
const EMPHASIS_LINE = /^ {0,3}(\*\*|__|\*|_)([^*_\r\n]{1,60}?)[ \t]*(:?)\1(:?)[ \t]*$/;

/**
 * The top-level one-line paragraphs after `from` (an offset: past the front matter) that are
 * only bold or italic text naming a field that can be a section, or the status log.
 */
export function findPseudoHeadings(md: ParsedMarkdown, from: number): PseudoHeading[] {
  const out: PseudoHeading[] = [];
  for (const node of md.root.children) {
    if (node.type !== 'paragraph' || !node.position) continue;
    const start = (node.position.start.offset ?? 0) + md.base;
    if (start < from) continue;
    const line = md.lines.positionAt(start).line;
    if (md.lines.positionAt((node.position.end.offset ?? 0) + md.base).line !== line) continue;
    const m = EMPHASIS_LINE.exec(md.lines.lineText(line));
    if (!m || (m[3] && m[4])) continue;
    const name = m[2]!.replace(/\s+/g, ' ').trim();
    const field = fieldByName(name);
    const key = isStatusLogName(name) ? 'statusLog' : field?.section ? field.key : undefined;
    if (key) out.push({ key, name, emphasis: m[1]!.length === 2 ? 'bold' : 'italics', line });
  }
  return out;
}

/** What a message says of a pseudo heading: the line, and the heading to write instead. */
export function pseudoHeadingNote(p: PseudoHeading): string {
  return ` Line ${p.line + 1} has "${p.name}" in ${p.emphasis}: markdown reads it as text, not a heading, so nothing under it is read as that section. Make it \`## ${p.name}\`.`;
}
