/**
 * A record (core/record.ts) must give the diagnostics of a full check at any clock and with any
 * repository facts: cached stable diagnostics plus the volatile rules (CM016, CM017, CM036) run
 * on the slim model. Also: the slim model is enough for CM040, summaries and metrics.
 */
import * as assert from 'node:assert/strict';
import { generateCorpus, CORPUS_NOW } from '../../scripts/bench/corpus';
import { fastAnalysis } from '../../server/src/core/fast/index';
import { checkDocument, checkSetRules } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import type { Config } from '../../server/src/core/config';
import { makeRecord, recordAnalysis, recordDiagnostics, slimModel } from '../../server/src/core/record';
import { compactModel } from '../../server/src/core/compact-model';
import { RULES } from '../../server/src/core/rules/index';
import { summarize } from '../../server/src/core/summary';
import { computeMetrics } from '../../server/src/core/metrics';
import { countDocumentPeople, peopleOfDocument } from '../../server/src/core/repo/facts';
import type { RepoFacts } from '../../server/src/core/repo/facts';
import { VALID_NORMAL } from '../helpers/doc';
import { decodeRecord, encodeRecord, encodeRecordParts } from '../../server/src/core/record-codec';
import { generateRealisticCorpus, REALISTIC_EXTRA_FIELDS } from '../../scripts/bench/realistic-corpus';

const HOUR = 3_600_000;
const docs = generateCorpus(250, { seed: 7 });

