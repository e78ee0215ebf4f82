/**
 * A repository whose `.git/config` makes git wait forever (an `[include]` of a FIFO: git blocks
 * opening it until a writer comes, and none does). The git-backed commands must stop with the
 * reason and exit 2 instead of hanging until CI's own limit. `ITSMOTE_GIT_TIMEOUT_MS` shortens
 * the default limit (60 s) so the test is quick; the process limit of the test is far above it.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCase } from '../helpers/hostile-repo';
import type { BuiltCase } from '../helpers/hostile-repo';
import { NOW, itsmote } from './run';
import { skipBecause } from '../support/skip';

const GIT_LIMIT_MS = 1500;
const PROCESS_LIMIT_MS = 20_000;
const TIMED_OUT = /git gave no answer within 1\.5 s and was stopped \(a repository config can make git wait forever/;

function hasMkfifo(): boolean {
  return existsSync('/usr/bin/mkfifo') || existsSync('/bin/mkfifo');
}

describe('CLI: git that never answers is stopped, with the reason', function () {
  this.timeout(PROCESS_LIMIT_MS * 2);
  let t: BuiltCase | undefined;
  const run = (args: string[]) =>
    itsmote(args, { cwd: t!.dir, timeoutMs: PROCESS_LIMIT_MS, env: { ITSMOTE_GIT_TIMEOUT_MS: String(GIT_LIMIT_MS) } });

  beforeEach(function () {
    if (!hasMkfifo()) skipBecause(this, 'mkfifo is not available');
    t = buildCase({
      name: 'a .git/config that includes a FIFO',
      git: true,
      arm(dir) {
        execFileSync('mkfifo', [join(dir, '.git', 'trap')]);
        appendFileSync(join(dir, '.git', 'config'), '[include]\n\tpath = trap\n');
      },
    });
  });
  afterEach(() => t?.cleanup());

  it('check --changed exits 2 and says git was stopped', () => {
    const r = run(['check', '-f', 'json', '--now', NOW, '--changed', 'HEAD~1', '.']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, TIMED_OUT);
    assert.doesNotMatch(r.stderr, /internal error|not in a git repository/);
  });

  it('audit exits 2 and says git was stopped', () => {
    const r = run(['audit', '-f', 'json', '.']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, TIMED_OUT);
  });

  it('plain check finds the catalog by walking instead, and checks as usual', () => {
    const r = run(['check', '-f', 'json', '--now', NOW, '.']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
  });
});
