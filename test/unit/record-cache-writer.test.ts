/**
 * RecordCacheWriter (node/record-cache.ts): the language server writes its index record by record
 * during a scan instead of keeping every record until the end. The file it writes must be the
 * one `RecordCache` reads (the CLI's format), and a writer that stops leaves the previous file.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/core/config';
import { makeRecord, recordBrief } from '../../server/src/core/record';
import { summarize } from '../../server/src/core/summary';
import { configKey, contentHash, packRecord, RecordCache, RecordCacheWriter } from '../../server/src/node/record-cache';
import { VALID_NORMAL, doc, editLine } from '../helpers/doc';

describe('RecordCacheWriter', () => {
  let dir: string;
  const config = defaultConfig();
  const texts = [
    VALID_NORMAL,
    editLine(VALID_NORMAL, '- Verification plan:', null),
    editLine(VALID_NORMAL, '- Risk level:', '- Risk level: High'),
  ];
  const records = texts.map((t) => makeRecord(doc(t), { config }));
  // Enough documents that the blocks span several of the writer's 1 MB chunks.
  const many = 1500;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'itsmote-writer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a file RecordCache reads back, record by record, a repeated path once', async () => {
    const file = join(dir, 'index.itsmotecache');
    const w = await RecordCacheWriter.create(file, '1.0.0');
    for (let i = 0; i < many; i++) {
      const r = records[i % records.length]!;
      w.add(`/w/${i}.md`, contentHash(texts[i % texts.length]!), configKey(config), packRecord(r), summarize(r.doc));
    }
    w.add('/w/0.md', 'another hash', configKey(config), packRecord(records[1]!));
    await w.finish();
    assert.deepEqual(readdirSync(dir), ['index.itsmotecache'], 'no temporary file is left');
    const cache = await RecordCache.open(file, '1.0.0');
    assert.equal(cache.ignored, undefined);
    for (let i = 0; i < many; i += 97) {
      const k = i % records.length;
      // A cached record's header items and status log are decoded when read (as JSON, the plain record).
      const got = cache.get(`/w/${i}.md`, contentHash(texts[k]!), configKey(config));
      assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(records[k])));
      assert.equal(cache.summary(`/w/${i}.md`, contentHash(texts[k]!), configKey(config))?.id, records[k]!.doc.id);
    }
    assert.equal(
      cache.get('/w/0.md', 'another hash', configKey(config)),
      undefined,
      'the first record of a path is kept',
    );
    // Read only as far as the summaries, as `list` reads it.
    const summaries = await RecordCache.open(file, '1.0.0', { summariesOnly: true });
    assert.ok(summaries.summary('/w/1.md', contentHash(texts[1]!), configKey(config)));
  });

  it('keeps the summaries block ASCII: paths and summaries beyond it come back as they were', async () => {
    const file = join(dir, 'index.itsmotecache');
    const text = editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: Zoë Müller 🚀');
    const r = makeRecord(doc(text), { config });
    const path = '/w/ünïcode 🚀/change.md';
    const cache = RecordCache.empty(file, '1.0.0');
    cache.set(path, contentHash(text), configKey(config), r);
    await cache.save();
    const bytes = readFileSync(file);
    const summariesEnd =
      bytes.indexOf(10) + 1 + Number(JSON.parse(bytes.subarray(0, bytes.indexOf(10)).toString()).summariesBytes);
    assert.ok(!bytes.subarray(0, summariesEnd).some((b) => b > 0x7f), 'no byte beyond ASCII before the records');
    for (const opts of [{}, { summariesOnly: true }, { lazy: true, sync: true }]) {
      const back = await RecordCache.open(file, '1.0.0', opts);
      assert.equal(back.summary(path, contentHash(text), configKey(config))?.owner, 'Zoë Müller 🚀');
      assert.deepEqual(back.brief(path, contentHash(text), configKey(config)), recordBrief(r));
    }
  });

  it('leaves the previous file as it was when it stops before finishing', async () => {
    const file = join(dir, 'index.itsmotecache');
    const old = RecordCache.empty(file, '1.0.0');
    old.set('/w/old.md', 'h', 'k', records[0]!);
    await old.save();
    const before = readFileSync(file, 'utf8');
    const w = await RecordCacheWriter.create(file, '1.0.0');
    w.add('/w/new.md', 'h', 'k', packRecord(records[1]!));
    await w.abort();
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.deepEqual(readdirSync(dir), ['index.itsmotecache']);
    assert.ok(existsSync(file));
  });
});
