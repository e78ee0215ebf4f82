import { strict as assert } from 'node:assert';
import {
  closest,
  editDistance,
  hasValue,
  incidentRefs,
  isPlaceholder,
  isSeeBelow,
  matchEnum,
  splitList,
  stripInlineMarkup,
  withoutMarkerEnds,
} from '../../server/src/core/values';
import { ALL_FIELD_NAMES, fieldByName, foldName, isStatusLogName } from '../../server/src/core/fields';
import { STATUSES } from '../../server/src/core/fields';

describe('values (values.ts, fields.ts)', () => {
  describe('placeholders', () => {
    it('counts empty values and placeholders as missing, in any case', () => {
      for (const v of [
        '',
        '  ',
        'TBD',
        'tbd',
        'TODO',
        'todo',
        'N/A',
        'n/a',
        'NA',
        'none',
        'None',
        'NONE',
        '-',
        '?',
        '...',
        '…',
        '**TBD**',
        '`n/a`',
      ]) {
        assert.ok(isPlaceholder(v), JSON.stringify(v));
      }
    });
    it('treats TBD/TODO as missing whatever follows them', () => {
      for (const v of ['TBD - ask the DBA', 'TBD: after the review', 'TODO write this', 'tbd (Bob)'])
        assert.ok(isPlaceholder(v), v);
    });
    it('treats other placeholders followed only by punctuation as missing', () => {
      for (const v of ['none.', 'None!', 'n/a.', '- -', '?!', '...?']) assert.ok(isPlaceholder(v), v);
    });
    it('keeps real values, including placeholders followed by words', () => {
      for (const v of [
        'none (internal only)',
        'None expected for users',
        'n/a for internal users',
        'TBDX-1 is a ticket'.replace('TBDX', 'TBX'),
        'Low',
        '0',
        'todolist service',
      ]) {
        assert.ok(!isPlaceholder(v), v);
      }
    });
  });

  it('reads `see below` case-insensitively, trailing punctuation ignored', () => {
    for (const v of ['see below', 'See below.', 'SEE BELOW:', '*see below*', 'see below!']) assert.ok(isSeeBelow(v), v);
    for (const v of ['see below for details', 'see the runbook', 'below']) assert.ok(!isSeeBelow(v), v);
  });

  it('matches enums case-insensitively with spaces collapsed, returning the canonical spelling', () => {
    assert.equal(matchEnum('in progress', STATUSES), 'In Progress');
    assert.equal(matchEnum('  ROLLED   back ', STATUSES), 'Rolled Back');
    assert.equal(matchEnum('**Closed**', STATUSES), 'Closed');
    assert.equal(matchEnum('Done', STATUSES), undefined);
  });

  it('splits lists on commas and semicolons, dropping empties and markup', () => {
    assert.deepEqual(splitList('payments-db, payments-api'), ['payments-db', 'payments-api']);
    assert.deepEqual(splitList(' a ;b,, `c` ,'), ['a', 'b', 'c']);
    assert.deepEqual(splitList(''), []);
  });

  it('strips emphasis and code markers around a value', () => {
    assert.equal(stripInlineMarkup('**High**'), 'High');
    assert.equal(stripInlineMarkup('`Low`'), 'Low');
    assert.equal(stripInlineMarkup('_x_'), 'x');
  });

  it('takes emphasis and code markers off both ends, and nothing else', () => {
    for (const v of ['**High**', '`Low`', '_x_', 'x', '', ' *x* ', '~x~', 'a*b', '*', '***', 'x_', '_x'])
      assert.equal(withoutMarkerEnds(v), v.replace(/^[*_`]+|[*_`]+$/g, ''), JSON.stringify(v));
  });

  it('measures edit distance with transpositions', () => {
    assert.equal(editDistance('Rollback', 'rollback'), 0);
    assert.equal(editDistance('Rollbakc', 'Rollback'), 1);
    assert.equal(editDistance('abc', ''), 3);
  });

  it('suggests the closest name only when close enough', () => {
    assert.equal(closest('Rollbak plan', ALL_FIELD_NAMES), 'Rollback plan');
    assert.equal(closest('Chnage type', ALL_FIELD_NAMES), 'Change type');
    assert.equal(closest('Verif', ALL_FIELD_NAMES)?.startsWith('Verification'), true);
    assert.equal(closest('Pager rotation', ALL_FIELD_NAMES), undefined);
    assert.equal(closest('', ALL_FIELD_NAMES), undefined);
    assert.equal(closest('Emergncy', ['Standard', 'Normal', 'Emergency']), 'Emergency');
  });

  it('finds incident references: KEY-123, #123 and URLs, uppercased and distinct', () => {
    assert.deepEqual(incidentRefs('INC-1234, inc-1234 and SEC-9'), ['INC-1234', 'SEC-9']);
    assert.deepEqual(incidentRefs('#42 https://status.example.com/i/7'), ['#42', 'https://status.example.com/i/7']);
    assert.deepEqual(incidentRefs('the outage'), []);
  });

  it('finds fields by name or alias, case-insensitively with spaces collapsed', () => {
    assert.equal(fieldByName('change  TYPE')?.key, 'changeType');
    assert.equal(fieldByName('Type')?.key, 'changeType');
    assert.equal(fieldByName('Backout plan')?.key, 'rollback');
    assert.equal(fieldByName('Verification method')?.key, 'verification');
    assert.equal(fieldByName('Approver')?.key, 'approval');
    assert.equal(fieldByName('Change summary')?.key, 'summary');
    assert.equal(fieldByName('Linked incident')?.key, 'incident');
    assert.equal(fieldByName('Incidents caused')?.key, 'causedIncidents');
    assert.equal(fieldByName('Notes'), undefined);
    assert.equal(foldName('  Risk \t level '), 'risk level');
  });
});

