/** `itsmote check`: diagnostics for change documents, in text, JSON, SARIF or GitHub format. */
import { countSeverities, runChecks } from './run-checks';
import { loadDocuments } from './load-documents';
import { CACHE_OPTIONS, openCache, saveCache } from './cache-option';
import type { CommandContext } from './context';
import {
  MAX_FILES_OPTION,
  parseCommandArgs,
  parseCount,
  parseFormat,
  parseMaxFiles,
  resolveNow,
  UsageError,
} from './usage';
import { formatText } from './format/text';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatGithub } from './format/github';
import { repoFactsFor } from './repo-facts';
import { filterChanged } from './changed-files';
import { requireChangeResults } from './require-change';
import { formatSuppressionsText, suppressionReport } from './suppressions-report';
import { splitSuppressed, toSarifWithSuppressions } from './sarif-suppressions';
import { afterFixes, fixFiles } from './fix-files';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** Runs `check`; returns the exit code. */
export async function checkCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', short: 'f' },
    now: { type: 'string' },
    'max-warnings': { type: 'string' },
    changed: { type: 'string' },
    'report-suppressions': { type: 'boolean' },
    ...CACHE_OPTIONS,
    'require-change': { type: 'boolean' },
    fix: { type: 'boolean' },
    ...MAX_FILES_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('check');
  const format = parseFormat(values.format, FORMATS, 'text');
  const now = resolveNow(values.now, ctx.env);
  const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');

  const report = values['report-suppressions'] === true;
  if (report && format !== 'text' && format !== 'json')
    throw new UsageError('--report-suppressions prints text or json; drop --format sarif/github');
  if (values.changed !== undefined && values.changed.trim() === '')
    throw new UsageError('--changed needs a git ref, e.g. --changed origin/main');
  const requireChange = values['require-change'] === true;
  if (requireChange && values.changed === undefined)
    throw new UsageError('--require-change needs --changed <ref> (the base of the pull request, e.g. origin/main)');
  if (requireChange && report) throw new UsageError('--require-change and --report-suppressions do not go together');

  const fix = values.fix === true;
  if (fix && values.changed !== undefined)
    throw new UsageError('--fix fixes every file it checks: name the files to fix instead of --changed');

  const paths = positionals.length ? positionals : ['.'];
  // --fix reads every file anew (it needs the text to edit): the cache is not used then.
  const cache = fix ? undefined : await openCache(values, ctx);
  const loaded = await loadDocuments(paths, ctx.loadCallbacks, {
    cache,
    records: !fix,
    maxFiles: parseMaxFiles(values['max-files']),
  });
  const { fatal } = loaded;
  let documents = loaded.documents;
  if (fix) {
    const fixes = fixFiles(documents, now);
    for (const s of fixes.skipped) ctx.err(`${s.file}: not fixed: ${s.reason}`);
    if (fixes.fixed.size)
      ctx.err(
        `itsmote: fixed ${fixes.fixed.size} file${fixes.fixed.size === 1 ? '' : 's'}: ${[...fixes.fixed.keys()].join(', ')}`,
      );
    documents = afterFixes(documents, fixes);
  }
  await saveCache(cache, ctx);
  const folders = paths.map((p) => resolve(p)).filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory());
  const { repoFor } = await repoFactsFor(documents, folders, (line) => ctx.err(line));
  // SARIF keeps suppressed results (marked as such); the report lists them: both need them all.
  const sarif = format === 'sarif';
  const raw = runChecks(documents, now, { repoFor, suppressions: !(report || sarif) });
  // Records are decoded as the checks read them: one that did not decode was made again (and is saved now).
  await saveCache(cache, ctx);
  const split = report ? suppressionReport(documents, raw) : undefined;
  const sarifSplit = sarif ? splitSuppressed(documents, raw) : undefined;
  let results = split ? split.results : sarifSplit ? sarifSplit.kept : raw;
  let hidden = sarifSplit?.suppressed ?? [];
  let entries = split?.entries;
  // --changed: every document is checked (CM040 and CM016 need the others as context); only the changed ones are reported.
  if (values.changed !== undefined) {
    const changed = await filterChanged(
      results.map((r) => r.file),
      values.changed,
    );
    results = results.filter((r) => changed.has(r.file));
    entries = entries?.filter((e) => changed.has(e.file));
    hidden = hidden.filter((h) => changed.has(h.file));
    ctx.err(
      `itsmote: ${changed.size} of ${documents.length} change document${documents.length === 1 ? '' : 's'} changed since ${values.changed}`,
    );
    // CM050 sits on changed code files, not on change documents: added after the filter.
    if (requireChange)
      results = [
        ...results,
        ...(await requireChangeResults(values.changed, paths, now, {
          maxFiles: parseMaxFiles(values['max-files']),
          capped: ctx.loadCallbacks.capped,
        })),
      ];
  }
  if (entries) ctx.out(format === 'json' ? `${JSON.stringify(entries, null, 2)}\n` : formatSuppressionsText(entries));
  else if (format === 'json') ctx.out(formatJson(results));
  else if (format === 'sarif')
    ctx.out(
      hidden.length
        ? `${JSON.stringify(toSarifWithSuppressions(results, hidden, ctx.version), null, 2)}\n`
        : formatSarif(results, ctx.version),
    );
  else if (format === 'github') ctx.out(formatGithub(results));
  else ctx.out(formatText(results, { color: ctx.color, ...(ctx.columns ? { columns: ctx.columns } : {}) }));

  const counts = countSeverities(results);
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) ctx.err(`itsmote: too many warnings (${counts.warnings}; maximum: ${maxWarnings})`);
  if (fatal) return 2;
  return counts.errors > 0 || tooManyWarnings ? 1 : 0;
}
