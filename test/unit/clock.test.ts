import { strict as assert } from 'node:assert';
import { parseNow } from '../../server/src/core/clock';
import { extensionClock } from '../../client/src/clock';
import { Environment } from '../../server/src/lsp/environment';

const ok = (v: string): number => {
  const r = parseNow(v);
  assert.ok(r.ok, `${v}: ${r.ok ? '' : r.error}`);
  return r.value;
};
const bad = (v: string): string => {
  const r = parseNow(v);
  assert.ok(!r.ok, `${v} should be refused`);
  return r.error;
};

describe('the one clock parser (core/clock.ts)', () => {
  it('reads ISO 8601 instants with and without a zone; no zone is UTC', () => {
    assert.equal(ok('2026-11-28T12:00:00Z'), Date.UTC(2026, 10, 28, 12));
    assert.equal(ok('2026-11-28T12:00:00'), Date.UTC(2026, 10, 28, 12));
    assert.equal(ok('2026-11-28 12:00'), Date.UTC(2026, 10, 28, 12));
    assert.equal(ok('2026-11-28'), Date.UTC(2026, 10, 28));
    assert.equal(ok(' 2026-11-28T12:00:00.5z '), Date.UTC(2026, 10, 28, 12, 0, 0, 500));
    assert.equal(ok('2026-11-28T14:00:00+02:00'), Date.UTC(2026, 10, 28, 12));
    assert.equal(ok('2026-11-28T07:30:00-0430'), Date.UTC(2026, 10, 28, 12));
  });

  it('accepts the last day of each month, February 29 in leap years only', () => {
    assert.equal(ok('2028-02-29'), Date.UTC(2028, 1, 29));
    assert.equal(ok('2026-12-31T23:59:59Z'), Date.UTC(2026, 11, 31, 23, 59, 59));
    assert.match(bad('2026-02-29'), /day that does not exist \(2026-02-29\)/);
  });

  it('refuses impossible dates and times instead of rolling them over', () => {
    assert.match(bad('2026-02-31T10:00:00Z'), /day that does not exist \(2026-02-31\)/);
    assert.match(bad('2026-04-31'), /does not exist/);
    assert.match(bad('2026-13-01'), /does not exist/);
    assert.match(bad('2026-00-10'), /does not exist/);
    assert.match(bad('2026-11-00'), /does not exist/);
    assert.match(bad('2026-11-28T24:00:00Z'), /time that does not exist \(24:00:00\)/);
    assert.match(bad('2026-11-28T12:60Z'), /time that does not exist/);
    assert.match(bad('2026-11-28T12:00:60Z'), /time that does not exist/);
  });

  it('refuses zone offsets no zone has', () => {
    assert.match(bad('2026-11-28T12:00:00+25:00'), /zone offset that does not exist \("\+25:00"/);
    assert.match(bad('2026-11-28T12:00:00-13:00'), /zone offset/);
    assert.match(bad('2026-11-28T12:00:00+01:75'), /zone offset/);
    assert.equal(ok('2026-11-28T12:00:00+14:00'), Date.UTC(2026, 10, 27, 22));
  });

  it('refuses what is not an ISO 8601 time, quoting it and an example', () => {
    for (const v of [
      'yesterday',
      'next tuesday',
      '',
      '28.11.2026',
      '2026-11-28T12',
      '2026-11-28T12:00:00 UTC',
      '2026-1-2',
    ]) {
      assert.match(bad(v), /^must be an ISO 8601 time such as 2026-11-28T12:00:00Z, not "/, v);
    }
  });
});

describe('every shell reads "now" with it', () => {
  it('the extension: a valid ITSMOTE_NOW fixes the clock; an impossible one is an error, not March 3rd', () => {
    assert.equal(extensionClock({ ITSMOTE_NOW: '2026-11-28T12:00:00Z' }).now(), Date.UTC(2026, 10, 28, 12));
    const refused = extensionClock({ ITSMOTE_NOW: '2026-02-31T10:00:00Z' });
    assert.match(refused.error ?? '', /^ITSMOTE_NOW names a day that does not exist/);
    assert.ok(Math.abs(refused.now() - Date.now()) < 60_000, 'falls back to the real clock');
    const unset = extensionClock({});
    assert.equal(unset.error, undefined);
    assert.ok(Math.abs(unset.now() - Date.now()) < 60_000);
  });

  it('the server: ITSMOTE_NOW and initializationOptions.now, an impossible date reported, never used', () => {
    const env = new Environment({ ITSMOTE_NOW: '2026-11-28T12:00:00Z' });
    assert.equal(env.now(), Date.UTC(2026, 10, 28, 12));
    assert.deepEqual(env.clockErrors, []);
    env.configure({ now: '2026-02-31' });
    assert.equal(env.now(), Date.UTC(2026, 10, 28, 12), 'a bad option keeps the clock it had');
    assert.match(
      env.clockErrors[0] ?? '',
      /^initializationOptions\.now names a day that does not exist \(2026-02-31\)/,
    );
    env.configure({ now: '2026-12-01T08:00:00+01:00' });
    assert.equal(env.now(), Date.UTC(2026, 11, 1, 7));

    const refused = new Environment({ ITSMOTE_NOW: '2026-02-31T10:00:00Z' });
    assert.match(refused.clockErrors[0] ?? '', /^ITSMOTE_NOW names a day that does not exist/);
    assert.ok(Math.abs(refused.now() - Date.now()) < 60_000, 'the real clock, not March 3rd');
  });
});