describe('document records', () => {
  it('marks exactly the rules that read the clock or the repository as volatile', () => {
    assert.deepEqual(
      RULES.filter((r) => r.reads).map((r) => `${r.id}:${r.reads}`),
      ['CM016:repository', 'CM017:repository', 'CM036:clock'],
    );
  });

  it('gives the diagnostics of a full check at other clocks, with repository facts and suppressions', () => {
    const analyses = docs.map((d) => fastAnalysis(d.text, d.name));
    const people = countDocumentPeople(analyses.map((a) => a.doc));
    const repo: RepoFacts = {
      people: ['@alice', '@bob', '@org/team'],
      peopleInDocuments: people,
      services: ['payments-api', 'checkout', 'search'],
    };
    const config: Config = { ...defaultConfig(), staleAfterHours: 6 };
    config.severities.CM036 = 'error';
    let volatileSeen = 0;
    for (const [i, a] of analyses.entries()) {
      const record = makeRecord(a, { config });
      // Through JSON, as a cache file holds it.
      const cached = JSON.parse(JSON.stringify(record)) as typeof record;
      for (const now of [CORPUS_NOW, CORPUS_NOW + 30 * 24 * HOUR, CORPUS_NOW - 400 * 24 * HOUR]) {
        for (const opts of [
          { config, now },
          { config, now, repo },
          { config, now, repo, suppressions: false },
        ]) {
          const want = checkDocument(a, opts);
          assert.deepStrictEqual(
            recordDiagnostics(cached, opts),
            want,
            `${docs[i]!.name} at ${new Date(now).toISOString()}`,
          );
          if (want.some((d) => ['CM016', 'CM017', 'CM036'].includes(String(d.code)))) volatileSeen++;
        }
      }
    }
    // The comparison is only worth something if the volatile rules fired on some documents.
    assert.ok(volatileSeen > 50, `volatile rules fired ${volatileSeen} times`);
  });

  it('applies suppression directives kept in the record', () => {
    const text = `<!-- itsmote-disable CM036 -- tracked in OPS-1 -->\n\n${VALID_NORMAL.replace('- Status: Approved', '- Status: In Progress')}- 2026-11-28 10:00 UTC In Progress by @alice\n`;
    const a = fastAnalysis(text, 'changes/x.md');
    const later = { config: defaultConfig(), now: CORPUS_NOW + 10 * 24 * HOUR };
    const record = JSON.parse(JSON.stringify(makeRecord(a, { config: defaultConfig() })));
    assert.deepStrictEqual(recordDiagnostics(record, later), checkDocument(a, later));
    const all = recordDiagnostics(record, { ...later, suppressions: false });
    assert.ok(
      all.some((d) => d.code === 'CM036'),
      'CM036 fires without the directive',
    );
    assert.ok(!recordDiagnostics(record, later).some((d) => d.code === 'CM036'), 'the cached directive suppresses it');
  });

  it('keeps what CM040, summaries, metrics and the people counts read', () => {
    const analyses = docs.map((d) => fastAnalysis(d.text, d.name));
    const records = analyses.map((a) => JSON.parse(JSON.stringify(makeRecord(a, { config: defaultConfig() }))));
    const opts = { config: defaultConfig(), now: CORPUS_NOW };
    const full = checkSetRules(
      analyses.map((a, i) => ({ key: String(i), analysis: a })),
      opts,
    );
    const slim = checkSetRules(
      records.map((r, i) => ({ key: String(i), analysis: recordAnalysis(r) })),
      opts,
    );
    assert.ok(full.size > 0, 'the corpus has window conflicts');
    assert.deepStrictEqual(slim, full);
    analyses.forEach((a, i) => assert.deepStrictEqual(summarize(records[i].doc), summarize(a.doc)));
    // Custom fields are summarised too: their items stay in the slim model of a config that names them.
    const extra = { ...defaultConfig(), extraFields: [...REALISTIC_EXTRA_FIELDS] };
    const realistic = generateRealisticCorpus(100, { seed: 4 }).map((d) => fastAnalysis(d.text, d.name));
    let withFields = 0;
    for (const a of realistic) {
      const r = JSON.parse(JSON.stringify(makeRecord(a, { config: extra })));
      assert.deepStrictEqual(summarize(r.doc, [], extra.extraFields), summarize(a.doc, [], extra.extraFields));
      if (summarize(a.doc, [], extra.extraFields).fields) withFields++;
    }
    assert.ok(withFields > 10, `${withFields} documents with custom fields`);
    assert.deepStrictEqual(computeMetrics(records.map((r) => r.doc)), computeMetrics(analyses.map((a) => a.doc)));
    analyses.forEach((a, i) => assert.deepStrictEqual(peopleOfDocument(records[i].doc), peopleOfDocument(a.doc)));
  });

  it('survives its compact encoding unchanged, and a damaged encoding throws', () => {
    const texts = [...docs.slice(0, 100), ...generateRealisticCorpus(100, { seed: 3 })];
    for (const docsUrl of [undefined, 'https://example.com/rules.md']) {
      for (const d of texts) {
        const r = makeRecord(fastAnalysis(d.text, d.name), {
          config: defaultConfig(),
          ...(docsUrl ? { docsUrl } : {}),
        });
        const encoded = JSON.parse(JSON.stringify(encodeRecord(r, docsUrl)));
        // JSON drops properties whose value is undefined (`status: undefined` of a log entry): compare as JSON holds it.
        assert.deepStrictEqual(decodeRecord(encoded), JSON.parse(JSON.stringify(r)), d.name);
      }
    }
    const good = JSON.parse(
      JSON.stringify(encodeRecord(makeRecord(fastAnalysis(VALID_NORMAL, 'changes/x.md'), { config: defaultConfig() }))),
    );
    const [hot, cold] = good as [Record<string, unknown>, unknown[]];
    for (const bad of [
      null,
      [],
      [hot],
      [{ ...hot, i: 3 }, cold],
      [{ ...hot, v: null }, cold],
      [{ ...hot, s: [[[0, 0], 1, 'CM001', 'x']] }, cold],
      [{ ...hot, h: [1, 2] }, cold],
      [{ ...hot, s: [[[0, 0, 0, 0], 9, 'CM001', 'x']] }, cold],
      // The cold part must hold what the hot part says: header items, a status log.
      [hot, [0, cold[1]]],
      [hot, [cold[0], 0]],
      [hot, [[[1, 2]], cold[1]]],
    ]) {
      assert.throws(() => decodeRecord(bad));
    }
  });

  it('keeps its slim model packed, equal to the slim model once read (same fields, same order)', () => {
    const texts = [
      ...docs.slice(0, 60),
      ...generateRealisticCorpus(120, { seed: 8 }),
      { text: '# No header\n', name: 'n.md' },
    ];
    let logs = 0;
    for (const d of texts) {
      const slim = slimModel(fastAnalysis(d.text, d.name).doc, REALISTIC_EXTRA_FIELDS);
      const packed = compactModel(slim);
      assert.equal(JSON.stringify(packed), JSON.stringify(slim), d.name);
      assert.deepStrictEqual(packed.header?.items, slim.header?.items, d.name);
      assert.deepStrictEqual(packed.statusLog, slim.statusLog, d.name);
      assert.equal(packed.header?.items, packed.header?.items, 'unpacked once');
      // A spread of the header (viewModel) holds the header's fields and nothing of the packing.
      if (slim.header)
        assert.deepEqual(
          Object.keys({ ...packed.header }).sort(),
          Object.keys({ ...slim.header, items: 0 })
            .filter((k) => k !== 'items')
            .sort(),
        );
      if (slim.statusLog) logs++;
    }
    assert.ok(logs > 100, `${logs} status logs`);
    const r = makeRecord(fastAnalysis(VALID_NORMAL, 'changes/x.md'), { config: defaultConfig() });
    assert.equal(JSON.stringify(r.doc), JSON.stringify(slimModel(fastAnalysis(VALID_NORMAL, 'changes/x.md').doc)));
  });

  it('encodes a packed model for the cache as it encodes the slim model, before and after it is read', () => {
    const texts = [
      ...docs.slice(0, 60),
      ...generateRealisticCorpus(120, { seed: 13 }),
      { text: '# No header\n', name: 'n.md' },
    ];
    for (const d of texts) {
      const a = fastAnalysis(d.text, d.name);
      const record = makeRecord(a, { config: defaultConfig() });
      const plain = JSON.stringify(encodeRecordParts({ ...record, doc: slimModel(a.doc) }));
      assert.equal(JSON.stringify(encodeRecordParts(record)), plain, d.name);
      void record.doc.header?.items;
      void record.doc.statusLog;
      assert.equal(JSON.stringify(encodeRecordParts(record)), plain, `${d.name}, read`);
    }
  });

  it('has no tree: code that needs one must rebuild the analysis', () => {
    const r = makeRecord(fastAnalysis(VALID_NORMAL, 'changes/x.md'), { config: defaultConfig() });
    assert.throws(() => recordAnalysis(r).md, /has no markdown tree/);
  });
});
