import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { contentLines, escapeText, foldLine, stableHash, utcDateTime } from '../../server/src/core/ical';

/** Unfolds per RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('iCalendar text rules (core/ical)', () => {
  it('escapes TEXT per RFC 5545 3.3.11 and drops control characters', () => {
    assert.equal(escapeText('a,b;c\\d\ne\r\nf\rg'), 'a\\,b\\;c\\\\d\\ne\\nf\\ng');
    assert.equal(escapeText('tab\tok\u0000\u0007\u001b\u007f'), 'tab\tok');
  });

  it('folds at 75 octets (74 after the leading space), never inside a UTF-8 character, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `SUMMARY:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        assert.equal(unfold(folded), line);
        for (const [i, physical] of folded.split('\r\n').entries()) {
          const bytes = Buffer.from(physical, 'utf8');
          assert.ok(bytes.length <= 75, `${bytes.length} octets`);
          if (i > 0) assert.ok(physical.startsWith(' '));
          assert.equal(Buffer.from(bytes).toString('utf8'), physical);
        }
      }),
      { numRuns: 300 },
    );
    assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75));
    assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
    // A 4-octet emoji that would straddle octet 75 moves to the next line whole.
    assert.equal(foldLine(`${'x'.repeat(73)}🚀`), `${'x'.repeat(73)}\r\n 🚀`);
  });

  it('escaped and folded values parse back to the original with ical.js', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const value = s.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').replace(/\r\n?/g, '\n');
        const text = contentLines([
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//t//t//EN',
          'BEGIN:VEVENT',
          'UID:x',
          'DTSTAMP:20261128T120000Z',
          `SUMMARY:${escapeText(value)}`,
          'END:VEVENT',
          'END:VCALENDAR',
        ]);
        const ev = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
        assert.equal(ev.getFirstPropertyValue('summary'), value);
      }),
      { numRuns: 300 },
    );
  });

  it('writes UTC date-times and stable hashes', () => {
    assert.equal(utcDateTime(Date.UTC(2026, 11, 1, 14, 5, 9, 999)), '20261201T140509Z');
    assert.equal(stableHash('changes/a.md'), stableHash('changes/a.md'));
    assert.notEqual(stableHash('changes/a.md'), stableHash('changes/b.md'));
    assert.match(stableHash(''), /^[0-9a-f]{14}$/);
    // Pinned: a UID must not change between releases.
    assert.equal(stableHash('examples/changes/2026-12-01-upgrade-payments-db.md'), '1e017b4d991843');
  });
});
