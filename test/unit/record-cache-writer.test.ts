/**
 * RecordCacheWriter (node/record-cache-writer.ts): the language server writes its index record by record
 * during a scan instead of keeping every record until the end. The file it writes must be the
 * one `RecordCache` reads (the CLI's format), and a writer that stops leaves the previous file.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The file is never trusted: a damaged first line or summaries block, or a file of another length
 * than its first line says, is ignored whole; a record is checked against its own hash when it is
 * read, and one that does not match is a miss (the caller makes it again), never a result.
 */
describe('RecordCache: a damaged file', () => {
  let dir: string;
  let file: string;
  const config = defaultConfig();
  const key = configKey(config);
  const texts = [
    VALID_NORMAL,
    editLine(VALID_NORMAL, '- Verification plan:', null),
    editLine(VALID_NORMAL, '- Risk level:', '- Risk level: High'),
  ];
  const records = texts.map((t) => makeRecord(doc(t), { config }));
  const path = (i: number) => `/w/${i}.md`;
  const plain = (r: unknown) => JSON.parse(JSON.stringify(r)) as unknown;
  /** Where the records block starts. */
  const recordsAt = (bytes: Buffer) => {
    const nl = bytes.indexOf(10);
    return nl + 1 + Number((JSON.parse(bytes.subarray(0, nl).toString()) as { summariesBytes: string }).summariesBytes);
  };
  /** Changes one byte of the record of `/w/1.md` (the second line of the records block), lengths kept. */
  const damageSecondRecord = () => {
    const bytes = readFileSync(file);
    const second = bytes.indexOf(10, recordsAt(bytes)) + 1;
    const at = bytes.indexOf('"CM0', second);
    assert.ok(at > second && at < bytes.indexOf(10, second), 'the second record holds a rule code');
    bytes[at + 2] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'itsmote-damaged-'));
    file = join(dir, '.itsmotecache');
    const cache = RecordCache.empty(file, '1.0.0');
    records.forEach((r, i) => cache.set(path(i), contentHash(texts[i]!), key, r));
    await cache.save();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const opts of [{ lazy: true, sync: true }, {}]) {
    it(`finds a damaged record when it is read, and serves the others (${opts.lazy ? 'read where it lies' : 'read whole'})`, async () => {
      damageSecondRecord();
      const cache = await RecordCache.open(file, '1.0.0', opts);
      assert.equal(cache.ignored, undefined, 'the rest of the file is used');
      assert.equal(cache.get(path(1), contentHash(texts[1]!), key), undefined, 'the damaged record is a miss');
      assert.equal(cache.peek(path(1)), undefined);
      assert.deepEqual(plain(cache.get(path(0), contentHash(texts[0]!), key)), plain(records[0]));
      assert.deepEqual(plain(cache.get(path(2), contentHash(texts[2]!), key)), plain(records[2]));
      // Its summary and brief are in the summaries block, checked by its hash.
      assert.equal(cache.summary(path(1), contentHash(texts[1]!), key)?.id, records[1]!.doc.id);
      assert.deepEqual(cache.brief(path(1), contentHash(texts[1]!), key), recordBrief(records[1]!));
    });
  }

  it('writes a damaged record not read back as it was, and the next reader finds it again', async () => {
    damageSecondRecord();
    const cache = await RecordCache.open(file, '1.0.0', { lazy: true, sync: true });
    const extra = makeRecord(doc(texts[0]!), { config });
    cache.set('/w/new.md', contentHash(texts[0]!), key, extra);
    await cache.save();
    const again = await RecordCache.open(file, '1.0.0', { lazy: true, sync: true });
    assert.equal(again.ignored, undefined);
    assert.equal(again.get(path(1), contentHash(texts[1]!), key), undefined, 'still a miss: never trusted');
    assert.deepEqual(plain(again.get(path(2), contentHash(texts[2]!), key)), plain(records[2]));
    assert.deepEqual(plain(again.get('/w/new.md', contentHash(texts[0]!), key)), plain(extra));
    // Made again and stored: the file is whole again.
    again.set(path(1), contentHash(texts[1]!), key, records[1]!);
    await again.save();
    const healed = await RecordCache.open(file, '1.0.0', { lazy: true, sync: true });
    assert.deepEqual(plain(healed.get(path(1), contentHash(texts[1]!), key)), plain(records[1]));
  });

  it('reads records from the file it opened after save replaced it', async () => {
    const cache = await RecordCache.open(file, '1.0.0', { lazy: true, sync: true });
    cache.set('/w/new.md', contentHash(texts[0]!), key, records[0]!);
    await cache.save();
    assert.deepEqual(plain(cache.get(path(2), contentHash(texts[2]!), key)), plain(records[2]));
  });

  /** Rewrites the summaries block with `edit` and puts its new hash and length in the first line: a file that is whole but not a map of its records. */
  const rewriteSummaries = (edit: (lines: string[]) => string[]) => {
    const bytes = readFileSync(file);
    const nl = bytes.indexOf(10);
    const header = JSON.parse(bytes.subarray(0, nl).toString()) as Record<string, string>;
    const summaries = Buffer.from(
      `${edit(
        bytes
          .subarray(nl + 1, recordsAt(bytes))
          .toString('latin1')
          .split('\n')
          .slice(0, -1),
      ).join('\n')}\n`,
    );
    header.summariesSha1 = contentHash(summaries);
    header.summariesBytes = String(summaries.length).padStart(12, '0');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), summaries, bytes.subarray(recordsAt(bytes))]),
    );
  };

  for (const [what, edit, why] of [
    [
      'a line without its columns',
      (l: string[]) => [l[0]!.split('\t').slice(0, 3).join('\t'), ...l.slice(1)],
      /not a map/,
    ],
    [
      'a record length that is not a number',
      (l: string[]) => l.map((x) => x.replace(/\t\d+\t/, '\t1x2\t')),
      /not a map/,
    ],
    [
      'record lengths that do not add up',
      (l: string[]) => l.map((x) => x.replace(/\t(\d+)\t/, (_, n: string) => `\t${Number(n) - 1}\t`)),
      /differ in length/,
    ],
    ['a path twice', (l: string[]) => [l[0]!, l[0]!, ...l.slice(2)], /not a map/],
  ] as const) {
    it(`ignores summaries with ${what}, though their hash is right`, async () => {
      rewriteSummaries(edit);
      const cache = await RecordCache.open(file, '1.0.0', { lazy: true, sync: true });
      assert.match(cache.ignored ?? '', why);
      assert.equal(cache.has(path(0), contentHash(texts[0]!), key), false);
    });
  }

  for (const [what, damage, why] of [
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 10), /shorter than its first line says/],
    [
      'a file cut in its summaries',
      (b: Buffer) => b.subarray(0, recordsAt(b) - 10),
      /shorter than its first line says/,
    ],
    ['bytes appended', (b: Buffer) => Buffer.concat([b, Buffer.from('\n{}')]), /longer than its first line says/],
    [
      'a changed byte in the summaries block',
      (b: Buffer) => {
        const at = b.indexOf('"id"', b.indexOf(10));
        b[at + 1] = 'X'.charCodeAt(0);
        return b;
      },
      /does not match its hash/,
    ],
    [
      'a foreign first line',
      (b: Buffer) => Buffer.concat([Buffer.from('{"tool":"x"}\n'), b]),
      /not an itsmote cache file/,
    ],
  ] as const) {
    it(`ignores ${what} as a whole`, async () => {
      writeFileSync(file, damage(readFileSync(file)));
      for (const opts of [{ lazy: true, sync: true }, {}, { summariesOnly: true }]) {
        const cache = await RecordCache.open(file, '1.0.0', opts);
        assert.match(cache.ignored ?? '', why);
        assert.equal(cache.has(path(0), contentHash(texts[0]!), key), false);
        assert.equal(cache.get(path(0), contentHash(texts[0]!), key), undefined);
      }
    });
  }
});
