/** `itsmote report [paths] -o report.html`: one self-contained HTML page of changes, problems, metrics and freezes. */
import { createHash } from 'node:crypto';
import { computeMetrics } from '../core/metrics';
import { renderReport } from '../core/report/page';
import type { ReportProblem } from '../core/report/page';
import { summarize } from '../core/summary';
import type { CommandContext } from './context';
import { messageText, severityName } from './format/severity';
import { freezesOf } from './freezes-of';
import { loadDocuments } from './load-documents';
import { writeOutput } from './output-file';
import { repoFactsFor } from './repo-facts';
import { runChecks } from './run-checks';
import { FatalError, parseCommandArgs, resolveNow } from './usage';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';

// The page script (client/webview/report.ts), bundled and inlined by scripts/build.mjs.
declare const __ITSMOTE_REPORT_SCRIPT__: string | undefined;

function pageScript(): string {
  if (typeof __ITSMOTE_REPORT_SCRIPT__ === 'string') return __ITSMOTE_REPORT_SCRIPT__;
  throw new FatalError('the report page script is not bundled into this build; run "npm run build"');
}

/** Runs `report`; returns the exit code. */
export async function reportCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', args, {
    output: { type: 'string', short: 'o' },
    now: { type: 'string' },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('report');
  const now = resolveNow(values.now, ctx.env);
  const paths = positionals.length ? positionals : ['.'];
  const script = pageScript();
  const { documents, fatal } = await loadDocuments(paths, ctx.loadCallbacks);
  const folders = paths.map((p) => resolve(p)).filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory());
  const { repoFor } = await repoFactsFor(documents, folders, (line) => ctx.err(line));
  const results = runChecks(documents, now, { repoFor });
  const changes = documents
    .map((d, i) => {
      const diagnostics = results[i]!.diagnostics;
      const problems: ReportProblem[] = diagnostics.map((x) => ({
        line: x.range.start.line + 1,
        character: x.range.start.character + 1,
        severity: severityName(x),
        code: String(x.code ?? ''),
        message: messageText(x),
      }));
      return { file: d.file, summary: summarize(d.analysis.doc, diagnostics), problems };
    })
    .sort((a, b) => a.summary.id.localeCompare(b.summary.id) || a.file.localeCompare(b.file));
  const html = renderReport(
    {
      title: values.title ?? 'Change report',
      generatedAt: now,
      version: ctx.version,
      sources: paths,
      changes,
      months: computeMetrics(documents.map((d) => d.analysis.doc)),
      freezes: await freezesOf(paths, documents),
    },
    { script, sha256Base64: (text) => createHash('sha256').update(text, 'utf8').digest('base64') },
  );
  await writeOutput(html, values.output, ctx);
  return fatal ? 2 : 0;
}
