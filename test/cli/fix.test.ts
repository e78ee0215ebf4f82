/**
 * `itsmote check --fix`: the safe fixes (the editor's Fix all) written in place, only their
 * bytes; nothing that needs the author; a file that changed meanwhile left alone.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { itsmote, isOneLineError, NOW, tempTree, validChange } from './run';
import { fixFiles } from '../../server/src/cli/fix-files';
import { defaultConfig } from '../../server/src/core/config';
import { fastAnalysis } from '../../server/src/core/fast/index';

const VALID = validChange();
/** Two safe fixes (CM006, CM003) and one that needs the author (CM012: the owner is "the team"). */
const TYPOS = VALID.replace('- Rollback plan:', '- Rolback plan:').replace('Risk level: High', 'Risk level: Hgh');

describe('CLI: check --fix', () => {
  it('writes the safe fixes, only their bytes, and reports what is left', () => {
    const withOwner = TYPOS.replace('Change Owner: @alice', 'Change Owner: the team');
    const clean = validChange({ services: 'search-api' });
    const t = tempTree({ 'changes/a.md': withOwner, 'changes/clean.md': clean });
    try {
      const before = statSync(join(t.dir, 'changes/clean.md')).mtimeMs;
      const r = itsmote(['check', 'changes', '--fix', '--format', 'json', '--now', NOW], { cwd: t.dir });
      assert.match(r.stderr, /^itsmote: fixed 1 file: changes[/\\]a\.md$/m);
      assert.equal(
        readFileSync(join(t.dir, 'changes/a.md'), 'utf8'),
        VALID.replace('Change Owner: @alice', 'Change Owner: the team'),
      );
      // What needs the author is reported, not guessed: the output is the check after the fixes.
      const out = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
      assert.deepEqual(
        out.flatMap((f) => f.diagnostics.map((d) => d.code)),
        ['CM012'],
      );
      assert.equal(r.code, 1);
      assert.equal(
        statSync(join(t.dir, 'changes/clean.md')).mtimeMs,
        before,
        'a file with nothing to fix is not written',
      );
      // A second run has nothing safe left to do.
      const again = itsmote(['check', 'changes', '--fix', '--now', NOW], { cwd: t.dir });
      assert.doesNotMatch(again.stderr, /fixed/);
    } finally {
      t.cleanup();
    }
  });

  it('keeps CRLF line ends and a leading BOM', () => {
    const crlf = `\uFEFF${TYPOS.replace(/\n/g, '\r\n')}`;
    const t = tempTree({ 'changes/a.md': crlf });
    try {
      const r = itsmote(['check', 'changes', '--fix', '--now', NOW], { cwd: t.dir });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(readFileSync(join(t.dir, 'changes/a.md'), 'utf8'), `\uFEFF${VALID.replace(/\n/g, '\r\n')}`);
    } finally {
      t.cleanup();
    }
  });

  it('leaves a file alone when it changed after it was read', () => {
    const t = tempTree({ 'changes/a.md': TYPOS });
    try {
      const file = join(t.dir, 'changes/a.md');
      const doc = { file, analysis: fastAnalysis(TYPOS, file), config: defaultConfig() };
      writeFileSync(file, `${TYPOS}\nA line the author just typed.\n`);
      const r = fixFiles([doc], Date.parse(NOW));
      assert.equal(r.fixed.size, 0);
      assert.deepEqual(r.skipped, [{ file, reason: 'it changed while it was checked; run again' }]);
      assert.equal(readFileSync(file, 'utf8'), `${TYPOS}\nA line the author just typed.\n`);
    } finally {
      t.cleanup();
    }
  });

  it('does not go with --changed', () => {
    const r = itsmote(['check', 'examples', '--fix', '--changed', 'HEAD']);
    assert.equal(r.code, 2);
    assert.ok(isOneLineError(r.stderr), r.stderr);
    assert.match(r.stderr, /--fix .* --changed/);
  });
});
