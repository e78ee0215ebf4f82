/**
 * Sections (SPEC sections 2 and 8): headings of level 2, and headings of level 3 to 6 named like
 * a field, the status log or another known section. A section runs to the next heading of its
 * level or above. The status log inside its section is read by status-log.ts.
 */
import type { Heading, RootContent } from 'mdast';
import type { ParsedMarkdown } from './parse';
import type { Section } from './schema';
import { fieldByName, foldName, isStatusLogName, OTHER_SECTIONS } from './fields';
import { sectionName } from './headings';
import { isSpaceAt } from './white-space';

/** A section with the top-level nodes it holds. */
export interface RawSection {
  section: Section;
  heading: Heading;
  nodes: RootContent[];
}

function start(node: RootContent, base: number): number {
  return (node.position?.start.offset ?? 0) + base;
}
function end(node: RootContent, base: number): number {
  return (node.position?.end.offset ?? 0) + base;
}

const OTHER = new Set(OTHER_SECTIONS.map(foldName));

/** Whether a heading below level 2 names something the checks read (a field, the log, Follow-ups). */
function knownName(name: string): boolean {
  return fieldByName(name) !== undefined || isStatusLogName(name) || OTHER.has(foldName(name));
}

/**
 * Whether `text` between `from` and `to` holds more than white space and closed HTML comments:
 * `slice(from, to).replace(/<!--[\s\S]*?-->/g, '').trim() !== ''`, without copying a section's
 * whole body (the first character of a body is usually its text).
 */
export function hasTextBesideComments(text: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    while (i < to && isSpaceAt(text, i)) i++;
    if (i >= to) return false;
    if (!text.startsWith('<!--', i)) return true;
    const close = text.indexOf('-->', i + 4);
    // An unclosed comment stays in the text.
    if (close < 0 || close + 3 > to) return true;
    i = close + 3;
  }
}

/** Collects the sections, in document order. */
export function readSections(md: ParsedMarkdown): RawSection[] {
  const out: RawSection[] = [];
  const children = md.root.children;
  for (let i = 0; i < children.length; i++) {
    const h = children[i]!;
    if (h.type !== 'heading' || h.depth < 2) continue;
    const name = sectionName(md.text.slice(start(h, md.base), end(h, md.base)));
    if (h.depth > 2 && !knownName(name)) continue;
    const nodes: RootContent[] = [];
    for (let j = i + 1; j < children.length; j++) {
      const n = children[j]!;
      if (n.type === 'heading' && n.depth <= h.depth) break;
      nodes.push(n);
    }
    const contentEnd = nodes.length ? end(nodes[nodes.length - 1]!, md.base) : end(h, md.base);
    out.push({
      heading: h,
      nodes,
      section: {
        name,
        key: fieldByName(name)?.key,
        headingRange: md.lines.nodeRange(h, md.base),
        nonEmpty: hasTextBesideComments(md.text, end(h, md.base), contentEnd),
        endOffset: contentEnd,
      },
    });
  }
  return out;
}
