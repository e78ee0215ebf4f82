/** `itsmote check`: diagnostics for change documents, in text, JSON, SARIF or GitHub format. */
import { countSeverities, runChecks } from './run-checks';
import { loadDocuments } from './load-documents';
import type { CommandContext } from './context';
import { parseCommandArgs, parseCount, parseFormat, resolveNow } from './usage';
import { formatText } from './format/text';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatGithub } from './format/github';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** Runs `check`; returns the exit code. */
export async function checkCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', short: 'f' },
    now: { type: 'string' },
    'max-warnings': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('check');
  const format = parseFormat(values.format, FORMATS, 'text');
  const now = resolveNow(values.now, ctx.env);
  const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');

  const { documents, fatal } = await loadDocuments(positionals.length ? positionals : ['.'], ctx.loadCallbacks);
  const results = runChecks(documents, now);
  if (format === 'json') ctx.out(formatJson(results));
  else if (format === 'sarif') ctx.out(formatSarif(results, ctx.version));
  else if (format === 'github') ctx.out(formatGithub(results));
  else ctx.out(formatText(results, ctx.color));

  const counts = countSeverities(results);
  const tooManyWarnings = maxWarnings !== undefined && counts.warnings > maxWarnings;
  if (tooManyWarnings) ctx.err(`itsmote: too many warnings (${counts.warnings}; maximum: ${maxWarnings})`);
  if (fatal) return 2;
  return counts.errors > 0 || tooManyWarnings ? 1 : 0;
}
