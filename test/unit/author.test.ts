import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitAuthor, osUser } from '../../server/src/node/author';

describe('author fallback (server and client share it)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'itsmote-author-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads git config user.name in the given folder', async () => {
    execFileSync('git', ['config', 'user.name', 'Ada Lovelace'], { cwd: dir });
    assert.equal(await gitAuthor(dir), 'Ada Lovelace');
  });
  it('gives the OS user name as a string', () => {
    assert.equal(typeof osUser(), 'string');
    assert.ok(osUser().length > 0);
  });
});
