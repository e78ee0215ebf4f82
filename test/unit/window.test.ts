import { strict as assert } from 'node:assert';
import { formatUtc, parseWindow, readTimestamp, utcMonth } from '../../server/src/core/time';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

/** Reads a window that must be valid. */
function win(v: string) {
  const r = parseWindow(v);
  assert.ok(r.ok, `${v}: ${r.ok ? '' : r.error}`);
  return r.value;
}
/** Reads a window that must be invalid; returns the error. */
function bad(v: string): string {
  const r = parseWindow(v);
  assert.ok(!r.ok, `${v} should not be readable`);
  return r.error;
}

describe('execution windows (time.ts)', () => {
  it('reads a start with no end as 60 minutes, UTC by default', () => {
    const w = win('2026-12-01 14:00');
    assert.equal(w.start, at('2026-12-01T14:00:00Z'));
    assert.equal(w.end - w.start, 60 * MIN);
    assert.equal(w.explicitEnd, false);
  });

  it('reads zones with or without a space: UTC, Z, GMT, +02:00, -0500', () => {
    const utc = at('2026-12-01T14:00:00Z');
    for (const v of [
      '2026-12-01 14:00 UTC',
      '2026-12-01 14:00UTC',
      '2026-12-01 14:00 Z',
      '2026-12-01 14:00Z',
      '2026-12-01T14:00Z',
      '2026-12-01 14:00 gmt',
      '2026-12-01 16:00+02:00',
      '2026-12-01 16:00 +02:00',
      '2026-12-01 09:00 -0500',
    ]) {
      assert.equal(win(v).start, utc, v);
    }
  });

  it('reads durations in min, minutes, h, hours, with decimals', () => {
    const cases: [string, number][] = [
      [', 90 min', 90],
      [', 90 minutes', 90],
      [', 45min', 45],
      [', 2 h', 120],
      [', 2 hours', 120],
      [', 1.5 h', 90],
      [', 0.25 hours', 15],
      [', 1 hour', 60],
      [', 2 HRS', 120],
      [', 90 MIN', 90],
    ];
    for (const [suffix, minutes] of cases) {
      const w = win(`2026-12-01 14:00 UTC${suffix}`);
      assert.equal((w.end - w.start) / MIN, minutes, suffix);
      assert.equal(w.explicitEnd, true);
    }
  });

  it('reads ends written with – - — or `to`, in the start zone', () => {
    for (const sep of ['–', '-', '—', 'to']) {
      const w = win(`2026-12-01 14:00 UTC ${sep} 15:30`);
      assert.equal(w.end, at('2026-12-01T15:30:00Z'), sep);
    }
    const zoned = win('2026-12-01 14:00+02:00 – 15:00');
    assert.equal(zoned.end, at('2026-12-01T13:00:00Z'));
    assert.equal(win('2026-12-01 14:00 UTC - 2026-12-02 09:00').end, at('2026-12-02T09:00:00Z'));
  });

  it('reads an end glued to the time as an end when a zone word follows, else as an ISO offset', () => {
    assert.equal(win('2026-12-01 14:00-15:00 UTC').end, at('2026-12-01T15:00:00Z'));
    assert.equal(win('2026-12-01 09:00-05:00').start, at('2026-12-01T14:00:00Z'));
  });

  it('crosses midnight when the end is earlier than the start', () => {
    const w = win('2026-12-31 23:00 UTC – 01:00');
    assert.equal(w.end, at('2027-01-01T01:00:00Z'));
    const local = win('2026-12-01 23:30+02:00 to 00:30');
    assert.equal(local.end - local.start, 60 * MIN);
  });

  it('rejects an end equal to its start, and a zero duration', () => {
    assert.match(bad('2026-12-01 14:00 UTC – 14:00'), /ends when it starts/);
    assert.match(bad('2026-12-01 14:00 UTC, 0 min'), /no length/);
    assert.match(bad('2026-12-01 14:00 UTC - 2026-12-01 13:00'), /ends before it starts/);
  });

  it('rejects dates and times that do not exist, with the reason', () => {
    assert.match(bad('2026-02-29 10:00'), /day 29 does not exist in 2026-02/);
    assert.doesNotThrow(() => win('2028-02-29 10:00'));
    assert.match(bad('2026-04-31 10:00'), /day 31/);
    assert.match(bad('2026-00-10 10:00'), /month 0/);
    // February as Date.UTC reads it: years 0000-0099 are 1900-1999, so 0000 and 1900 have no 29th.
    for (const [year, leap] of [
      ['0000', false],
      ['0004', true],
      ['0100', false],
      ['0400', true],
      ['1900', false],
      ['2000', true],
      ['2024', true],
      ['2100', false],
    ] as const) {
      assert.equal(readTimestamp(`${year}-02-29 10:00`).ok, leap, year);
      assert.ok(readTimestamp(`${year}-02-28 10:00`).ok, year);
    }
    for (const [month, days] of [
      ['01', 31],
      ['04', 30],
      ['06', 30],
      ['07', 31],
      ['08', 31],
      ['09', 30],
      ['11', 30],
      ['12', 31],
    ] as const) {
      assert.ok(readTimestamp(`2026-${month}-${days} 10:00`).ok, month);
      assert.match(bad(`2026-${month}-${days + 1} 10:00`), new RegExp(`day ${days + 1} does not exist`));
    }
    assert.match(bad('2026-12-01 24:00'), /does not exist/);
    assert.match(bad('2026-12-01 10:60'), /does not exist/);
    assert.match(bad('2026-12-01 14:00 UTC – 25:00'), /does not exist/);
  });

  it('says what is wrong with unreadable text', () => {
    assert.match(bad('2026-12-01'), /time \(HH:MM\) is missing/);
    assert.match(bad('2026-12-01 14:00 CET'), /unknown time zone "CET"/);
    assert.match(bad('2026-12-01 14:00 UTC, a while'), /cannot read "a while"/);
    assert.match(bad('Dec 1st, 2pm'), /expected YYYY-MM-DD HH:MM/);
    assert.match(bad(''), /expected/);
  });

  it('ignores emphasis around the value', () => {
    assert.equal(win('**2026-12-01 14:00 UTC**').start, at('2026-12-01T14:00:00Z'));
  });
});

