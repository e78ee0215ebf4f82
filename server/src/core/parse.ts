/**
 * Markdown parsing: unified + remark-parse to mdast. A leading BOM is skipped and the offsets of
 * the tree are shifted back by `base`, so that every offset we hand on indexes the original text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { LineIndex } from './positions';

/** A parsed markdown document: the original text, its mdast and its line index. */
export interface ParsedMarkdown {
  text: string;
  /** Offset added to every mdast offset to index `text` (1 when the text starts with a BOM). */
  base: number;
  root: Root;
  lines: LineIndex;
}

const processor = unified().use(remarkParse);

/** Parses markdown text; never throws for any string input. */
export function parseMarkdown(text: string): ParsedMarkdown {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = processor.parse(base ? text.slice(1) : text) as Root;
  return { text, base, root, lines: new LineIndex(text) };
}
