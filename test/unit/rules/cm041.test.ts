import { strict as assert } from 'node:assert';
import type { Config } from '../../../server/src/core/config';
import { parseConfig } from '../../../server/src/core/config';
import { codes, VALID_NORMAL } from '../../helpers/doc';
import {
  ERROR,
  expectNone,
  expectOne,
  lineRange,
  msg,
  VALID_EMERGENCY,
  VALID_STANDARD,
  withLine,
  withLog,
  type Failing,
} from './support';

/** A config with the freezes given as `.itsmote.json` writes them. */
function freezes(...list: unknown[]): Partial<Config> {
  const { config, errors } = parseConfig(JSON.stringify({ freezes: list }));
  assert.deepEqual(errors, []);
  return config;
}

// VALID_NORMAL: payments-db, payments-api; 2026-12-01 14:00 UTC, 60 min; Normal, Approved.
const DECEMBER = { name: 'December freeze', start: '2026-12-01 00:00 UTC', end: '2026-12-02 00:00 UTC' };
const window = (value: string, text = VALID_NORMAL) =>
  withLine('- Planned execution time', `- Planned execution time: ${value}`, text);

/** A document on which CM041 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = {
  text: VALID_NORMAL,
  config: {
    freezes: [
      {
        name: 'December',
        start: Date.UTC(2026, 11, 1),
        end: Date.UTC(2026, 11, 2),
        services: [],
        allow: ['Emergency'],
      },
    ],
  },
};

describe('CM041 window-in-freeze', () => {
  it('does not fire without freezes, or for a window outside every freeze', () => {
    expectNone(VALID_NORMAL, 'CM041');
    expectNone(
      VALID_NORMAL,
      'CM041',
      freezes({ ...DECEMBER, start: '2026-12-05 00:00 UTC', end: '2026-12-06 00:00 UTC' }),
    );
  });

  it('fires on the window item, naming the freeze, its end and the covered service', () => {
    const d = expectOne(
      VALID_NORMAL,
      'CM041',
      {
        severity: ERROR,
        range: lineRange(VALID_NORMAL, '- Planned execution time'),
        words: [
          '"December freeze"',
          'until 2026-12-02 00:00 UTC',
          'payments-db, payments-api',
          'only Emergency changes may run',
          'after 2026-12-02 00:00 UTC',
        ],
        fix: null,
      },
      freezes(DECEMBER),
    );
    assert.deepEqual((d.data as { end: string }).end, '2026-12-02T00:00:00.000Z');
  });

  it('does not count windows that only touch the freeze', () => {
    const cfg = freezes({ ...DECEMBER, start: '2026-12-01 15:00 UTC', end: '2026-12-01 18:00 UTC' });
    expectNone(VALID_NORMAL, 'CM041', cfg);
    expectNone(
      VALID_NORMAL,
      'CM041',
      freezes({ ...DECEMBER, start: '2026-12-01 10:00 UTC', end: '2026-12-01 14:00 UTC' }),
    );
    // One minute more and they overlap.
    assert.equal(codes(window('2026-12-01 14:00 UTC, 61 min'), 'CM041', cfg).length, 1);
  });

  it('reads freeze times in any zone of the window syntax', () => {
    // 2026-12-01 15:30+01:00 is 14:30 UTC: inside the window 14:00-15:00 UTC.
    assert.equal(
      codes(
        VALID_NORMAL,
        'CM041',
        freezes({ ...DECEMBER, start: '2026-12-01 15:30 +01:00', end: '2026-12-01 16:00+01:00' }),
      ).length,
      1,
    );
    expectNone(
      VALID_NORMAL,
      'CM041',
      freezes({ ...DECEMBER, start: '2026-12-01 16:00+01:00', end: '2026-12-01 17:00 +01:00' }),
    );
  });

  it('applies only to the services its globs cover, case-insensitively', () => {
    expectNone(VALID_NORMAL, 'CM041', freezes({ ...DECEMBER, services: ['search-*', 'checkout'] }));
    const d = codes(VALID_NORMAL, 'CM041', freezes({ ...DECEMBER, services: ['PAYMENTS-A*'] }));
    assert.equal(d.length, 1);
    assert.match(msg(d[0]!), /which covers payments-api;/);
  });

  it('lets the allowed types run: Emergency by default, the `allow` list when given', () => {
    const emergency = withLine(
      '- Incident',
      '- Incident: INC-1234\n- Planned execution time: 2026-12-01 14:00 UTC',
      VALID_EMERGENCY,
    );
    expectNone(emergency, 'CM041', freezes({ ...DECEMBER, services: ['checkout'] }));
    const standard = window('2026-12-01 09:00 UTC', VALID_STANDARD);
    assert.equal(codes(standard, 'CM041', freezes(DECEMBER)).length, 1);
    expectNone(standard, 'CM041', freezes({ ...DECEMBER, allow: ['standard', 'Emergency'] }));
    // A hard freeze: nothing may run, not even an Emergency change.
    const hard = codes(emergency, 'CM041', freezes({ ...DECEMBER, allow: [] }));
    assert.equal(hard.length, 1);
    assert.match(msg(hard[0]!), /no change may run then/);
    assert.match(
      msg(codes(VALID_NORMAL, 'CM041', freezes({ ...DECEMBER, allow: ['Standard', 'Emergency'] }))[0]!),
      /only Standard or Emergency changes may run/,
    );
  });

  it('reports each freeze the window runs into', () => {
    const ds = codes(
      VALID_NORMAL,
      'CM041',
      freezes(DECEMBER, {
        name: 'DB maintenance',
        start: '2026-12-01 14:30 UTC',
        end: '2026-12-01 16:00 UTC',
        services: ['*-db'],
      }),
    );
    assert.deepEqual(
      ds.map((d) => (d.data as { freeze: string }).freeze),
      ['December freeze', 'DB maintenance'],
    );
  });

  it('ignores changes that are not active, or have no readable window or type', () => {
    const cfg = freezes(DECEMBER);
    const P = '2026-11-26 10:02 UTC Planned by @alice';
    expectNone(withLog('Rejected', [P, '2026-11-27 09:00 UTC Rejected by @bob']), 'CM041', cfg);
    const closed = withLog(
      'Closed',
      [
        P,
        '2026-11-27 09:15 UTC Approved by @bob',
        '2026-12-01 14:00 UTC In Progress',
        '2026-12-01 14:30 UTC Verifying',
        '2026-12-01 15:00 UTC Closed',
      ],
      withLine('- Approval', '- Approval: @bob\n- Outcome: done'),
    );
    expectNone(closed, 'CM041', cfg);
    expectNone(window('2026-12-01 14:00 CET'), 'CM041', cfg);
    expectNone(withLine('- Planned execution time', null), 'CM041', cfg);
    expectNone(withLine('- Change type', '- Change type: Urgent'), 'CM041', cfg);
    // In Progress and Verifying are active: a change running in a freeze is still reported.
    const running = withLog('In Progress', [
      P,
      '2026-11-27 09:15 UTC Approved by @bob',
      '2026-12-01 14:00 UTC In Progress by @alice',
    ]);
    assert.equal(codes(running, 'CM041', cfg).length, 1);
  });

  it('can be suppressed with a reason like every rule', () => {
    const text = window('2026-12-01 14:00 UTC, 60 min <!-- itsmote-disable-line CM041 -- CAB exception 2026-11-20 -->');
    expectNone(text, 'CM041', freezes(DECEMBER));
    expectNone(text, 'CM007', freezes(DECEMBER));
  });
});
