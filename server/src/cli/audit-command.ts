/**
 * `itsmote audit [paths]`: compares each change document's status log with the file's git
 * history (see core/repo/audit.ts). Exit 1 when something is found, 0 when not, 2 on usage
 * errors or when no document could be audited because git or the repository is missing.
 */
import { auditHistory, importedHistory } from '../core/repo/audit';
import type { CommandContext } from './context';
import { loadDocuments } from './load-documents';
import { fileHistory } from '../node/git-history';
import type { HistoryCache } from '../node/git-history';
import { realFile } from './changed-files';
import { auditJson, auditText } from './audit-format';
import type { AuditFileResult } from './audit-format';
import { flagExample, MAX_FILES_OPTION, parseCommandArgs, parseFormat, parseMaxFiles, UsageError } from './usage';
import { mapLimit } from '../node/map-limit';

const FORMATS = ['text', 'json'] as const;
const CONCURRENCY = 8;

/** Reads `--tolerance-hours`: a number of hours, 0 or more (decimals allowed). */
export function parseTolerance(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^\d+(?:\.\d+)?$/.test(v))
    throw new UsageError(
      `--tolerance-hours must be a number of hours of 0 or more, not "${value}"${flagExample('--tolerance-hours')}`,
    );
  return Number(v);
}

/** Runs `audit`; returns the exit code. */
export async function auditCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('audit', args, {
    format: { type: 'string', short: 'f' },
    'tolerance-hours': { type: 'string' },
    ...MAX_FILES_OPTION,
    'report-imported': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('audit');
  const format = parseFormat(values.format, FORMATS, 'text');
  const tolerance = parseTolerance(values['tolerance-hours']);

  const { documents, fatal } = await loadDocuments(positionals.length ? positionals : ['.'], ctx.loadCallbacks, {
    maxFiles: parseMaxFiles(values['max-files']),
  });
  const cache: HistoryCache = new Map();
  // git runs a few processes per file: read several files at once, report in the order found.
  const histories = await mapLimit(documents, CONCURRENCY, async (d) => fileHistory(await realFile(d.file), cache));
  const results: AuditFileResult[] = [];
  let notInGit = 0;
  documents.forEach((d, i) => {
    const h = histories[i]!;
    if (!h.ok) {
      ctx.err(`${d.file}: not audited: ${h.reason}`);
      if (h.notInGit) notInGit++;
      return;
    }
    if (h.versions.length === 0) ctx.err(`${d.file}: not audited: no commits yet (untracked or never committed)`);
    const opts = {
      toleranceHours: tolerance ?? d.config.auditToleranceHours,
      reportImported: values['report-imported'] === true,
    };
    const findings = auditHistory(h.versions, opts);
    // Imported lines are one info line (not findings), unless --report-imported made them findings.
    const imported = opts.reportImported ? undefined : importedHistory(h.versions, opts);
    results.push({ file: d.file, commits: h.versions.length, findings, ...(imported ? { imported } : {}) });
  });
  ctx.out(format === 'json' ? auditJson(results) : auditText(results));
  if (fatal || (documents.length > 0 && notInGit === documents.length)) return 2;
  return results.some((r) => r.findings.length > 0) ? 1 : 0;
}
