import * as assert from 'node:assert/strict';
import { changeFileName, changeTemplate, firstEmptyField, slugify } from '../../../client/src/templates';
import { NOW, check } from '../../helpers/doc';

describe('client: New change templates', () => {
  it('slugifies titles to ASCII words, at most 60 characters', () => {
    assert.equal(slugify('Upgrade payments-db to PostgreSQL 16!'), 'upgrade-payments-db-to-postgresql-16');
    assert.equal(slugify('Ändere Größe der Caches'), 'andere-grosse-der-caches');
    assert.equal(slugify('***'), 'change');
    assert.ok(slugify('a'.repeat(100)).length <= 60);
    assert.doesNotMatch(slugify(`${'word '.repeat(20)}`), /-$/);
  });

  it('names the file by the UTC day, with a -n suffix for the n-th', () => {
    assert.equal(changeFileName('Bump nginx', Date.UTC(2026, 0, 31, 23, 30)), '2026-01-31-bump-nginx.md');
    assert.equal(changeFileName('Bump nginx', NOW, 3), '2026-11-28-bump-nginx-3.md');
  });

  for (const type of ['Standard', 'Normal', 'Emergency'] as const) {
    it(`writes a ${type} template the checker reads: only fields to fill in are reported`, () => {
      const text = changeTemplate({ type, title: 'Rotate keys', author: '@alice', now: NOW });
      assert.match(text, /^# Rotate keys\n/);
      assert.match(text, new RegExp(`^- Change type: ${type}$`, 'm'));
      assert.match(text, /^- 2026-11-28 12:00 UTC Planned by @alice$/m);
      const codes = [...new Set(check(text).map((d) => String(d.code)))].sort();
      const allowed = new Set(['CM002', 'CM010', 'CM011', 'CM013', 'CM015', 'CM023']);
      assert.deepEqual(
        codes.filter((c) => !allowed.has(c)),
        [],
        codes.join(),
      );
      assert.ok(codes.length > 0, 'the empty fields are reported');
    });
  }

  it('puts the cursor at the end of the first empty header field', () => {
    const text = changeTemplate({ type: 'Normal', title: 'x', author: '@a', now: NOW });
    const at = firstEmptyField(text)!;
    const line = text.split('\n')[at.line]!;
    assert.equal(line, '- Affected services: ');
    assert.equal(at.character, line.length);
    assert.equal(firstEmptyField('# x\n\n- Title: y\n\n## Notes\n- Empty:\n'), undefined, 'never below the header');
  });
});
