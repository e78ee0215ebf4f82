import { strict as assert } from 'node:assert';
import { parseConfig } from '../../server/src/core/config';
import { blockingFreezes, coveredServices, freezesHit } from '../../server/src/core/freezes';
import { doc, VALID_NORMAL } from '../helpers/doc';

const HOLIDAY = {
  name: 'Holiday freeze',
  start: '2026-12-20 00:00 UTC',
  end: '2027-01-04 00:00 UTC',
  services: ['payments-*'],
  allow: ['Emergency'],
};
const read = (freezes: unknown) => parseConfig(JSON.stringify({ freezes, staleAfterHours: 6 }));

describe('freezes in .itsmote.json', () => {
  it('reads the SPEC example: UTC instants, globs as written, allow as canonical types', () => {
    const { config, errors } = read([HOLIDAY]);
    assert.deepEqual(errors, []);
    assert.deepEqual(config.freezes, [
      {
        name: 'Holiday freeze',
        start: Date.UTC(2026, 11, 20),
        end: Date.UTC(2027, 0, 4),
        services: ['payments-*'],
        allow: ['Emergency'],
      },
    ]);
  });

  it('defaults: every service, Emergency only; allow is read case-insensitively; zones as in windows', () => {
    const { config, errors } = read([
      {
        name: 'Sale',
        start: '2026-11-27 00:00+01:00',
        end: '2026-11-30 18:00 Z',
        allow: ['standard', 'EMERGENCY', 'Standard'],
      },
      { name: 'Audit', start: '2026-12-01 08:00', end: '2026-12-01 17:00' },
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(config.freezes[0], {
      name: 'Sale',
      start: Date.UTC(2026, 10, 26, 23),
      end: Date.UTC(2026, 10, 30, 18),
      services: [],
      allow: ['Standard', 'Emergency'],
    });
    assert.deepEqual(config.freezes[1]!.allow, ['Emergency']);
    assert.deepEqual(config.freezes[1]!.services, []);
  });

  it('names the bad entry and field, drops only that freeze, and keeps the rest of the config', () => {
    const { config, errors } = read([
      HOLIDAY,
      { ...HOLIDAY, name: 'Bad end', end: '2027-01-04 25:00 UTC' },
      { ...HOLIDAY, name: 'Backwards', end: '2026-12-19 00:00 UTC' },
      { ...HOLIDAY, name: 'Bad type', allow: ['Emergency', 'Urgent'] },
      { ...HOLIDAY, name: '' },
      { ...HOLIDAY, name: 'Extra', owner: '@x' },
      { start: HOLIDAY.start, end: HOLIDAY.end },
      { ...HOLIDAY, name: 'Zone', start: '2026-12-20 00:00 CET' },
      { ...HOLIDAY, name: 'Trailing', end: '2027-01-04 00:00 UTC, 60 min' },
      { ...HOLIDAY, name: 'No services', services: [] },
      'not an object',
    ]);
    assert.deepEqual(
      errors.map((e) => e.path),
      [
        'freezes[1].end',
        'freezes[2].end',
        'freezes[3].allow[1]',
        'freezes[4].name',
        'freezes[5]',
        'freezes[6].name',
        'freezes[7].start',
        'freezes[8].end',
        'freezes[9].services',
        'freezes[10]',
      ],
    );
    assert.match(errors[0]!.message, /time 25:00 does not exist/);
    assert.match(errors[1]!.message, /must be after the start/);
    assert.match(errors[2]!.message, /"Urgent" is not a change type/);
    assert.match(errors[4]!.message, /owner/);
    assert.equal(errors[5]!.message, 'is missing');
    assert.match(errors[6]!.message, /unknown time zone "CET"/);
    assert.match(errors[7]!.message, /cannot read ", 60 min"/);
    assert.match(errors[9]!.message, /must be an object/);
    assert.deepEqual(
      config.freezes.map((f) => f.name),
      ['Holiday freeze'],
    );
    assert.equal(config.staleAfterHours, 6);
  });

  it('wants a list', () => {
    const { config, errors } = read({ name: 'x' });
    assert.deepEqual(
      errors.map((e) => e.path),
      ['freezes'],
    );
    assert.deepEqual(config.freezes, []);
  });

  it('matches services by glob, case-insensitively and trimmed', () => {
    const f = read([{ ...HOLIDAY, services: ['payments-*', 'Checkout'] }]).config.freezes[0]!;
    assert.deepEqual(coveredServices(f, ['Payments-API', 'search', ' checkout ', 'payments']), [
      'Payments-API',
      ' checkout ',
    ]);
  });

  it('reports what a window runs into, with whether the type may run', () => {
    const [f] = read([HOLIDAY]).config.freezes;
    const span = { start: Date.UTC(2027, 0, 3, 23), end: Date.UTC(2027, 0, 4, 1) };
    assert.deepEqual(
      freezesHit({ changeType: 'Normal', services: ['payments-api'] }, span, [f!]).map((h) => [h.services, h.allowed]),
      [[['payments-api'], false]],
    );
    assert.deepEqual(
      freezesHit({ changeType: 'Emergency', services: ['payments-api'] }, span, [f!]).map((h) => h.allowed),
      [true],
    );
    assert.deepEqual(
      freezesHit({ services: ['payments-api'] }, span, [f!]).map((h) => h.allowed),
      [false],
      'unknown type: not allowed',
    );
    assert.deepEqual(
      freezesHit(
        { changeType: 'Normal', services: ['payments-api'] },
        { start: Date.UTC(2027, 0, 4), end: Date.UTC(2027, 0, 4, 1) },
        [f!],
      ),
      [],
    );
  });

  it('blockingFreezes is what CM041 reports: active changes only', () => {
    const freezes = read([{ ...HOLIDAY, start: '2026-12-01 00:00 UTC', end: '2026-12-02 00:00 UTC' }]).config.freezes;
    assert.equal(blockingFreezes(doc(VALID_NORMAL).doc, freezes).length, 1);
    assert.equal(
      blockingFreezes(doc(VALID_NORMAL.replace('- Status: Approved', '- Status: Rejected')).doc, freezes).length,
      0,
    );
  });
});
