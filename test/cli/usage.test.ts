/** Usage errors, help and version: exit codes and one-line messages without stack traces. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOneLineError, itsmote, ROOT } from './run';

describe('itsmote usage', () => {
  const usageErrors: [string, string[], RegExp][] = [
    ['no command', [], /missing command/],
    ['a path given without a command', ['examples'], /unknown command "examples"/],
    ['an unknown command, with a suggestion', ['chekc'], /unknown command "chekc"; did you mean "check"\?/],
    ['an unknown option', ['check', '--fromat', 'json'], /unknown option "--fromat"; did you mean "--format"\?/],
    ['an unknown option before the command', ['--verbose', 'check'], /unknown option "--verbose"/],
    ['a missing option value', ['check', 'examples', '--format'], /--format needs a value/],
    [
      'an unknown format',
      ['check', '--format', 'xml'],
      /unknown format "xml" for --format; use one of text, json, sarif, github, e\.g\. --format json$/m,
    ],
    ['a format of another command', ['list', '--format', 'sarif'], /unknown format "sarif"/],
    ['a bad --now', ['check', '--now', 'yesterday'], /--now must be an ISO 8601 time/],
    [
      'an impossible --now date',
      ['check', '--now', '2026-02-30T10:00:00Z'],
      /--now names a day that does not exist \(2026-02-30\)/,
    ],
    ['a bad --max-warnings', ['check', '--max-warnings', 'many'], /--max-warnings must be a whole number/],
    [
      'a negative --max-warnings (not "needs a value")',
      ['check', '--max-warnings', '-1'],
      /^itsmote: --max-warnings must be a whole number of 0 or more, not "-1", e\.g\. --max-warnings 0$/m,
    ],
    [
      'a negative --tolerance-hours',
      ['audit', '--tolerance-hours', '-2'],
      /--tolerance-hours must be a number of hours of 0 or more, not "-2", e\.g\. --tolerance-hours 24$/m,
    ],
    [
      'a missing option value, with an example',
      ['check', '--now'],
      /^itsmote: --now needs a value, e\.g\. --now 2026-11-28T12:00:00Z \(run "itsmote check --help"\)$/m,
    ],
    ['an unknown status', ['list', '--status', 'done'], /unknown status "done"/],
    ['an empty status', ['list', '--status', ' , '], /--status needs a status/],
    [
      'a bad month',
      ['metrics', '--month', '2026-13'],
      /--month must be a month written YYYY-MM, not "2026-13", e\.g\. --month 2026-11/,
    ],
    ['help for an unknown command', ['help', 'frobnicate'], /no help for "frobnicate"/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`exits with 2 and one line for ${what}`, () => {
      const r = itsmote(args);
      assert.equal(r.code, 2, r.stderr);
      assert.ok(isOneLineError(r.stderr), r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  it('treats a bad ITSMOTE_NOW as a usage error too', () => {
    const r = itsmote(['check', 'examples'], { env: { ITSMOTE_NOW: 'next tuesday' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^itsmote: ITSMOTE_NOW must be an ISO 8601 time/);
    const impossible = itsmote(['check', 'examples'], { env: { ITSMOTE_NOW: '2026-02-31' } });
    assert.equal(impossible.code, 2);
    assert.match(impossible.stderr, /^itsmote: ITSMOTE_NOW names a day that does not exist \(2026-02-31\)/);
  });

  it('exits with 2 for a path that does not exist, after checking the others', () => {
    const r = itsmote([
      'check',
      '-f',
      'json',
      '--now',
      '2026-11-28T12:00:00Z',
      'no/such/folder',
      'examples/changes/2026-12-01-upgrade-payments-db.md',
    ]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'itsmote: no/such/folder: no such file or directory\n');
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 1);
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = itsmote([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  it('prints help for the program and for each command', () => {
    const program = itsmote(['--help']);
    assert.equal(program.code, 0);
    for (const c of ['check', 'list', 'metrics']) assert.match(program.stdout, new RegExp(`^ {2}${c} `, 'm'));
    const options: Record<string, string[]> = {
      check: ['--format', '--now', '--max-warnings'],
      list: ['--format', '--status', '--now'],
      metrics: ['--format', '--month'],
    };
    for (const [c, opts] of Object.entries(options)) {
      for (const args of [
        [c, '--help'],
        [c, '-h'],
        ['help', c],
      ]) {
        const r = itsmote(args);
        assert.equal(r.code, 0, args.join(' '));
        assert.match(r.stdout, new RegExp(`^Usage: itsmote ${c} `));
        for (const o of opts) assert.ok(r.stdout.includes(o), `${c} help names ${o}`);
      }
    }
  });

  it('does not read files when asked for help', () => {
    const r = itsmote(['check', '--help', 'no/such/path']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
  });
});
