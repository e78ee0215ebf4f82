/**
 * `itsmote check`, `list` and `metrics` on change documents written the way teams write them
 * (SPEC section 8): the hand-written regression documents of test/fixtures/section8 with their
 * expected diagnostics, and `metrics` on the realistic generated corpus against the generator's
 * own expectations.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { itsmote, json, ROOT, tempTree } from './run';
import type { JsonFileResult } from '../../server/src/cli/format/json';
import type { ListEntry } from '../../server/src/cli/list-command';
import type { MonthMetrics } from '../../server/src/core/metrics';
import { SECTION8_EXPECTED, SECTION8_NOW } from '../fixtures/section8/expected';
import { generateRealisticCorpus, REALISTIC_EXTRA_FIELDS } from '../../scripts/bench/realistic-corpus';

const FOLDER = 'test/fixtures/section8';

describe('itsmote on documents as teams write them (SPEC section 8)', () => {
  it('has an expectation for every regression document, and at least 15 of them', () => {
    const files = readdirSync(join(ROOT, FOLDER, 'changes')).sort();
    assert.deepEqual(files, Object.keys(SECTION8_EXPECTED).sort());
    assert.ok(files.length >= 15);
  });

  it('check gives each regression document exactly its expected diagnostics (code, line, words)', () => {
    const r = itsmote(['check', FOLDER, '--now', SECTION8_NOW, '--format', 'json']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'three documents have errors');
    const results = json<JsonFileResult[]>(r);
    assert.equal(results.length, Object.keys(SECTION8_EXPECTED).length);
    for (const f of results) {
      const name = f.file.split('/').pop()!;
      const want = SECTION8_EXPECTED[name]!.diagnostics;
      const got = f.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line + 1, message: d.message }));
      assert.deepEqual(
        got.map((d) => `${d.code}@${d.line}`),
        want.map((d) => `${d.code}@${d.line}`),
        `${name}: ${JSON.stringify(got)}`,
      );
      want.forEach((w, i) => {
        for (const word of w.words ?? [])
          assert.ok(got[i]!.message.includes(word), `${name}: "${word}" not in ${got[i]!.message}`);
      });
    }
  });

  it('a suppression written between header items applies to the item below it', () => {
    const r = itsmote(['check', FOLDER, '--now', SECTION8_NOW, '--report-suppressions', '--format', 'json']);
    const report =
      json<
        { file: string; line: number; kind: string; rules: string[]; suppressed: { code: string; line: number }[] }[]
      >(r);
    assert.equal(report.length, 1);
    assert.match(report[0]!.file, /03-suppression-in-header\.md$/);
    assert.deepEqual(
      report[0]!.suppressed.map((s) => [s.code, s.line]),
      [['CM013', report[0]!.line + 1]],
    );
  });

  it('list shows the custom fields of extraFields, named as the config writes them', () => {
    const entries = json<ListEntry[]>(itsmote(['list', FOLDER, '--format', 'json']));
    const custom = entries.find((e) => e.id === '15-custom-fields')!;
    assert.deepEqual(custom.fields, [
      { name: 'Jira', value: 'OPS-1234' },
      { name: 'Reviewers', value: '@a, @b' },
      { name: 'PR', value: '#512' },
    ]);
    assert.equal(entries.find((e) => e.id === '01-setext-sections')!.fields, undefined);
  });

  describe('metrics on the realistic corpus', () => {
    const docs = generateRealisticCorpus(600, { seed: 11 });
    const tree = tempTree({
      ...Object.fromEntries(docs.map((d) => [`changes/${d.name}`, d.text])),
      '.itsmote.json': JSON.stringify({ extraFields: [...REALISTIC_EXTRA_FIELDS] }),
    });
    after(() => tree.cleanup());

    it('counts every change whose log has a readable In Progress entry, whatever form the log takes', () => {
      const months = json<MonthMetrics[]>(itsmote(['metrics', tree.dir, '--format', 'json']));
      const expected = new Map<string, { executed: string[]; rolledBack: number; incidents: Set<string> }>();
      for (const d of docs) {
        if (!d.expect.executed) continue;
        const m = expected.get(d.expect.month!) ?? { executed: [], rolledBack: 0, incidents: new Set<string>() };
        m.executed.push(d.name.replace(/\.md$/, ''));
        if (d.expect.rolledBack) m.rolledBack++;
        for (const i of d.expect.causedIncidents) m.incidents.add(i);
        expected.set(d.expect.month!, m);
      }
      const executed = docs.filter((d) => d.expect.executed).length;
      assert.ok(executed > 200, `only ${executed} executed changes in the corpus`);
      assert.equal(
        months.reduce((n, m) => n + m.executed, 0),
        executed,
      );
      assert.deepEqual(
        months.map((m) => m.month),
        [...expected.keys()].sort(),
      );
      for (const m of months) {
        const e = expected.get(m.month)!;
        assert.deepEqual([...m.changes].sort(), e.executed.sort(), m.month);
        assert.equal(m.rolledBack, e.rolledBack, m.month);
        assert.deepEqual(m.incidents, [...e.incidents].sort(), m.month);
      }
    });

    it('check gives each generated document exactly its expected codes', () => {
      const r = itsmote(['check', tree.dir, '--now', SECTION8_NOW, '--format', 'json']);
      const byFile = new Map(
        json<JsonFileResult[]>(r).map((f) => [
          f.file.split('/').pop()!,
          [...new Set(f.diagnostics.map((d) => d.code))].sort(),
        ]),
      );
      // CM040 is a set rule (windows of different changes): not part of a document's own expectation.
      const mismatches = docs.filter(
        (d) => (byFile.get(d.name) ?? []).filter((c) => c !== 'CM040').join() !== d.expect.codes.join(),
      );
      assert.deepEqual(
        mismatches.map((d) => `${d.name}: ${byFile.get(d.name)} != ${d.expect.codes}`),
        [],
      );
    });
  });
});
