/**
 * A record's brief (core/record.ts) lets a warm check skip decoding records whose diagnostics are
 * none: it must never skip one that has some. The rules' pre-checks (`DocumentRule.mayReport`,
 * `SetRule.member`) are held against the rules themselves, and `briefDiagnostics` (a record's
 * diagnostics from its brief and stable diagnostics alone) against a full check, at many clocks, with and without repository facts and with rules off.
 */
import * as assert from 'node:assert/strict';
import { generateCorpus, CORPUS_NOW } from '../../scripts/bench/corpus';
import { generateRealisticCorpus } from '../../scripts/bench/realistic-corpus';
import { fastAnalysis } from '../../server/src/core/fast/index';
import { checkDocument, checkSetRules } from '../../server/src/core/check';
import type { CheckOptions, SetEntry } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import type { Config } from '../../server/src/core/config';
import type { Analysis } from '../../server/src/core/model';
import {
  briefDiagnostics,
  makeRecord,
  recordAnalysis,
  recordBrief,
  recordDiagnostics,
} from '../../server/src/core/record';
import type { DocumentRecord } from '../../server/src/core/record';
import { decodeBrief, decodeChecks, encodeBrief, encodeChecks } from '../../server/src/core/record-codec';
import { RULES } from '../../server/src/core/rules/index';
import type { DocumentRule } from '../../server/src/core/rules/index';
import { docFacts } from '../../server/src/core/rules/util';
import { countDocumentPeople } from '../../server/src/core/repo/facts';
import type { RepoFacts } from '../../server/src/core/repo/facts';
import { packRecord, unpackRecordLazy } from '../../server/src/node/record-cache';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const texts = [...generateCorpus(200, { seed: 11 }), ...generateRealisticCorpus(300, { seed: 5 })];
const analyses = texts.map((d) => fastAnalysis(d.text, d.name));
const records = analyses.map((a) => unpackRecordLazy(packRecord(makeRecord(a, { config: defaultConfig() })))!);
const repo: RepoFacts = {
  people: ['@alice', '@bob', '@org/team'],
  peopleInDocuments: countDocumentPeople(analyses.map((a) => a.doc)),
  services: ['payments-api', 'checkout', 'search'],
};

/** The clocks to try for a document: fixed ones, and either side of its window's end (CM036's edge). */
function clocks(a: Analysis): number[] {
  const end = a.doc.values.window?.end;
  const out = [CORPUS_NOW, CORPUS_NOW + 30 * DAY, CORPUS_NOW - 400 * DAY, CORPUS_NOW + 3 * 365 * DAY];
  return end === undefined ? out : [...out, end, end + 1, end - 1];
}

/** Check options at `now`: the default config, one with CM036 off, each with and without repository facts. */
function optionsAt(now: number): Omit<CheckOptions, 'only'>[] {
  const off: Config = defaultConfig();
  off.severities.CM036 = 'off';
  const stale: Config = { ...defaultConfig(), staleAfterHours: 1 };
  return [defaultConfig(), off, stale].flatMap((config) => [
    { config, now },
    { config, now, repo },
    { config, now, repo: { services: repo.services! } },
  ]);
}

