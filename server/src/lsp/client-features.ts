/** What the client can do beyond the basics, read once from `initialize`. */
import type { InitializeParams } from 'vscode-languageserver';
import type { InitializationOptions } from '../protocol';

/** Optional client abilities the features use. */
export interface ClientFeatures {
  /** Completion items may use snippet syntax (templates place the cursor). */
  completionSnippets: boolean;
  /** Workspace edits may hold LSP 3.18 snippet text edits (a quick fix puts the cursor in the new value). */
  snippetEdits: boolean;
  /** The client command that reopens completion (initialization option `retriggerCommand`). */
  retriggerCommand?: string;
}

/** The client features of an initialize request. */
export function clientFeatures(params: InitializeParams): ClientFeatures {
  const caps = params.capabilities;
  const options = params.initializationOptions as InitializationOptions | undefined;
  const retrigger =
    typeof options?.retriggerCommand === 'string' && options.retriggerCommand.trim()
      ? options.retriggerCommand.trim()
      : undefined;
  return {
    completionSnippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    snippetEdits:
      (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
    ...(retrigger ? { retriggerCommand: retrigger } : {}),
  };
}
