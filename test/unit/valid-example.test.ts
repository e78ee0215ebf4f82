import { strict as assert } from 'node:assert';
import { check, VALID_NORMAL } from '../helpers/doc';

describe('the valid Normal change used as the base of rule tests', () => {
  it('has no diagnostics', () => {
    assert.deepEqual(
      check(VALID_NORMAL).map((d) => `${d.code} ${d.message}`),
      [],
    );
  });
  it('stays clean with CRLF line endings and a BOM', () => {
    assert.deepEqual(
      check('\uFEFF' + VALID_NORMAL.replace(/\n/g, '\r\n')).map((d) => d.code),
      [],
    );
  });
});