describe('the fast paths of values.ts and fields.ts give what their regexes give', () => {
  // The functions as they were before their fast paths: the edges each fast path skips are pinned here.
  const strip = (v: string) =>
    v
      .trim()
      .replace(/^[*_`~]+|[*_`~]+$/g, '')
      .trim();
  const PLACEHOLDER_WORDS = ['tbd', 'todo', 'n/a', 'na', 'none', '-', '?', '...', '…'];
  const placeholder = (value: string) => {
    const v = strip(value).trim().toLowerCase();
    if (v === '' || /^(tbd|todo)\b/.test(v)) return true;
    const core = v.replace(/[ \t\n\r.,;:!?…-]+$/, '');
    return core === '' || PLACEHOLDER_WORDS.includes(core) || PLACEHOLDER_WORDS.includes(v);
  };
  const seeBelow = (v: string) => /^see below[\s.:;,!]*$/i.test(strip(v).trim());
  const fold = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase();
  const enumOf = (v: string) =>
    STATUSES.find((a) => a.toLowerCase() === strip(v).trim().replace(/\s+/g, ' ').toLowerCase());
  const values = [
    '',
    ' ',
    'Low',
    ' Low',
    'Low ',
    '\tLow',
    'Low\t',
    'Low\u00a0',
    '\u00a0Low',
    '\u2003TBD',
    'TBD',
    'tbd',
    'Tbd.',
    '**TBD**',
    '`n/a`',
    'TODO later',
    'Todolist',
    'N/A',
    'NA',
    'Na',
    'nah',
    'none.',
    'None expected',
    'No',
    '@tbd',
    '@bob',
    '0',
    '2026-11-28',
    'see below',
    'See below.',
    'SEE BELOW:',
    ' see below',
    '*see below*',
    'Sea below',
    'see below for details',
    'in progress',
    'In  Progress',
    'In\tProgress',
    'IN PROGRESS',
    '**Closed**',
    '~Closed~',
    'Closed*',
    '_Closed_',
    'Closed\u2028',
    'x\u2028',
    'Ünïcode',
    '-',
    '…',
  ];
  it('isPlaceholder, isSeeBelow, stripInlineMarkup and matchEnum', () => {
    for (const v of values) {
      const s = JSON.stringify(v);
      assert.equal(isPlaceholder(v), placeholder(v), `isPlaceholder(${s})`);
      assert.equal(isSeeBelow(v), seeBelow(v), `isSeeBelow(${s})`);
      assert.equal(stripInlineMarkup(v), strip(v), `stripInlineMarkup(${s})`);
      assert.equal(matchEnum(v, STATUSES), enumOf(v), `matchEnum(${s})`);
    }
  });
  it('hasValue: neither placeholder nor "see below", for every first character the shortcuts read', () => {
    // Every first character a shortcut might misread, before the tails that make placeholders.
    const heads = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      ...['', '\t', '\n', '\u00a0', '\ufeff', '…', 'ſ', 'İ', 'K', 'é', '**', '`', '__', '~~'],
    ];
    const tails = [
      '',
      'bd',
      'BD',
      'odo',
      'ee below',
      'EE BELOW.',
      'one',
      'ONE!',
      '/a',
      'a',
      '.',
      '..',
      ' x',
      '**',
      ' ',
      '-',
    ];
    let values = 0;
    for (const h of heads)
      for (const t of tails) {
        const v = h + t;
        assert.equal(hasValue(v), !placeholder(v) && !seeBelow(v), JSON.stringify(v));
        values++;
      }
    assert.ok(values > 1000);
    for (const v of ['High', '@alice', '2026-11-28 10:00', 'Normal', 'TBD', 'see below', 'None.', '**see below**'])
      assert.equal(hasValue(v), !placeholder(v) && !seeBelow(v), v);
  });

  it('foldName and fieldByName, asked twice (the second answer comes from memory)', () => {
    const names = [
      'Change Owner',
      'Change  Owner',
      ' Change Owner',
      'Change Owner ',
      'change\towner',
      'CHANGE OWNER',
      'Change\u00a0Owner',
      'Change\r\nOwner',
      'Owner',
      'Notes',
      'Risk level',
      '',
    ];
    for (const n of names) {
      assert.equal(foldName(n), fold(n), JSON.stringify(n));
      const expected = ALL_FIELD_NAMES.find((a) => fold(a) === fold(n));
      for (let i = 0; i < 2; i++)
        assert.equal(fieldByName(n)?.name, expected && fieldByName(expected)?.name, JSON.stringify(n));
    }
    assert.equal(fieldByName('Notes'), undefined);
    for (const [n, log] of [
      ['Status log', true],
      ['Status  Log', true],
      [' STATUS HISTORY\t', true],
      ['log', true],
      ['Logs', false],
      ['Status', false],
    ] as const) {
      for (let i = 0; i < 2; i++) assert.equal(isStatusLogName(n), log, JSON.stringify(n));
      assert.equal(fieldByName(n)?.key, n === 'Status' ? 'status' : undefined, JSON.stringify(n));
    }
  });
});

describe('values on pathological input', () => {
  it('reads long runs of spaces or punctuation in linear time', () => {
    const long = 'a' + ', '.repeat(50_000) + 'x';
    const t = process.hrtime.bigint();
    assert.equal(isPlaceholder(long), false);
    assert.equal(isPlaceholder('none' + ' .'.repeat(50_000)), true);
    assert.equal(closest('x'.repeat(50_000), ALL_FIELD_NAMES), undefined);
    // A quadratic version takes tens of seconds here; linear takes milliseconds.
    assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 2000);
  });
});
