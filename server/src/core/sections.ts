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
    const content = md.text.slice(end(h, md.base), contentEnd);
    out.push({
      heading: h,
      nodes,
      section: {
        name,
        key: fieldByName(name)?.key,
        headingRange: md.lines.nodeRange(h, md.base),
        nonEmpty: content.replace(/<!--[\s\S]*?-->/g, '').trim() !== '',
        endOffset: contentEnd,
      },
    });
  }
  return out;
}
