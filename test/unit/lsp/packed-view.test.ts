/**
 * Closed documents keep their view packed (server/src/lsp/packed-view.ts): what the index reads
 * of it must equal the unpacked view, and CM040, metrics and summaries over packed entries must
 * equal those over the full analyses.
 */
import * as assert from 'node:assert/strict';
import { CORPUS_NOW, generateCorpus } from '../../../scripts/bench/corpus';
import { generateRealisticCorpus, REALISTIC_EXTRA_FIELDS } from '../../../scripts/bench/realistic-corpus';
import { fastAnalysis } from '../../../server/src/core/fast/index';
import { checkSetRules, isSetMember } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import type { Config } from '../../../server/src/core/config';
import { computeMetrics } from '../../../server/src/core/metrics';
import { makeRecord, viewOf } from '../../../server/src/core/record';
import { RULES } from '../../../server/src/core/rules/index';
import { buildEntry } from '../../../server/src/lsp/entry';
import { oneByteJson, PackedView } from '../../../server/src/lsp/packed-view';
import { docFacts } from '../../../server/src/core/rules/util';
import { computeSetDiagnostics } from '../../../server/src/lsp/set-rules';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';

const config: Config = { ...defaultConfig(), extraFields: [...REALISTIC_EXTRA_FIELDS] };
// Open changes crowded into a few weeks: CM040 has overlaps to report.
const docs = [...generateRealisticCorpus(1200, { seed: 11, openAtMost: 300 }), ...generateCorpus(300, { seed: 3 })].map(
  (d, i) => ({ uri: `file:///ws/changes/${i}-${d.name}`, text: d.text }),
);

/** Whether every character of `s` is one byte in Latin-1. */
const latin1 = (s: string) => [...s].every((c) => c.charCodeAt(0) <= 0xff);

describe('packed views of closed documents', () => {
  it('reads back every part of the view as it was made', () => {
    let packed = 0;
    for (const d of docs) {
      const view = viewOf(makeRecord(fastAnalysis(d.text, d.uri), { config }), config.extraFields);
      if (isSetMember(docFacts(view.doc))) continue;
      const kept = new PackedView(view);
      packed++;
      assert.deepEqual(kept.summary, view.summary, d.uri);
      assert.deepEqual(kept.doc, view.doc, d.uri);
      assert.deepEqual(kept.allowedNext, view.allowedNext, d.uri);
      assert.deepEqual(kept.suppressions, view.suppressions, d.uri);
      assert.deepEqual(kept.facts, view.facts, d.uri);
      // Each read is a fresh object: a caller changing it changes nothing kept.
      assert.notEqual(kept.summary, kept.summary);
    }
    assert.ok(packed > docs.length / 2, `most views are packed (${packed} of ${docs.length})`);
  });

  it('writes JSON as one-byte text whatever the characters, and reads them back', () => {
    const values = [
      { title: 'Migrate — the “search” index → cdn', by: '@zoë' },
      { title: 'Emoji 🚀 and CJK 検索 and a lone \ud800 surrogate', n: [1, 2, 3] },
      { plain: 'ascii only', nested: { a: ['x', 'é'] } },
      'x'.repeat(20_000) + '→',
    ];
    for (const v of values) {
      const s = oneByteJson(v);
      assert.ok(latin1(s), JSON.stringify(v).slice(0, 40));
      assert.deepEqual(JSON.parse(s), v);
    }
  });

  it('gives the CM040 diagnostics of the full analyses over closed entries', () => {
    // The index passes only the changes CM040 compares: it must be the only set rule.
    assert.deepEqual(
      RULES.filter((r) => r.scope === 'set').map((r) => r.id),
      ['CM040'],
      'a new set rule: its `member` (read by core/check.ts isSetMember) must cover what it compares',
    );
    const entries = docs.map((d) =>
      buildEntry({ ...d, version: null, config, settings: DEFAULT_SETTINGS, now: CORPUS_NOW }),
    );
    const changes = entries.filter((e) => e.isChange);
    assert.ok(changes.some((e) => e.view instanceof PackedView));
    const expected = checkSetRules(
      docs.filter((_, i) => entries[i]!.isChange).map((d) => ({ key: d.uri, analysis: fastAnalysis(d.text, d.uri) })),
      { config, now: CORPUS_NOW },
    );
    const got = computeSetDiagnostics(entries, CORPUS_NOW);
    const nonEmpty = new Map([...expected].filter(([, ds]) => ds.length > 0));
    assert.ok(nonEmpty.size > 10, `the corpus has overlaps (${nonEmpty.size})`);
    assert.deepEqual(
      [...got.keys()].sort(),
      [...nonEmpty.keys()].sort(),
      'the same documents receive CM040 diagnostics',
    );
    for (const [uri, ds] of nonEmpty)
      assert.deepEqual(
        got.get(uri)!.map((d) => [d.range, d.message, d.data]),
        ds.map((d) => [d.range, d.message, d.data]),
        uri,
      );
  });

  it('gives the metrics and summaries of the full analyses over closed entries', () => {
    const entries = docs
      .map((d) => ({ d, e: buildEntry({ ...d, version: null, config, settings: DEFAULT_SETTINGS, now: CORPUS_NOW }) }))
      .filter(({ e }) => e.isChange);
    const full = entries.map(({ d }) => fastAnalysis(d.text, d.uri));
    assert.deepEqual(computeMetrics(entries.map(({ e }) => e.view.doc)), computeMetrics(full.map((a) => a.doc)));
    for (const [i, { e }] of entries.entries())
      assert.deepEqual(e.view.summary, viewOf(makeRecord(full[i]!, { config }), config.extraFields).summary);
  });
});
