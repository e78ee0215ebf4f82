/** Output of `itsmote audit`: text (one block per file with findings) and JSON (every file). */
import type { AuditFinding, ImportedHistory } from '../core/repo/audit';
import { formatUtc } from '../core/time';
import { plural } from './format/text';
import { renderTable } from './table';

/** The audit of one file. */
export interface AuditFileResult {
  file: string;
  /** Commits that touched the file (merges excluded). */
  commits: number;
  findings: AuditFinding[];
  /** Old status log lines its first commit brought (not findings), when any. */
  imported?: ImportedHistory;
}

/** JSON shape of a finding: ISO time, short and full hash. */
export function auditJson(results: readonly AuditFileResult[]): string {
  const data = results.map((r) => ({
    file: r.file,
    commits: r.commits,
    findings: r.findings.map((f) => ({
      kind: f.kind,
      commit: f.commit,
      committedAt: new Date(f.at).toISOString(),
      author: f.author,
      line: f.line,
      message: f.message,
    })),
    ...(r.imported
      ? {
          imported: {
            commit: r.imported.commit,
            committedAt: new Date(r.imported.at).toISOString(),
            author: r.imported.author,
            lines: r.imported.lines,
            oldest: new Date(r.imported.oldest).toISOString(),
          },
        }
      : {}),
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The one info line of a file whose first commit brought its history along. */
export function importedLine(i: ImportedHistory): string {
  return `info: imported history: ${plural(i.lines, 'log line')} (from ${formatUtc(i.oldest)}) ${i.lines === 1 ? 'predates' : 'predate'} the file's first commit ${i.commit.slice(0, 8)} (${formatUtc(i.at)}, by ${i.author}); not reported as back-dated`;
}

/** Text: per file, an info line for imported history and a labelled table of findings; then a summary. */
export function auditText(results: readonly AuditFileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0 && !r.imported) continue;
    out.push(r.file);
    if (r.imported) out.push(`  ${importedLine(r.imported)}`);
    if (r.findings.length) {
      const rows = r.findings.map((f) => [
        f.commit.slice(0, 8),
        formatUtc(f.at),
        f.author,
        String(f.line),
        f.kind,
        f.message,
      ]);
      const table = renderTable(['COMMIT', 'AUTHOR TIME', 'AUTHOR', 'LINE', 'KIND', 'MESSAGE'], rows, [
        'left',
        'left',
        'left',
        'right',
      ]);
      for (const line of table.split('\n')) if (line) out.push(`  ${line}`);
    }
    out.push('');
  }
  const findings = results.reduce((s, r) => s + r.findings.length, 0);
  const commits = results.reduce((s, r) => s + r.commits, 0);
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const imported = results.filter((r) => r.imported).length;
  const extra = imported
    ? `; ${plural(imported, 'file')} with imported history, which --report-imported audits too`
    : '';
  out.push(
    `${plural(findings, 'finding')} in ${plural(withFindings, 'file')} (${plural(results.length, 'file')} audited, ${plural(commits, 'commit')} read${extra})`,
  );
  return `${out.join('\n')}\n`;
}
