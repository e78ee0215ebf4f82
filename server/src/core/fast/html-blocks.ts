/**
 * The start and end conditions of HTML blocks (CommonMark 0.31 section 4.6, as micromark reads
 * them), for the line scanner (scan.ts): which of the seven kinds a line starts, what ends it
 * (a marker on some line, or a blank line), and whether it may interrupt a paragraph.
 */

/** What an HTML block start line opens. `from`: where to look for the end marker on that same line. */
export type HtmlStart =
  | { end: RegExp; from: number; interrupts: true; comment: boolean }
  | { end: 'blank'; interrupts: boolean; comment: false };

// micromark-util-html-tag-name's htmlBlockNames (condition 6).
const BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const RAW = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const RAW_END = /<\/(?:script|pre|style|textarea)>/i;
const BLOCK = new RegExp(`^</?(?:${BLOCK_NAMES})(?:[ \\t]|/?>|$)`, 'i');
const ATTRIBUTE = `[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^"'=<>\`\\s]+|'[^']*'|"[^"]*"))?`;
const COMPLETE_TAG = new RegExp(
  `^(?:<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*[ \\t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \\t]*>)[ \\t]*$`,
);
const RAW_NAME = /^<\/?(?:script|pre|style|textarea)(?![A-Za-z0-9-])/i;

const COMMENT_END = /-->/;
const PI_END = /\?>/;
const DECLARATION_END = />/;
const CDATA_END = /\]\]>/;

/**
 * The HTML block that `s` (a line without its indentation, which is at most 3 spaces) starts, or
 * undefined. `<!-->` and `<!--->` (comments that end at once) are left to the full parse.
 */
export function htmlStart(s: string): HtmlStart | 'unsure' | undefined {
  if (s.charCodeAt(0) !== 60 /* < */) return undefined;
  if (RAW.test(s)) return { end: RAW_END, from: 1, interrupts: true, comment: false };
  if (s.startsWith('<!--'))
    return s.startsWith('<!-->') || s.startsWith('<!--->')
      ? 'unsure'
      : { end: COMMENT_END, from: 4, interrupts: true, comment: true };
  if (s.startsWith('<?')) return { end: PI_END, from: 2, interrupts: true, comment: false };
  if (s.startsWith('<![CDATA[')) return { end: CDATA_END, from: 9, interrupts: true, comment: false };
  if (/^<![A-Za-z]/.test(s)) return { end: DECLARATION_END, from: 2, interrupts: true, comment: false };
  if (BLOCK.test(s)) return { end: 'blank', interrupts: true, comment: false };
  if (COMPLETE_TAG.test(s) && !RAW_NAME.test(s)) return { end: 'blank', interrupts: false, comment: false };
  return undefined;
}

/** Whether `line` (from offset `from`) holds the end marker of a block that ends with one. */
export function endsHtml(start: HtmlStart, line: string, from = 0): boolean {
  return start.end !== 'blank' && start.end.test(from ? line.slice(from) : line);
}