describe('timestamps (time.ts)', () => {
  it('reads a timestamp at the start of a log line and says how long it is', () => {
    const r = readTimestamp('2026-11-27 09:15 UTC Approved by @bob');
    assert.ok(r.ok);
    assert.equal(r.value.instant, at('2026-11-27T09:15:00Z'));
    assert.equal(r.value.length, '2026-11-27 09:15 UTC'.length);
    const s = readTimestamp('2026-11-27 09:15:30 Approved');
    assert.ok(s.ok && s.value.instant === at('2026-11-27T09:15:30Z'));
  });

  it('reads every digit of the date, time, seconds and offset (parsed by hand, not by Number)', () => {
    for (const [text, y, mo, d, h, mi, s, off] of [
      ['2026-11-27 09:05:07 UTC', 2026, 11, 27, 9, 5, 7, 0],
      ['0999-01-31 7:59', 999, 1, 31, 7, 59, 0, 0],
      ['9999-12-31T23:00:59Z', 9999, 12, 31, 23, 0, 59, 0],
      ['2026-06-10 18:30 +05:45', 2026, 6, 10, 18, 30, 0, 345],
      ['2026-06-10 18:30 -0930', 2026, 6, 10, 18, 30, 0, -570],
    ] as const) {
      const r = readTimestamp(text);
      assert.ok(r.ok, text);
      assert.equal(r.value.instant, Date.UTC(y, mo - 1, d, h, mi, s) - off * 60_000, text);
      assert.equal(r.value.offsetMinutes, off, text);
    }
  });

  it('formats instants as the log writes them and gives the UTC month', () => {
    assert.equal(formatUtc(at('2026-12-01T23:30:00+02:00')), '2026-12-01 21:30 UTC');
    assert.equal(utcMonth(at('2026-12-01T00:30:00+02:00')), '2026-11');
  });
});

describe('zone offsets and approval dates', () => {
  it('rejects offsets that do not exist, hinting at an end for -HH:MM', () => {
    assert.match(bad('2026-12-01 14:00+25:00'), /offset "\+25:00" does not exist/);
    assert.match(bad('2026-12-01 14:00-15:00'), /for an end, write " - 15:00"/);
    assert.match(bad('2026-12-01 14:00 +02:75'), /does not exist/);
    assert.equal(win('2026-12-01 14:00+14:00').start, at('2026-12-01T00:00:00Z'));
    assert.equal(win('2026-12-01 14:00-12:00').start, at('2026-12-02T02:00:00Z'));
  });
});
