/** Freezes from `.itsmote.json` on the command line: CM041 in check and list, config errors naming the entry. */
import { strict as assert } from 'node:assert';
import { itsmote, json, NOW, tempTree, validChange } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';
import type { ListEntry } from '../../server/src/cli/list-command';

const FREEZE = {
  name: 'December freeze',
  start: '2026-12-01 00:00 UTC',
  end: '2026-12-02 00:00 UTC',
  services: ['payments-*'],
};

describe('freezes on the command line', () => {
  const t = tempTree({
    '.itsmote.json': JSON.stringify({ freezes: [FREEZE, { ...FREEZE, name: 'Broken', end: 'tomorrow' }] }),
    'changes/normal.md': validChange(),
    'changes/other-service.md': validChange({ services: 'search' }),
  });
  after(() => t.cleanup());

  it('reports CM041 on the window, names the bad freeze entry on stderr, and applies the good one', () => {
    const r = itsmote(['check', '--now', NOW, '-f', 'json', t.dir]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /\.itsmote\.json:\d+:\d+: "freezes\[1\]\.end" expected YYYY-MM-DD HH:MM.*\. The default applies\./,
    );
    const byFile = new Map(json<JsonFileResult[]>(r).map((f) => [f.file.replace(/^.*\/changes\//, ''), f.diagnostics]));
    const d = byFile.get('normal.md')!;
    assert.deepEqual(
      d.map((x) => x.code),
      ['CM041'],
    );
    assert.equal(d[0]!.range.start.line, 7);
    assert.match(
      d[0]!.message,
      /"December freeze" \(2026-12-01 00:00 UTC until 2026-12-02 00:00 UTC\), which covers payments-db/,
    );
    assert.deepEqual(byFile.get('other-service.md'), []);
  });

  it('marks the change in `list --format json`', () => {
    const entries = json<ListEntry[]>(itsmote(['list', '--now', NOW, '-f', 'json', t.dir]));
    assert.deepEqual(entries.find((e) => e.id === 'normal')?.freezes, [
      { name: 'December freeze', start: '2026-12-01T00:00:00.000Z', end: '2026-12-02T00:00:00.000Z' },
    ]);
    assert.equal(entries.find((e) => e.id === 'other-service')?.freezes, undefined);
  });
});
