/** `itsmote list`: one line per change (table) or the change summaries (JSON). */
import { STATUSES } from '../core/fields';
import type { Status } from '../core/fields';
import { summarize } from '../core/summary';
import type { ChangeSummary } from '../core/summary';
import { closest, matchEnum, splitList } from '../core/values';
import { formatUtc } from '../core/time';
import type { CommandContext } from './context';
import { loadDocuments, loadSummaries } from './load-documents';
import { CACHE_OPTIONS, openCache, saveCache } from './cache-option';
import { runChecks } from './run-checks';
import { renderTable } from './table';
import {
  flagExample,
  MAX_FILES_OPTION,
  parseCommandArgs,
  parseFormat,
  parseMaxFiles,
  resolveNow,
  UsageError,
} from './usage';

const FORMATS = ['table', 'json'] as const;

/** Reads `--status` values (repeatable, comma lists, any case) into canonical statuses. */
export function parseStatuses(values: readonly string[]): Set<Status> | undefined {
  if (values.length === 0) return undefined;
  const out = new Set<Status>();
  const wanted = values.flatMap((x) => splitList(x));
  if (wanted.length === 0)
    throw new UsageError(`--status needs a status: one of ${STATUSES.join(', ')}${flagExample('--status')}`);
  for (const v of wanted) {
    const s = matchEnum(v, STATUSES);
    if (!s) {
      const guess = closest(v, STATUSES);
      throw new UsageError(
        `unknown status "${v}" for --status${guess ? ` (did you mean "${guess}"?)` : ''}; use one of ${STATUSES.join(', ')}${flagExample('--status')}`,
      );
    }
    out.add(s);
  }
  return out;
}

/** An ISO instant as `toISOString` writes it for the years 1000-9999 (what summaries hold). */
const PLAIN_ISO = /^[1-9]\d{3}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** `formatUtc(Date.parse(iso))`, cut from the string when it is a plain ISO instant (`list` formats 20,000 of them). */
function formatIso(iso: string): string {
  return PLAIN_ISO.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : formatUtc(Date.parse(iso));
}

/** A window as one short cell: `2026-12-01 14:00–15:00 UTC`, the end's date only when it differs. */
export function formatWindow(w: { start: string; end: string }): string {
  const s = formatIso(w.start);
  const e = formatIso(w.end);
  return s.slice(0, 10) === e.slice(0, 10) ? `${s.slice(0, 16)}–${e.slice(11)}` : `${s.slice(0, 16)} – ${e}`;
}

/** One list entry: the summary plus the file it came from. */
export type ListEntry = { file: string } & ChangeSummary;

/**
 * `localeCompare` without arguments, made once (a collator per comparison was most of the sort),
 * on first use: making it costs ~3 ms, which every other command would pay at load.
 */
let collator: Intl.Collator | undefined;

/** Runs `list`; returns the exit code. */
export async function listCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('list', args, {
    format: { type: 'string', short: 'f' },
    status: { type: 'string', short: 's', multiple: true },
    now: { type: 'string' },
    ...CACHE_OPTIONS,
    ...MAX_FILES_OPTION,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('list');
  const format = parseFormat(values.format, FORMATS, 'table');
  const statuses = parseStatuses(values.status ?? []);
  const now = resolveNow(values.now, ctx.env);

  // The table needs summaries only: the cache's records are read only for files that changed.
  const cache = await openCache(values, ctx, { summariesOnly: format === 'table' });
  const paths = positionals.length ? positionals : ['.'];
  const load = { cache, maxFiles: parseMaxFiles(values['max-files']) };
  // The file beside its summary: a list entry (a copy of the summary) is made only for JSON output.
  let listed: { file: string; summary: ChangeSummary }[];
  let fatal: boolean;
  if (format === 'table') {
    // The table shows no problem counts: summaries alone, and no rule runs (a warm cache answers
    // from its summary column without unpacking records).
    const r = await loadSummaries(paths, ctx.loadCallbacks, load);
    await saveCache(cache, ctx);
    fatal = r.fatal;
    listed = r.documents;
  } else {
    const r = await loadDocuments(paths, ctx.loadCallbacks, { ...load, records: true });
    await saveCache(cache, ctx);
    fatal = r.fatal;
    const results = runChecks(r.documents, now);
    listed = r.documents.map((d, i) => ({
      file: d.file,
      summary: summarize(d.analysis.doc, results[i]!.diagnostics, d.config.extraFields),
    }));
  }
  const entries = listed
    .filter(({ summary: s }) => !statuses || (s.status !== undefined && statuses.has(s.status as Status)))
    .sort((a, b) => {
      collator ??= new Intl.Collator();
      return collator.compare(a.summary.id, b.summary.id) || collator.compare(a.file, b.file);
    });

  if (format === 'json') {
    const json: ListEntry[] = entries.map((e) => ({ file: e.file, ...e.summary }));
    ctx.out(`${JSON.stringify(json, null, 2)}\n`);
  } else if (entries.length === 0) ctx.out('No changes.\n');
  else {
    const rows = entries.map(({ summary: e }) => [
      e.id,
      e.status ?? '-',
      e.type ?? '-',
      e.risk ?? '-',
      e.owner ?? '-',
      e.window ? formatWindow(e.window) : '-',
      e.title ?? '-',
    ]);
    ctx.out(renderTable(['ID', 'STATUS', 'TYPE', 'RISK', 'OWNER', 'WINDOW', 'TITLE'], rows));
  }
  return fatal ? 2 : 0;
}
