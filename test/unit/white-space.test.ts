import { strict as assert } from 'node:assert';
import { detached, isNormalSpaced, isSpaceAt } from '../../server/src/core/white-space';

describe('white space without a regex (white-space.ts)', () => {
  it('isSpaceAt agrees with /\\s/ on every UTF-16 code unit, and is false past the end', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isSpaceAt(`a${ch}`, 1), /\s/.test(ch), `U+${c.toString(16)}`);
    }
    assert.equal(isSpaceAt('a', 1), false);
    assert.equal(isSpaceAt('a', -1), false);
  });

  it('isNormalSpaced is true only when collapsing and trimming would change nothing', () => {
    const normal = (s: string) => s.replace(/\s+/g, ' ').trim() === s;
    const cases = [
      '',
      ' ',
      'a',
      'Risk level',
      'Risk  level',
      ' Risk',
      'Risk ',
      'Risk\tlevel',
      'Risk\nlevel',
      'Risk\r\nlevel',
      'a b c',
      'a\u00a0b',
      'a\u2003b',
      'a\ufeff',
      'a\u2028b',
      'a\vb',
      'a\fb',
    ];
    for (const s of cases) {
      assert.equal(isNormalSpaced(s), normal(s) && !/[^\x20-\x7e]/.test(s), JSON.stringify(s));
      // Never claims a string is normal when it is not (non-ASCII only costs the slow path).
      if (isNormalSpaced(s)) assert.ok(normal(s), JSON.stringify(s));
    }
    assert.equal(isNormalSpaced('Café'), false, 'non-ASCII takes the exact path');
    // With markup refused: what cleanName, sectionName and titleText would strip.
    for (const [s, markup, tilde] of [
      ['Risk level', true, true],
      ['*Risk*', false, false],
      ['Risk_level', false, false],
      ['`Risk`', false, false],
      ['~Risk~', true, false],
      ['Risk-level (old)', true, true],
    ] as const) {
      assert.equal(isNormalSpaced(s, true), markup, s);
      assert.equal(isNormalSpaced(s, true, true), tilde, s);
      assert.equal(isNormalSpaced(s), true, s);
    }
  });

  it('detached gives an equal string, whatever its length', () => {
    const text = 'Upgrade the payments database to PostgreSQL 16 (a long title)';
    for (let n = 0; n <= text.length; n++) assert.equal(detached(text.slice(0, n)), text.slice(0, n));
  });
});
