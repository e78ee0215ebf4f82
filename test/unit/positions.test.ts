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
  it('reports header item ranges in the original text when a BOM and tabs are present', () => {
    const a = doc('\uFEFF# T\n\n-\tStatus:\tPlanned\n');
    const item = a.doc.header!.items[0]!;
    assert.equal(item.value, 'Planned');
    assert.deepEqual(item.valueRange, { start: { line: 2, character: 10 }, end: { line: 2, character: 17 } });
  });
});
