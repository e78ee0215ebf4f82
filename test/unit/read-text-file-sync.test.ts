/**
 * The CLI's synchronous read (node/read-text-file-sync.ts): the text as `readFileSync` gives it,
 * the same refusals as the asynchronous read, and, when a walk said the file was regular (the
 * stat before the open skipped), a special file put there since is still refused, never read.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileBytesSync, readTextFileSync } from '../../server/src/node/read-text-file-sync';
import { decodeText } from '../../server/src/fs/file-system';

describe('readTextFileSync', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'itsmote-read-sync-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const regular of [false, true]) {
    it(`reads what readFileSync reads${regular ? ' (regular: true)' : ''}`, () => {
      const path = join(dir, 'a.md');
      // Multi-byte characters across a large file, and an empty one.
      writeFileSync(path, '# Ünïcödé ✓\n'.repeat(30_000));
      assert.deepEqual(readTextFileSync(path, { regular }), { ok: true, text: readFileSync(path, 'utf8') });
      writeFileSync(path, '');
      assert.deepEqual(readTextFileSync(path, { regular }), { ok: true, text: '' });
    });

    it(`drops a leading byte order mark, as a fatal TextDecoder does${regular ? ' (regular: true)' : ''}`, () => {
      const path = join(dir, 'bom.md');
      writeFileSync(path, '\uFEFF# Title\n\uFEFF');
      const want = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
      assert.equal(want, '# Title\n\uFEFF');
      assert.deepEqual(readTextFileSync(path, { regular }), { ok: true, text: want });
    });

    it(`refuses binary and invalid UTF-8${regular ? ' (regular: true)' : ''}`, () => {
      const path = join(dir, 'b.md');
      writeFileSync(path, Buffer.from([0x23, 0x20, 0x00, 0x0a]));
      assert.deepEqual(readTextFileSync(path, { regular }), { ok: false, reason: 'binary file (contains NUL bytes)' });
      writeFileSync(path, Buffer.from([0x23, 0x20, 0xff, 0x0a]));
      assert.deepEqual(readTextFileSync(path, { regular }), { ok: false, reason: 'not valid UTF-8' });
      // A lone surrogate encoded (CESU), and a sequence cut at the end of the file.
      writeFileSync(path, Buffer.from([0x23, 0xed, 0xa0, 0x80, 0x0a]));
      assert.deepEqual(readTextFileSync(path, { regular }), { ok: false, reason: 'not valid UTF-8' });
      writeFileSync(path, Buffer.from([0x23, 0x20, 0xe2, 0x9c]));
      assert.deepEqual(readTextFileSync(path, { regular }), { ok: false, reason: 'not valid UTF-8' });
    });
  }

  it('refuses a FIFO without blocking, even when told the file was regular', () => {
    const path = join(dir, 'x.md');
    execFileSync('mkfifo', [path]);
    assert.deepEqual(readTextFileSync(path), { ok: false, reason: 'not a regular file (a FIFO)' });
    // A walk found a regular file there, then it was replaced: the fstat after the open refuses it.
    assert.deepEqual(readTextFileSync(path, { regular: true }), { ok: false, reason: 'not a regular file (a FIFO)' });
  });

  it('reads into the buffer it is given when the file fits, into one of its own otherwise', () => {
    const path = join(dir, 'c.md');
    const scratch = Buffer.alloc(64, 0x2a);
    writeFileSync(path, '# Small ✓\n');
    const small = readFileBytesSync(path, { regular: true, into: scratch });
    assert.ok(small.ok);
    assert.equal(small.bytes.buffer, scratch.buffer, 'a view of the scratch buffer');
    assert.deepEqual(decodeText(small.bytes), { ok: true, text: '# Small ✓\n' });
    writeFileSync(path, 'x'.repeat(100));
    const large = readFileBytesSync(path, { regular: true, into: scratch });
    assert.ok(large.ok);
    assert.notEqual(large.bytes.buffer, scratch.buffer);
    assert.equal(large.bytes.toString(), 'x'.repeat(100));
    // A special file is refused before anything is read into it.
    const fifo = join(dir, 'f.md');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(readFileBytesSync(fifo, { regular: true, into: scratch }), {
      ok: false,
      reason: 'not a regular file (a FIFO)',
    });
  });

  it('reports a missing file', () => {
    const r = readTextFileSync(join(dir, 'gone.md'), { regular: true });
    assert.equal(r.ok, false);
  });
});
