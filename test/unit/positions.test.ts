import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/core/positions';
import { doc } from '../helpers/doc';

describe('positions (LineIndex)', () => {
  it('converts offsets to 0-based LSP positions across LF, CRLF and CR', () => {
    const li = new LineIndex('ab\r\ncd\nef\rgh');
    assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(10), { line: 3, character: 0 });
    assert.equal(li.lineCount, 4);
    assert.equal(li.lineText(0), 'ab');
  });
  it('maps an offset inside CRLF to the end of its line', () => {
    const li = new LineIndex('ab\r\ncd');
    assert.deepEqual(li.positionAt(3), { line: 0, character: 2 });
  });
  it('round-trips offsetAt/positionAt', () => {
    const text = 'x\ty\r\n\u{1F600}z\n';
    const li = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = li.positionAt(o);
      const back = li.offsetAt(p);
      assert.ok(back <= o && o - back <= 1, `offset ${o}`);
    }
  });
  it('gives the same positions in any order of lookups, with LF only and with CR (its line hint and fast constructor)', () => {
    // The definition: the last line starting at or before the offset; an offset on a break is the end of its line.
    const reference = (text: string, o: number) => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
      }
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= o) line++;
      let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
      while (end > starts[line]! && /[\r\n]/.test(text[end - 1]!)) end--;
      return { line, character: Math.min(o, end) - starts[line]! };
    };
    for (const text of ['', '\n', 'ab\ncd\n\nef', 'ab\r\ncd\rx\n\r\n', '\n\nx', 'no break']) {
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
      const li = new LineIndex(text);
      for (const order of [offsets, [...offsets].reverse(), offsets.map((_, i) => (i * 7) % offsets.length)])
        for (const o of order) assert.deepEqual(li.positionAt(o), reference(text, o), `${JSON.stringify(text)} @${o}`);
      assert.deepEqual(li.positionAt(-5), reference(text, 0));
      assert.deepEqual(li.positionAt(text.length + 5), reference(text, text.length));
      for (let line = -1; line <= li.lineCount + 1; line++)
        assert.deepEqual(li.lineRange(line), li.rangeOf(li.lineStart(line), li.lineEnd(line)), `line ${line}`);
    }
  });
  it('reports header item ranges in the original text when a BOM and tabs are present', () => {
    const a = doc('\uFEFF# T\n\n-\tStatus:\tPlanned\n');
    const item = a.doc.header!.items[0]!;
    assert.equal(item.value, 'Planned');
    assert.deepEqual(item.valueRange, { start: { line: 2, character: 10 }, end: { line: 2, character: 17 } });
  });
});
