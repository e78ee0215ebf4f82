/**
 * `headerModel` (core/fast: a scan that stops at the first section heading, and the model's
 * header, title and values only) is what `itsmote list` prints summaries from: it must equal
 * those parts of the full remark-based analysis, on every kind of document the fast path is
 * tested on, including those whose later lines the scan leaves to remark.
 */
import * as assert from 'node:assert/strict';
import { generateCorpus } from '../../scripts/bench/corpus';
import { generateRealisticCorpus } from '../../scripts/bench/realistic-corpus';
import { analyze } from '../../server/src/core/model';
import { headerModel } from '../../server/src/core/fast/index';
import { scanBlocks } from '../../server/src/core/fast/scan';
import type { ChangeDocument } from '../../server/src/core/schema';
import { fuzzDocuments } from '../helpers/markdown-fuzz';

/** The parts of a model a summary reads. */
const headerParts = (d: ChangeDocument) => ({
  id: d.id,
  title: d.title,
  h1Range: d.h1Range,
  header: d.header,
  values: d.values,
});

function agrees(text: string, path: string): void {
  const got = headerModel(text, path);
  assert.deepStrictEqual(
    headerParts(got),
    headerParts(analyze(text, path).doc),
    `header model differs for ${path}\n${text}`,
  );
}

describe('header model (itsmote list)', function () {
  this.timeout(180_000);

  it('equals the full analysis on 1,500 realistic and 500 basic documents', () => {
    for (const d of generateRealisticCorpus(1500, { seed: 31 })) {
      agrees(d.text, `changes/${d.name}`);
      // The scan reads these: no sections, no status log.
      const got = headerModel(d.text, `changes/${d.name}`);
      assert.ok(got.sections.length === 0 && got.statusLog === undefined, `${d.name}: sections or log read`);
    }
    for (const d of generateCorpus(500, { seed: 32 })) agrees(d.text, `changes/${d.name}`);
  });

  it('equals the full analysis on 2,000 random documents of edge-case lines', () => {
    fuzzDocuments(2000, 33, 0.3).forEach((text, i) => agrees(text, `changes/fuzz-${i}.md`));
  });

  it('stops scanning at the first section heading, and only there', () => {
    const text = '# T\n\n- Change type: Normal\n\n## Plan\n\nx\n\n## Status log\n';
    const full = scanBlocks(text, 0);
    const zone = scanBlocks(text, 0, { headerZone: 0 });
    assert.ok(full.ok && zone.ok);
    assert.deepEqual(
      zone.root.children.map((n) => n.type),
      ['heading', 'list', 'heading'],
    );
    assert.deepEqual(zone.root.children, full.root.children.slice(0, 3));
    // A `##` inside a fence is no heading: the scan goes on.
    const fenced = scanBlocks('# T\n\n```\n## not\n```\n\n- Risk: Low\n', 0, { headerZone: 0 });
    assert.ok(fenced.ok);
    assert.deepEqual(
      fenced.root.children.map((n) => n.type),
      ['heading', 'code', 'list'],
    );
    // Front matter ends before `from`: its closing `---` under a paragraph is a heading the scan passes.
    const fm = 'a: b\n---\n\n- Risk: Low\n\n## Plan\n\nx\n';
    const after = scanBlocks(fm, 0, { headerZone: fm.indexOf('\n\n') });
    assert.ok(after.ok);
    assert.deepEqual(
      after.root.children.map((n) => n.type),
      ['heading', 'list', 'heading'],
    );
  });
});
