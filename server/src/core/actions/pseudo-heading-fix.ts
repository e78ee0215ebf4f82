/**
 * "Make line N the `## Name` heading": for a rule that found no section while a bold or italic
 * line names it (core/pseudo-headings.ts). The finding's `data.pseudoHeading` names the field (or
 * `statusLog`); the line is found again in the current text, so a stale diagnostic edits nothing.
 */
import type { FixProvider } from '../rules/types';
import { replaceSpan } from './text';

/** The fix, or none when the document has no such line (any more). */
export const pseudoHeadingFix: FixProvider = ({ analysis: a, data }) => {
  const p = a.doc.pseudoHeadings?.find((x) => x.key === data.pseudoHeading);
  if (!p) return [];
  const l = a.md.lines;
  const text = l.lineText(p.line);
  const indent = text.length - text.trimStart().length;
  return [
    {
      title: `Make line ${p.line + 1} the heading "## ${p.name}"`,
      // Only the line's text changes; the blocks under it become the section.
      edits: [replaceSpan(l, l.lineStart(p.line) + indent, l.lineEnd(p.line), `## ${p.name}`)],
      isPreferred: true,
      safe: false,
    },
  ];
};
