/**
 * Rewrites a cache file (server/src/node/record-cache.ts) the way a test needs: each file's
 * packed record and summary can be edited, its brief and checks column follow the edited record
 * (its stable diagnostics and directives), the record its new length and hash, and the first line the new hash and
 * lengths, so that the file stays valid and what the test planted can only reach the output through reuse.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** The fields of a record's hot part the tests edit: stable diagnostics, directives, docs link. */
type Hot = { s: unknown[]; x?: unknown[]; u?: string };

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('base64');

/**
 * Edits the records (the hot part of the compact form, core/record-codec.ts; the cold part, after
 * the tab, is kept as it is) and summaries of the files `edit` accepts (it returns true when it
 * changed them).
 */
export function rewriteCacheFile(
  file: string,
  edit: (path: string, record: Hot, summary: { title?: string }) => boolean,
): void {
  const bytes = readFileSync(file);
  const nl = bytes.indexOf(10);
  const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as { summariesBytes: string };
  const end = nl + 1 + Number(header.summariesBytes);
  const summaryLines = bytes
    .subarray(nl + 1, end)
    .toString('utf8')
    .split('\n')
    .slice(0, -1);
  const recordLines = bytes.subarray(end).toString('utf8').split('\n');
  summaryLines.forEach((line, i) => {
    // path, hash, key (JSON strings), record length and hash, brief, summary, checks.
    const columns = line.split('\t');
    const path = JSON.parse(columns[0]!) as string;
    const brief = columns[5] ? (JSON.parse(columns[5]) as unknown[]) : undefined;
    const summary = JSON.parse(columns[6]!) as { title?: string };
    const packed = recordLines[i]!;
    const split = packed.indexOf('\t');
    const record = JSON.parse(packed.slice(0, split)) as Hot;
    if (edit(path, record, summary)) {
      // The brief's first flag: whether the record holds stable diagnostics (core/record-codec.ts);
      // the checks column: the hot part's `u`, `s` and `x`, when it holds diagnostics or directives.
      const { u, s, x } = record;
      columns[7] =
        brief && (s.length || x?.length) ? JSON.stringify({ ...(u ? { u } : {}), s, ...(x ? { x } : {}) }) : '';
      if (brief) {
        brief[0] = s.length > 0 ? 1 : 0;
        columns[5] = JSON.stringify(brief);
      }
      columns[6] = JSON.stringify(summary);
      recordLines[i] = `${JSON.stringify(record)}${packed.slice(split)}`;
      const recordBytes = Buffer.from(recordLines[i]!);
      columns[3] = String(recordBytes.length);
      columns[4] = sha1(recordBytes).slice(0, 16);
      // The summaries block is ASCII: JSON with every other character escaped.
      summaryLines[i] = columns
        .join('\t')
        .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
  });
  const summaries = Buffer.from(summaryLines.map((l) => `${l}\n`).join(''));
  const records = Buffer.from(recordLines.join('\n'));
  const first = JSON.stringify({
    ...header,
    summariesSha1: sha1(summaries),
    summariesBytes: String(summaries.length).padStart(12, '0'),
    recordsBytes: String(records.length).padStart(12, '0'),
  });
  writeFileSync(file, Buffer.concat([Buffer.from(`${first}\n`), summaries, records]));
}
