/**
 * Rewrites a cache file (server/src/node/record-cache.ts) the way a test needs: each file's
 * packed record and summary can be edited, its brief and checks column follow the edited record
 * (its stable diagnostics and directives), and the first line gets the new hashes and length, so that the file stays valid and what the test planted can only reach the output through reuse.
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
    const [headJson, summaryJson] = line.split('\t') as [string, string];
    const head = JSON.parse(headJson) as [string, string, string, unknown[]?];
    const summary = JSON.parse(summaryJson) as { title?: string };
    const packed = recordLines[i]!;
    const split = packed.indexOf('\t');
    const record = JSON.parse(packed.slice(0, split)) as Hot;
    if (edit(head[0], record, summary)) {
      // The brief's first flag: whether the record holds stable diagnostics (core/record-codec.ts);
      // the checks column: the hot part's `u`, `s` and `x`, when it holds diagnostics or directives.
      const { u, s, x } = record;
      const checks =
        head[3] && (s.length || x?.length)
          ? `\t${JSON.stringify({ ...(u ? { u } : {}), s, ...(x ? { x } : {}) })}`
          : '';
      if (head[3]) head[3][0] = s.length > 0 ? 1 : 0;
      // The summaries block is ASCII: JSON with every other character escaped.
      summaryLines[i] = `${JSON.stringify(head)}\t${JSON.stringify(summary)}${checks}`.replace(
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
