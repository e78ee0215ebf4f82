/** `itsmote calendar [paths]`: the changes and freezes as an iCalendar (RFC 5545) feed. */
import { renderCalendar } from '../core/calendar';
import type { CommandContext } from './context';
import { freezesOf, stablePaths } from './freezes-of';
import { loadDocuments } from './load-documents';
import { writeOutput } from './output-file';
import { parseCommandArgs, resolveNow } from './usage';

/** Runs `calendar`; returns the exit code. */
export async function calendarCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('calendar', args, {
    output: { type: 'string', short: 'o' },
    now: { type: 'string' },
    name: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('calendar');
  const now = resolveNow(values.now, ctx.env);
  const paths = positionals.length ? positionals : ['.'];
  const { documents, fatal } = await loadDocuments(paths, ctx.loadCallbacks);
  const freezes = await freezesOf(paths, documents);
  const pathOf = await stablePaths(documents);
  const text = renderCalendar(
    documents.map((d) => ({ doc: d.analysis.doc, path: pathOf.get(d)! })),
    freezes,
    { now, version: ctx.version, ...(values.name !== undefined ? { name: values.name } : {}) },
  );
  await writeOutput(text, values.output, ctx);
  return fatal ? 2 : 0;
}
