/**
 * Rewrites a cache file (server/src/node/record-cache.ts) the way a test needs: each file's
 * packed record and summary can be edited, its brief follows the edited record (whether it holds
 * stable diagnostics), and the first line gets the new hashes and length, so that the file stays valid and what the test planted can only reach the output through reuse.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('base64');

/**
 * Edits the records (the hot part of the compact form, core/record-codec.ts; the cold part, after
 * the tab, is kept as it is) and summaries of the files `edit` accepts (it returns true when it
 * changed them).
 */
export function rewriteCacheFile(
  file: string,
  edit: (path: string, record: { s: unknown[] }, summary: { title?: string }) => boolean,
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
    const tab = line.indexOf('\t');
    const head = JSON.parse(line.slice(0, tab)) as [string, string, string, unknown[]?];
    const path = head[0];
    const summary = JSON.parse(line.slice(tab + 1)) as { title?: string };
    const packed = recordLines[i]!;
    const split = packed.indexOf('\t');
    const record = JSON.parse(packed.slice(0, split)) as { s: unknown[] };
    if (edit(path, record, summary)) {
      // The brief's first flag: whether the record holds stable diagnostics (core/record-codec.ts).
      if (head[3]) head[3][0] = record.s.length > 0 ? 1 : 0;
      // The summaries block is ASCII: JSON with every other character escaped.
      summaryLines[i] = `${JSON.stringify(head)}\t${JSON.stringify(summary)}`.replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      recordLines[i] = `${JSON.stringify(record)}${packed.slice(split)}`;
    }
  });
  const summaries = Buffer.from(summaryLines.map((l) => `${l}\n`).join(''));
  const records = Buffer.from(recordLines.join('\n'));
  const first = JSON.stringify({
    ...header,
    sha1: sha1(records),
    summariesSha1: sha1(summaries),
    summariesBytes: String(summaries.length).padStart(12, '0'),
  });
  writeFileSync(file, Buffer.concat([Buffer.from(`${first}\n`), summaries, records]));
}
