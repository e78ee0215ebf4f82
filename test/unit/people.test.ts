import { strict as assert } from 'node:assert';
import { isTeam, parsePeople, samePerson } from '../../server/src/core/people';
import { withoutMarkerEnds } from '../../server/src/core/values';

describe('people values (people.ts)', () => {
  it('reads one person: a handle or a name', () => {
    assert.deepEqual(parsePeople('@alice'), { people: ['@alice'], hasTeam: false });
    assert.deepEqual(parsePeople('Alice Anderson').people, ['Alice Anderson']);
    assert.deepEqual(parsePeople(' **@alice** ').people, ['@alice']);
    assert.deepEqual(
      parsePeople('Orlando Bloom').people,
      ['Orlando Bloom'],
      '"or" and "and" inside words do not split',
    );
  });

  it('reads a value without separators as one person, as the splitter would', () => {
    // The splitter of people.ts, which a value with no separator character or word skips.
    const split = (v: string) =>
      v
        .split(/,|;|&|\+|\band\b|\bor\b|(?<!@[\w.-]*)\/|\/(?=\s*@)/i)
        .map((p) => p.trim())
        .filter((p) => p !== '');
    for (const v of [
      '@alice',
      'Dana Kim',
      ' Dana\tKim ',
      '',
      ' ',
      '`@a`',
      'the team',
      '@org/team',
      'Dana Kim, 2026-12-26',
      'Ada (2026-12-26)',
      'Tandy',
      'Gordon Ray',
    ]) {
      const r = parsePeople(v);
      assert.deepEqual(
        r.people,
        split(withoutMarkerEnds(v.trim()).replace(/[\s,;(]*\d{4}-\d{2}-\d{2}\)?$/, '')),
        JSON.stringify(v),
      );
      assert.equal(r.hasTeam, r.people.some(isTeam), JSON.stringify(v));
      assert.equal('date' in r, /\d{4}-\d{2}-\d{2}/.test(v), JSON.stringify(v));
    }
    assert.deepEqual(parsePeople('the team'), { people: ['the team'], hasTeam: true });
    assert.deepEqual(parsePeople('**'), { people: [], hasTeam: false });
  });

  it('reads a trailing approval date', () => {
    assert.deepEqual(parsePeople('@bob, 2026-11-27'), { people: ['@bob'], hasTeam: false, date: '2026-11-27' });
    assert.deepEqual(parsePeople('Bob Smith 2026-11-27.'), {
      people: ['Bob Smith'],
      hasTeam: false,
      date: '2026-11-27',
    });
  });

  it('splits several people on , ; & + and or /', () => {
    for (const v of [
      '@a, @b',
      '@a; @b',
      '@a & @b',
      '@a + @b',
      '@a and @b',
      '@a AND @b',
      '@a or @b',
      '@a / @b',
      '@a/@b',
    ]) {
      assert.deepEqual(parsePeople(v).people, ['@a', '@b'], v);
    }
    assert.deepEqual(parsePeople('@a, @b and @c, 2026-11-27').people, ['@a', '@b', '@c']);
  });

  it('knows teams: the word team, and GitHub teams @org/name (kept whole)', () => {
    for (const t of [
      'the team',
      'team',
      'Team',
      'Payments team',
      'sre-team',
      'SRE teams',
      '@acme/payments',
      '@acme/db.owners',
    ])
      assert.ok(isTeam(t), t);
    for (const p of ['@alice', 'Steam Punk', 'teamster', '@team-lead-bob'.replace('team-', 'tim-')])
      assert.ok(!isTeam(p), p);
    assert.deepEqual(parsePeople('@acme/payments'), { people: ['@acme/payments'], hasTeam: true });
    assert.deepEqual(parsePeople('@bob, @acme/dba').people, ['@bob', '@acme/dba']);
  });

  it('reads an empty value as nobody', () => {
    assert.deepEqual(parsePeople('').people, []);
    assert.deepEqual(parsePeople('  ,  ').people, []);
  });

  it('compares people case-insensitively, with or without @', () => {
    assert.ok(samePerson('@Alice', 'alice'));
    assert.ok(samePerson(' @alice ', '@ALICE'));
    assert.ok(!samePerson('@alice', '@alicia'));
  });
});

describe('approval dates written other ways (people.ts)', () => {
  it('reads `on DATE` and `(DATE)` as the approval date', () => {
    assert.deepEqual(parsePeople('@bob on 2026-11-27'), { people: ['@bob'], hasTeam: false, date: '2026-11-27' });
    assert.deepEqual(parsePeople('@bob (2026-11-27)'), { people: ['@bob'], hasTeam: false, date: '2026-11-27' });
  });
});

describe('people on pathological input', () => {
  it('reads long runs of spaces in linear time', () => {
    const t = process.hrtime.bigint();
    assert.deepEqual(parsePeople('@a' + ' '.repeat(100_000) + 'x').people.length, 1);
    assert.equal(parsePeople('@a' + ' '.repeat(100_000) + '2026-11-27').date, '2026-11-27');
    // A quadratic version takes tens of seconds here; linear takes milliseconds.
    assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 2000);
  });
});
