/** `itsmote gate`: every reason it refuses for, the allowed cases, exit codes 0/1/2, text and JSON. */
import { strict as assert } from 'node:assert';
import { itsmote, isOneLineError, json, tempTree, validChange } from './run';
import type { GateJson } from '../../server/src/cli/gate-command';

// validChange(): Normal, Approved by @bob, window 2026-12-01 14:00 UTC, 60 min, payments-db.
const IN_WINDOW = '2026-12-01T14:10:00Z';
const P = '2026-11-26 10:02 UTC Planned by @alice';
const A = '2026-11-27 09:15 UTC Approved by @bob';

const STANDARD = validChange({ status: 'Planned', log: [P] })
  .replace('- Change type: Normal', '- Change type: Standard')
  .replace('- Risk level: High', '- Risk level: Low')
  .replace(/- Approval.*\n/, '');
const EMERGENCY_NO_WINDOW = validChange({ status: 'In Progress', log: ['2026-12-01 13:00 UTC In Progress by @alice'] })
  .replace('- Change type: Normal', '- Change type: Emergency\n- Incident: INC-9')
  .replace(/- Planned execution time.*\n/, '')
  .replace(/- Approval.*\n/, '');

const t = tempTree({
  '.itsmote.json': JSON.stringify({
    freezes: [
      { name: 'Year-end', start: '2026-12-20 00:00 UTC', end: '2027-01-04 00:00 UTC', services: ['payments-*'] },
    ],
  }),
  'changes/approved.md': validChange(),
  'changes/standard-planned.md': STANDARD,
  'changes/running.md': validChange({
    status: 'In Progress',
    log: [P, A, '2026-12-01 14:02 UTC In Progress by @alice'],
  }),
  'changes/emergency.md': EMERGENCY_NO_WINDOW,
  'changes/not-approved.md': validChange({ status: 'Planned', log: [P] }).replace(/- Approval.*\n/, ''),
  'changes/rejected.md': validChange({ status: 'Rejected', log: [P, '2026-11-27 09:00 UTC Rejected by @bob'] }).replace(
    /- Approval.*\n/,
    '',
  ),
  'changes/verifying.md': validChange({
    status: 'Verifying',
    log: [P, A, '2026-12-01 14:02 UTC In Progress by @alice', '2026-12-01 14:30 UTC Verifying by @alice'],
  }),
  'changes/no-rollback.md': validChange().replace(/- Rollback plan.*\n/, ''),
  'changes/in-freeze.md': validChange({ window: '2026-12-22 10:00 UTC, 60 min' }),
  'changes/emergency-in-freeze.md': EMERGENCY_NO_WINDOW.replace(
    '- Status: In Progress',
    '- Status: In Progress\n- Planned execution time: 2026-12-22 10:00 UTC, 60 min',
  ),
  'changes/no-window.md': validChange().replace(/- Planned execution time.*\n/, ''),
  // Same service and window as approved.md: CM040 is a warning by default, so it does not block.
  'changes/conflict.md': validChange({ window: '2026-12-01 14:30 UTC, 60 min' }),
});
after(() => t.cleanup());

const gate = (file: string, ...args: string[]) => itsmote(['gate', `changes/${file}.md`, ...args], { cwd: t.dir });
const reasons = (file: string, now: string, ...args: string[]) => {
  const r = gate(file, '--now', now, '-f', 'json', ...args);
  const out = json<GateJson>(r);
  assert.equal(r.code, out.allowed ? 0 : 1, r.stderr);
  return out.reasons.map((x) => x.reason);
};

describe('itsmote gate: allowed', () => {
  it('allows an Approved change inside its window (exit 0, one line), despite a CM040 warning', () => {
    const r = gate('approved', '--now', IN_WINDOW);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(
      r.stdout,
      'changes/approved.md: allowed: approved may be executed now (2026-12-01 14:10 UTC; Normal change, Approved, window 2026-12-01 14:00 UTC to 2026-12-01 15:00 UTC)\n',
    );
    assert.equal(r.stderr, '');
  });

  it('allows a Planned Standard change (no approval needed), a change already In Progress, and an Emergency change without a window', () => {
    assert.deepEqual(reasons('standard-planned', IN_WINDOW), []);
    assert.deepEqual(reasons('running', IN_WINDOW), []);
    assert.deepEqual(reasons('emergency', IN_WINDOW), []);
  });

  it('allows an Emergency change in a freeze (Emergency is allowed by default)', () => {
    assert.deepEqual(reasons('emergency-in-freeze', '2026-12-22T10:05:00Z'), []);
  });

  it('treats the window as [start, end): its first minute is in, its end is out; --early opens it sooner', () => {
    assert.deepEqual(reasons('approved', '2026-12-01T14:00:00Z'), []);
    assert.deepEqual(reasons('approved', '2026-12-01T14:59:59Z'), []);
    assert.deepEqual(reasons('approved', '2026-12-01T15:00:00Z'), ['after-window']);
    assert.deepEqual(reasons('approved', '2026-12-01T13:45:00Z'), ['before-window']);
    assert.deepEqual(reasons('approved', '2026-12-01T13:45:00Z', '--early', '15'), []);
    assert.deepEqual(reasons('approved', '2026-12-01T13:44:59Z', '--early', '15'), ['before-window']);
  });

  it('reads the clock from ITSMOTE_NOW too', () => {
    assert.equal(itsmote(['gate', 'changes/approved.md'], { cwd: t.dir, env: { ITSMOTE_NOW: IN_WINDOW } }).code, 0);
  });
});

