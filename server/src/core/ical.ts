/**
 * The text rules of iCalendar (RFC 5545 section 3.1 and 3.3.11) that a writer must get right:
 * TEXT escaping, content lines folded at 75 octets without splitting a UTF-8 character, CRLF
 * line ends, and UTC date-times. Pure string functions.
 */

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control characters are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // TSAFE-CHAR excludes the controls other than HTAB.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  );
}

/** The UTF-8 length of one code point. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line: at most 75 octets per physical line (the leading space of a
 * continuation line counts), breaking only between characters (code points), joined by CRLF.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // after the continuation line's leading space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20261201T140000Z`: a DATE-TIME in UTC (seconds kept, milliseconds dropped). */
export function utcDateTime(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * A stable, non-cryptographic 53-bit hash of a string (cyrb53), as 14 hex digits: the same input
 * gives the same UID part on every run and every machine.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Content lines (unfolded, without line ends) to iCalendar text: each folded, each ended by CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}
