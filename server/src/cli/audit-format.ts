/** Output of `itsmote audit`: text (one block per file with findings) and JSON (every file). */
import type { AuditFinding } from '../core/repo/audit';
import { formatUtc } from '../core/time';
import { plural } from './format/text';

/** The audit of one file. */
export interface AuditFileResult {
  file: string;
  /** Commits that touched the file (merges excluded). */
  commits: number;
  findings: AuditFinding[];
}

/** JSON shape of a finding: ISO time, short and full hash. */
export function auditJson(results: readonly AuditFileResult[]): string {
  const data = results.map((r) => ({
    file: r.file,
    commits: r.commits,
    findings: r.findings.map((f) => ({ kind: f.kind, commit: f.commit, committedAt: new Date(f.at).toISOString(), author: f.author, line: f.line, message: f.message })),
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Text: `file` then `  <hash>  <time>  line N  <kind>  <message>` lines, then a summary. */
export function auditText(results: readonly AuditFileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(r.file);
    const kindWidth = Math.max(...r.findings.map((f) => f.kind.length));
    for (const f of r.findings) {
      out.push(`  ${f.commit.slice(0, 8)}  ${formatUtc(f.at)}  ${`${f.line}`.padStart(4)}  ${f.kind.padEnd(kindWidth)}  ${f.message} (${f.author})`);
    }
    out.push('');
  }
  const findings = results.reduce((s, r) => s + r.findings.length, 0);
  const commits = results.reduce((s, r) => s + r.commits, 0);
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  out.push(`${plural(findings, 'finding')} in ${plural(withFindings, 'file')} (${plural(results.length, 'file')} audited, ${plural(commits, 'commit')} read)`);
  return `${out.join('\n')}\n`;
}
