/**
 * `itsmote gate <change.md>`: may this change be executed now? For deployment pipelines: exit 0
 * when it may, 1 with one line per reason when it may not, 2 on usage or I/O errors (SPEC 9).
 * The document is checked like `check` does, with the other change documents of its repository
 * as context (window conflicts, people), so "no errors" means what `itsmote check` says.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { gate } from '../core/gate';
import type { GateResult } from '../core/gate';
import { formatUtc } from '../core/time';
import { nodeFileSystem as fs } from '../node/node-file-system';
import type { CommandContext } from './context';
import { loadDocuments } from './load-documents';
import type { LoadCallbacks } from './load-documents';
import { repoFactsFor } from './repo-facts';
import { runChecks } from './run-checks';
import { FatalError, parseCommandArgs, parseCount, parseFormat, resolveNow, UsageError } from './usage';

const FORMATS = ['text', 'json'] as const;

/** The JSON answer (documented in docs/gate.md). */
export interface GateJson extends GateResult {
  file: string;
  change: { id: string; title?: string; type?: string; status?: string; window?: { start: string; end: string } };
  /** The instant the gate judged, ISO 8601. */
  now: string;
}

/** Runs `gate`; returns the exit code. */
export async function gateCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('gate', args, {
    format: { type: 'string', short: 'f' },
    now: { type: 'string' },
    early: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return ctx.help('gate');
  const format = parseFormat(values.format, FORMATS, 'text');
  const now = resolveNow(values.now, ctx.env);
  const early = parseCount(values.early, '--early') ?? 0;
  if (positionals.length !== 1)
    throw new UsageError(
      `gate takes exactly one change document, e.g. itsmote gate changes/2026-12-01-upgrade.md (got ${positionals.length})`,
    );
  const file = positionals[0]!;
  if ((await stat(file).catch(() => undefined))?.isDirectory())
    throw new UsageError(`${file} is a folder; gate takes one change document`);

  // The target first (so it keeps the name given); then its repository as quiet context.
  const abs = resolve(file);
  const root = (await fs.findRepoRoot(dirname(abs))) ?? dirname(abs);
  let missing: string | undefined;
  const quiet: LoadCallbacks = {
    ...ctx.loadCallbacks,
    skipped: (path, reason) => {
      if (path === file) missing = reason;
    },
    missing: (path, reason) => {
      if (path === file) missing = reason;
    },
    empty: () => {},
  };
  const { documents } = await loadDocuments([file, root], quiet);
  const target = documents.find((d) => d.file === file);
  if (missing !== undefined || !target) throw new FatalError(`${file}: ${missing ?? 'cannot be read'}`);
  const { repoFor } = await repoFactsFor(documents, [root], () => {});
  const results = runChecks(documents, now, { repoFor });
  const diagnostics = results[documents.indexOf(target)]!.diagnostics;

  const doc = target.analysis.doc;
  const result = gate({ doc, diagnostics, freezes: target.config.freezes, now, earlyMinutes: early });
  const v = doc.values;
  if (format === 'json') {
    const out: GateJson = {
      allowed: result.allowed,
      file,
      change: {
        id: doc.id,
        ...(doc.title !== undefined ? { title: doc.title } : {}),
        ...(v.changeType ? { type: v.changeType } : {}),
        ...(v.status ? { status: v.status } : {}),
        ...(v.window
          ? { window: { start: new Date(v.window.start).toISOString(), end: new Date(v.window.end).toISOString() } }
          : {}),
      },
      now: new Date(now).toISOString(),
      reasons: result.reasons,
    };
    ctx.out(`${JSON.stringify(out, null, 2)}\n`);
  } else if (result.allowed) {
    const window = v.window ? `, window ${formatUtc(v.window.start)} to ${formatUtc(v.window.end)}` : '';
    ctx.out(
      `${file}: allowed: ${doc.id} may be executed now (${formatUtc(now)}; ${v.changeType ?? ''} change, ${v.status ?? ''}${window})\n`,
    );
  } else {
    for (const r of result.reasons)
      ctx.out(`${file}${r.line ? `:${r.line}` : ''}: refused (${r.reason}): ${r.message}\n`);
  }
  return result.allowed ? 0 : 1;
}