describe('record briefs', () => {
  it('give no volatile rule a pass that would have reported (mayReport false: no diagnostic of it)', () => {
    const volatile = RULES.filter((r): r is DocumentRule => r.scope === 'document' && r.reads !== undefined);
    assert.deepEqual(
      volatile.filter((r) => !r.mayReport).map((r) => r.id),
      [],
      'every volatile rule has a pre-check',
    );
    const skipped = new Map<string, number>();
    const reported = new Map<string, number>();
    for (const a of analyses) {
      const facts = docFacts(a.doc);
      for (const now of clocks(a))
        for (const opts of optionsAt(now)) {
          const found = new Set(
            checkDocument(a, { ...opts, only: 'volatile', suppressions: false }).map((d) => String(d.code)),
          );
          for (const rule of volatile) {
            const may = rule.mayReport!(facts, opts);
            if (!may) skipped.set(rule.id, (skipped.get(rule.id) ?? 0) + 1);
            if (found.has(rule.id)) {
              reported.set(rule.id, (reported.get(rule.id) ?? 0) + 1);
              assert.ok(
                may,
                `${rule.id} reported on ${a.doc.id} at ${new Date(now).toISOString()} but mayReport said no`,
              );
            }
          }
        }
    }
    // Worth something only if each rule both reported and was skipped often.
    for (const rule of volatile) {
      assert.ok((reported.get(rule.id) ?? 0) > 20, `${rule.id} reported ${reported.get(rule.id) ?? 0} times`);
      assert.ok((skipped.get(rule.id) ?? 0) > 1000, `${rule.id} skipped ${skipped.get(rule.id) ?? 0} times`);
    }
  });

  it('give a check without the record, equal to a full check, when no volatile rule may report', () => {
    let none = 0;
    let some = 0;
    let needed = 0;
    for (const [i, a] of analyses.entries()) {
      const r = records[i]!;
      const brief = recordBrief(r);
      // As a cache's checks column holds them (JSON), and a cache without that column.
      const stored = { checks: () => decodeChecks(JSON.parse(JSON.stringify(encodeChecks(r)))) };
      for (const now of clocks(a))
        for (const opts of optionsAt(now)) {
          const want = checkDocument(a, opts);
          const at = `${a.doc.id} at ${new Date(now).toISOString()}`;
          assert.deepStrictEqual(recordDiagnostics(r, opts), want, at);
          const quick = briefDiagnostics(brief, stored, opts);
          if (quick === undefined) needed++;
          else {
            assert.deepStrictEqual(quick, want, at);
            if (want.length) some++;
            else none++;
          }
          const bare = briefDiagnostics(brief, {}, opts);
          if (bare !== undefined) assert.deepStrictEqual(bare, [], `${at}: no stored checks, no diagnostics`);
          // Directives not applied (a suppression report), as in a full check.
          if (opts.repo === undefined) {
            const all = { ...opts, suppressions: false };
            assert.deepStrictEqual(
              briefDiagnostics(brief, stored, all) ?? recordDiagnostics(r, all),
              checkDocument(a, all),
              at,
            );
          }
        }
    }
    assert.ok(none > 2000 && some > 1000 && needed > 500, `${none} none, ${some} some, ${needed} need the record`);
  });

  it('decode from a checks column diagnostics that serialize as the check made them, hrefs and data included', () => {
    let withData = 0;
    let plain = 0;
    for (const docsUrl of [undefined, 'https://example.test/rules']) {
      for (const [i, a] of analyses.entries()) {
        const r = docsUrl === undefined ? records[i]! : makeRecord(a, { config: defaultConfig(), docsUrl });
        // Twice: the second decode takes the hrefs kept from the first.
        for (let k = 0; k < 2; k++) {
          const back = decodeChecks(JSON.parse(JSON.stringify(encodeChecks(r, docsUrl))));
          // JSON text, not deep equality: key order is part of what `check --format json` prints.
          assert.equal(JSON.stringify(back.stable), JSON.stringify(r.stable), a.doc.id);
        }
        for (const d of r.stable) {
          assert.ok(d.codeDescription?.href.startsWith(docsUrl ?? 'https://github.com/'), d.codeDescription?.href);
          if (Object.keys(d.data as object).length > 1) withData++;
          else plain++;
        }
      }
    }
    assert.ok(withData > 100 && plain > 100, `${withData} with data, ${plain} without`);
  });

  it('leave out of the set rules only documents they ignore, and never read those', () => {
    const opts = { config: defaultConfig(), now: CORPUS_NOW };
    const full = checkSetRules(
      analyses.map((a, i) => ({ key: String(i), analysis: a })),
      opts,
    );
    assert.ok(full.size > 10, `${full.size} documents with window conflicts`);
    for (const rule of RULES) {
      if (rule.scope !== 'set') continue;
      assert.ok(rule.member, `${rule.id} has a member test`);
      for (const key of full.keys()) assert.ok(rule.member(docFacts(analyses[Number(key)]!.doc)), `${key} is a member`);
    }
    // Entries with facts: a document that is no member is never read.
    let read = 0;
    const entries: SetEntry[] = records.map((r, i) => {
      const facts = recordBrief(r);
      return {
        key: String(i),
        facts,
        get analysis() {
          read++;
          assert.ok(
            RULES.some((x) => x.scope === 'set' && x.member!(facts)),
            `${r.doc.id}: a document no set rule takes was read`,
          );
          return recordAnalysis(r);
        },
      };
    });
    assert.deepStrictEqual(checkSetRules(entries, opts), full);
    const members = records.filter((r) => RULES.some((x) => x.scope === 'set' && x.member!(recordBrief(r)))).length;
    assert.ok(members < records.length - 50, `${members} of ${records.length} are members`);
    // Members once each, and the documents with findings once more for their directives.
    assert.equal(read, members + full.size);
  });

  it('survive their compact form, and a damaged one is no brief', () => {
    for (const r of records) {
      const brief = recordBrief(r);
      assert.deepStrictEqual(decodeBrief(JSON.parse(JSON.stringify(encodeBrief(brief)))), brief);
      assert.deepStrictEqual(recordBrief(JSON.parse(JSON.stringify(r)) as DocumentRecord), brief);
    }
    const good = encodeBrief(
      recordBrief(records.find((r) => r.doc.values.window && r.doc.values.status)!),
    ) as unknown[];
    assert.ok(decodeBrief(good));
    for (const bad of [
      null,
      0,
      [],
      good.slice(0, 4),
      [2, ...good.slice(1)],
      [good[0], 'yes', ...good.slice(2)],
      [good[0], good[1], 'Almost done', ...good.slice(3)],
      [...good.slice(0, 3), '3', good[4]],
      [...good.slice(0, 4), [1]],
      [...good.slice(0, 4), [1, '2']],
    ])
      assert.equal(decodeBrief(bad), undefined, JSON.stringify(bad));
  });
});