describe('itsmote gate: refused (exit 1, one line per reason)', () => {
  it('errors: names each error diagnostic with its rule and line', () => {
    const r = gate('no-rollback', '--now', IN_WINDOW);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^changes\/no-rollback\.md:3: refused \(error\): CM010: No rollback plan\./);
    const out = json<GateJson>(gate('no-rollback', '--now', IN_WINDOW, '-f', 'json'));
    assert.deepEqual(
      out.reasons.map((x) => [x.reason, x.code, x.line]),
      [['error', 'CM010', 3]],
    );
  });

  it('approval and status: a Normal change still Planned without approval', () => {
    const r = gate('not-approved', '--now', IN_WINDOW);
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => /refused \(([^)]+)\)/.exec(l)?.[1]),
      ['approval', 'status'],
    );
    assert.match(r.stdout, /needs approval .* neither an Approval value nor an Approved status log entry/);
    assert.match(
      r.stdout,
      /Status is Planned and this change needs approval first; the gate lets a change start when it is Approved \(or In Progress\)\./,
    );
  });

  it('status: a change past In Progress, or Rejected (no approval reason then: the status says it)', () => {
    assert.deepEqual(reasons('verifying', IN_WINDOW), ['status']);
    assert.deepEqual(reasons('rejected', IN_WINDOW), ['status']);
  });

  it('before and after the window', () => {
    const before = gate('approved', '--now', '2026-12-01T12:30:00Z');
    assert.equal(before.code, 1);
    assert.equal(
      before.stdout,
      'changes/approved.md: refused (before-window): The window 2026-12-01 14:00 UTC to 2026-12-01 15:00 UTC has not started (now: 2026-12-01 12:30 UTC); it opens in 90 min.\n',
    );
    const after = gate('approved', '--now', '2026-12-02T09:00:00Z');
    assert.equal(after.code, 1);
    assert.match(
      after.stdout,
      /refused \(after-window\): The window 2026-12-01 14:00 UTC to 2026-12-01 15:00 UTC is over \(now: 2026-12-02 09:00 UTC\)/,
    );
  });

  it('no window: a Normal change must have one', () => {
    assert.deepEqual(reasons('no-window', IN_WINDOW), ['no-window']);
  });

  it('freeze: a freeze in force, named with its end (CM041 on the same freeze is not repeated)', () => {
    const out = json<GateJson>(gate('in-freeze', '--now', '2026-12-22T10:05:00Z', '-f', 'json'));
    assert.equal(out.allowed, false);
    assert.deepEqual(
      out.reasons.map((x) => x.reason),
      ['freeze'],
    );
    assert.equal(out.reasons[0]!.freeze, 'Year-end');
    assert.equal(out.reasons[0]!.until, '2027-01-04T00:00:00.000Z');
    assert.match(
      out.reasons[0]!.message,
      /The freeze "Year-end" is in force until 2027-01-04 00:00 UTC on payments-db; only Emergency changes may run in it\./,
    );
    // Outside the window, the planned window still runs into the freeze: CM041 is the error.
    assert.deepEqual(
      json<GateJson>(gate('in-freeze', '--now', '2026-12-19T10:00:00Z', '-f', 'json')).reasons.map((x) => [
        x.reason,
        x.code,
      ]),
      [
        ['error', 'CM041'],
        ['before-window', undefined],
      ],
    );
  });

  it('freeze: starting --early inside a freeze is refused, though the window itself only touches the freeze', () => {
    const dir = tempDirWith('changes/early.md', validChange({ window: '2027-01-04 00:00 UTC – 01:00' }));
    const run = (now: string) =>
      json<GateJson>(itsmote(['gate', 'changes/early.md', '--now', now, '--early', '60', '-f', 'json'], { cwd: dir }));
    assert.deepEqual(
      run('2027-01-03T23:30:00Z').reasons.map((x) => x.reason),
      ['freeze'],
    );
    assert.deepEqual(run('2027-01-04T00:00:00Z').reasons, []);
  });

  it('gives the documented JSON shape', () => {
    const out = json<GateJson>(gate('approved', '--now', IN_WINDOW, '-f', 'json'));
    assert.deepEqual(Object.keys(out).sort(), ['allowed', 'change', 'file', 'now', 'reasons']);
    assert.deepEqual(out.change, {
      id: 'approved',
      title: 'Upgrade payments-db',
      type: 'Normal',
      status: 'Approved',
      window: { start: '2026-12-01T14:00:00.000Z', end: '2026-12-01T15:00:00.000Z' },
    });
    assert.equal(out.now, '2026-12-01T14:10:00.000Z');
    assert.equal(out.allowed, true);
  });
});

/** A one-off tree with the Year-end freeze config and one file (cleaned up with the suite's). */
function tempDirWith(rel: string, text: string): string {
  const one = tempTree({
    '.itsmote.json': JSON.stringify({
      freezes: [{ name: 'Year-end', start: '2026-12-20 00:00 UTC', end: '2027-01-04 00:00 UTC' }],
    }),
    [rel]: text,
  });
  after(() => one.cleanup());
  return one.dir;
}

describe('itsmote gate: usage and I/O errors (exit 2)', () => {
  for (const [what, args] of [
    ['no document', []],
    ['two documents', ['changes/approved.md', 'changes/running.md']],
    ['a folder', ['changes']],
    ['a missing file', ['changes/nope.md']],
    ['a bad --early', ['changes/approved.md', '--early', '-5']],
    ['a bad --now', ['changes/approved.md', '--now', 'tomorrow']],
    ['an unknown format', ['changes/approved.md', '-f', 'sarif']],
  ] as const) {
    it(`exits 2 with one line for ${what}`, () => {
      const r = itsmote(['gate', ...args], { cwd: t.dir });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.ok(isOneLineError(r.stderr), r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('prints its help', () => {
    const r = itsmote(['gate', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: itsmote gate/);
    assert.match(r.stdout, /--early <min>/);
  });
});
