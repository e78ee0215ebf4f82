/**
 * Records read lazily from a cache (core/record-codec.ts `decodeRecordLazy`, node/record-cache.ts):
 * the hot part (values, stable diagnostics, directives) is decoded at once, the cold part (header
 * items, status log) when a rule first reads it. A lazy record must check, summarize and count
 * like the record it was packed from, at any clock and with repository facts; a damaged hot part
 * is a miss, a damaged cold part an error that names the cache, never a wrong result.
 */
import * as assert from 'node:assert/strict';
import { CORPUS_NOW } from '../../scripts/bench/corpus';
import { generateRealisticCorpus, REALISTIC_EXTRA_FIELDS } from '../../scripts/bench/realistic-corpus';
import { fastAnalysis } from '../../server/src/core/fast/index';
import { checkSetRules } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import type { Config } from '../../server/src/core/config';
import { makeRecord, recordAnalysis, recordDiagnostics } from '../../server/src/core/record';
import { summarize } from '../../server/src/core/summary';
import { computeMetrics } from '../../server/src/core/metrics';
import { countDocumentPeople } from '../../server/src/core/repo/facts';
import { packRecord, unpackRecord, unpackRecordLazy } from '../../server/src/node/record-cache';

const HOUR = 3_600_000;
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('lazily decoded records', () => {
  const config: Config = { ...defaultConfig(), extraFields: [...REALISTIC_EXTRA_FIELDS] };
  const analyses = generateRealisticCorpus(400, { seed: 11, openAtMost: 120 }).map((d) => fastAnalysis(d.text, d.name));
  const records = analyses.map((a) => makeRecord(a, { config }));

  it('hold what the record held (as JSON), eagerly or lazily unpacked', () => {
    for (const r of records) {
      const packed = packRecord(r);
      assert.ok(packed.includes('\t'), 'hot and cold parts');
      assert.deepStrictEqual(json(unpackRecordLazy(packed)), json(r));
      assert.deepStrictEqual(json(unpackRecord(packed)), json(r));
    }
  });

  it('give the diagnostics, set-rule findings, summaries and metrics of the record, at other clocks', () => {
    const repo = {
      people: ['@alice', '@bob'],
      peopleInDocuments: countDocumentPeople(records.map((r) => r.doc)),
      services: ['payments-api', 'checkout'],
    };
    let volatile = 0;
    for (const now of [CORPUS_NOW, CORPUS_NOW + 60 * 24 * HOUR, CORPUS_NOW - 300 * 24 * HOUR]) {
      // Fresh lazy records for each clock: nothing decoded before the rules read it.
      const lazy = records.map((r) => unpackRecordLazy(packRecord(r))!);
      for (const [i, r] of records.entries()) {
        for (const opts of [
          { config, now },
          { config, now, repo },
        ]) {
          const want = recordDiagnostics(r, opts);
          assert.deepStrictEqual(recordDiagnostics(lazy[i]!, opts), want);
          if (want.some((d) => ['CM016', 'CM017', 'CM036'].includes(String(d.code)))) volatile++;
        }
      }
      const set = (rs: typeof records) =>
        checkSetRules(
          rs.map((r, i) => ({ key: String(i), analysis: recordAnalysis(r) })),
          { config, now },
        );
      assert.deepStrictEqual(set(lazy), set(records));
    }
    assert.ok(volatile > 50, `${volatile} checks with clock or repository findings`);
    const lazy = records.map((r) => unpackRecordLazy(packRecord(r))!);
    assert.deepStrictEqual(
      lazy.map((r) => summarize(r.doc, [], config.extraFields)),
      records.map((r) => summarize(r.doc, [], config.extraFields)),
    );
    const lazy2 = records.map((r) => unpackRecordLazy(packRecord(r))!);
    assert.deepStrictEqual(computeMetrics(lazy2.map((r) => r.doc)), computeMetrics(records.map((r) => r.doc)));
  });

  it('are a miss when the hot part is damaged, and throw naming the cache when the cold part is', () => {
    const r = records.find((x) => x.doc.statusLog && x.doc.header)!;
    const packed = packRecord(r);
    const tab = packed.indexOf('\t');
    assert.equal(unpackRecordLazy(packed.slice(0, tab)), undefined, 'no cold part');
    assert.equal(unpackRecordLazy(`{"i":3}\t${packed.slice(tab + 1)}`), undefined);
    assert.equal(unpackRecord(`${packed.slice(0, tab)}\t[0,0]`), undefined);
    const damaged = unpackRecordLazy(`${packed.slice(0, tab)}\t[0,0]`)!;
    assert.ok(damaged, 'the hot part alone decodes');
    assert.throws(() => damaged.doc.statusLog, /cached record is damaged.*delete the cache file/);
    assert.throws(() => damaged.doc.header!.items, /cached record is damaged/);
  });
});
