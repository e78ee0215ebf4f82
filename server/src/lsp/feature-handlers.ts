/** Request handlers for the editor features: code actions, completion, hover, document symbols. */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { codeActions } from '../core/actions/index';
import { complete, documentSymbols, hover } from '../core/features/index';
import type { Current, CurrentDocuments } from './current';
import type { Environment } from './environment';
import type { WorkspaceIndex } from './workspace-index';
import { guard, throwIfCancelled } from './guard';
import type { ClientFeatures } from './client-features';

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return JSON.stringify(a.range) === JSON.stringify(b.range);
}

/**
 * The client's diagnostics with their `data`: clients that drop `data` get it back from the
 * current diagnostics with the same code and range.
 */
function withData(sent: readonly Diagnostic[], current: readonly Diagnostic[]): Diagnostic[] {
  return sent
    .filter((d) => d.source === undefined || d.source === 'itsmote')
    .map((d) =>
      d.data !== undefined ? d : (current.find((c) => String(c.code) === String(d.code) && sameRange(c, d)) ?? d),
    );
}

/** Registers the feature handlers. */
export function registerFeatureHandlers(
  connection: Connection,
  docs: CurrentDocuments,
  index: WorkspaceIndex,
  env: Environment,
  client: ClientFeatures,
): void {
  const changeEntry = async (uri: string, token: CancellationToken): Promise<Current | undefined> => {
    const e = await docs.get(uri, token);
    throwIfCancelled(token);
    return e?.isChange ? e : undefined;
  };

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], async (params, token) => {
      const e = await changeEntry(params.textDocument.uri, token);
      if (!e) return [];
      const all = e.diagnostics();
      throwIfCancelled(token);
      return codeActions({
        analysis: e.analysis,
        uri: params.textDocument.uri,
        version: e.version,
        range: params.range,
        contextDiagnostics: withData(params.context?.diagnostics ?? [], all),
        allDiagnostics: all,
        ...(params.context?.only ? { only: params.context.only } : {}),
        options: { author: env.author(e.settings.author), now: env.now(), snippets: client.snippetEdits },
        diagnose: docs.diagnoser(e),
      });
    }),
  );

  connection.onCompletion(
    guard('completion', [] as CompletionItem[], async (params, token) => {
      const e = await changeEntry(params.textDocument.uri, token);
      if (!e) return [];
      return complete(e.analysis, params.position, {
        facts: { ...index.facts(), catalogServices: index.catalogServices(e.folder) },
        author: env.author(e.settings.author),
        now: env.now(),
        extraFields: e.config.extraFields,
        snippets: client.completionSnippets,
        ...(client.retriggerCommand ? { retriggerCommand: client.retriggerCommand } : {}),
      });
    }),
  );

  connection.onHover(
    guard('hover', null as Hover | null, async (params, token) => {
      const e = await changeEntry(params.textDocument.uri, token);
      return e
        ? (hover(e.analysis, params.position, e.diagnostics(), {
            freezes: e.config.freezes,
            extraFields: e.config.extraFields,
          }) ?? null)
        : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [] as DocumentSymbol[], async (params, token) => {
      const e = await changeEntry(params.textDocument.uri, token);
      return e ? documentSymbols(e.analysis) : [];
    }),
  );
}
