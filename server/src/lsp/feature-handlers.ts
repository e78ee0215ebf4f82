/** Request handlers for the editor features: code actions, completion, hover, document symbols. */
import type { Connection } from 'vscode-languageserver';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { codeActions } from '../core/actions/index';
import { complete, documentSymbols, hover } from '../core/features/index';
import type { CurrentDocuments } from './current';
import type { Entry } from './entry';
import type { Environment } from './environment';
import type { WorkspaceIndex } from './workspace-index';
import { guard } from './guard';
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
    .map((d) => (d.data !== undefined ? d : (current.find((c) => String(c.code) === String(d.code) && sameRange(c, d)) ?? d)));
}

/** Registers the feature handlers. */
export function registerFeatureHandlers(connection: Connection, docs: CurrentDocuments, index: WorkspaceIndex, env: Environment, client: ClientFeatures): void {
  const changeEntry = (uri: string): Entry | undefined => {
    const e = docs.entry(uri);
    return e?.isChange ? e : undefined;
  };

  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], (params) => {
      const e = changeEntry(params.textDocument.uri);
      if (!e) return [];
      const all = docs.diagnostics(e);
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
    guard('completion', [] as CompletionItem[], (params) => {
      const e = changeEntry(params.textDocument.uri);
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
    guard('hover', null as Hover | null, (params) => {
      const e = changeEntry(params.textDocument.uri);
      return e ? (hover(e.analysis, params.position, docs.diagnostics(e), { freezes: e.config.freezes, extraFields: e.config.extraFields }) ?? null) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [] as DocumentSymbol[], (params) => {
      const e = changeEntry(params.textDocument.uri);
      return e ? documentSymbols(e.analysis) : [];
    }),
  );
}
