/** `workspace/executeCommand` (advance status) and the custom requests of protocol.ts. */
import type { Connection } from 'vscode-languageserver';
import { STATUSES } from '../core/fields';
import type { Status } from '../core/fields';
import { advanceEdits } from '../core/actions/index';
import type { AdvanceStatusArgs, ListChangesResult, MetricsResult } from '../protocol';
import { ListChangesRequest, MetricsRequest, ServerCommands } from '../protocol';
import { freezeSpan } from '../core/freezes';
import type { CurrentDocuments } from './current';
import type { Environment } from './environment';
import type { WorkspaceIndex } from './workspace-index';
import { guard, log, throwIfCancelled } from './guard';
import { normalizeUri } from './open-documents';
import { collectIfGrown } from './memory';

function folderParam(uri: unknown): string | undefined {
  return typeof uri === 'string' && uri ? normalizeUri(uri) : undefined;
}

function readArgs(raw: unknown): AdvanceStatusArgs | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const a = raw as Record<string, unknown>;
  if (typeof a.uri !== 'string' || typeof a.to !== 'string') return undefined;
  const to = STATUSES.find((s) => s.toLowerCase() === String(a.to).toLowerCase());
  if (!to) return undefined;
  return {
    uri: a.uri,
    to,
    ...(typeof a.note === 'string' ? { note: a.note } : {}),
    ...(typeof a.version === 'number' ? { version: a.version } : {}),
    ...(typeof a.author === 'string' && a.author.trim() ? { author: a.author } : {}),
  };
}

/** Registers the command and custom request handlers. */
export function registerCommandHandlers(
  connection: Connection,
  docs: CurrentDocuments,
  index: WorkspaceIndex,
  env: Environment,
): void {
  connection.onExecuteCommand(
    guard('executeCommand', false as boolean, async (params, token) => {
      if (params.command !== ServerCommands.advanceStatus) return false;
      const args = readArgs(params.arguments?.[0]);
      if (!args) {
        log().error(`[itsmote] ${params.command}: expected { uri, to: <status>, note?, version? }`);
        return false;
      }
      const e = await docs.get(args.uri, token);
      throwIfCancelled(token);
      if (!e?.isChange) return false;
      if (args.version !== undefined && e.version !== null && args.version !== e.version) {
        log().info(`[itsmote] advance refused: document is at version ${e.version}, not ${args.version}`);
        return false;
      }
      const edits = advanceEdits(e.analysis, args.to as Status, {
        author: env.author(args.author ?? e.settings.author),
        now: env.now(),
        ...(args.note ? { note: args.note } : {}),
      });
      if (!edits) return false;
      const r = await connection.workspace.applyEdit({
        label: `Advance status to ${args.to}`,
        edit: { documentChanges: [{ textDocument: { uri: args.uri, version: e.version }, edits }] },
      });
      return r.applied;
    }),
  );

  connection.onRequest(
    ListChangesRequest,
    guard('listChanges', { changes: [], complete: false } as ListChangesResult, (params, token) => {
      throwIfCancelled(token);
      // The answer for a large workspace (objects, then its JSON) is built on top of what the
      // publishes of a scan left: collected first, it takes their room instead of growing the heap.
      collectIfGrown();
      return { changes: index.list(folderParam(params?.folderUri)), complete: index.complete };
    }),
  );
  connection.onRequest(
    MetricsRequest,
    guard('metrics', { months: [] } as MetricsResult, (params, token) => {
      throwIfCancelled(token);
      const folder = folderParam(params?.folderUri);
      return { months: index.metrics(folder), freezes: index.freezes(folder).map(freezeSpan) };
    }),
  );
}
