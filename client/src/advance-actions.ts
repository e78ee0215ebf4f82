/**
 * The server's "Advance status to X" code actions carry a ready edit whose log line names the
 * author the server knows. When the extension knows no identity (no `itsmote.author`, no git
 * user), that edit would name a guess; instead the action runs the client's Advance Status
 * command for X, which asks who is writing once (author.ts) and then lets the server write.
 */
import * as vscode from 'vscode';
import { STATUSES } from '../../server/src/core/fields';

/** Longest first, so "Advance status to In Progress" never reads as a shorter status. */
const BY_LENGTH = [...STATUSES].sort((a, b) => b.length - a.length);

/** The status an "Advance status to X" action moves to, or undefined for any other action. */
export function advanceTarget(action: vscode.CodeAction | vscode.Command): string | undefined {
  if (
    !(action instanceof vscode.CodeAction) ||
    !action.kind ||
    !vscode.CodeActionKind.RefactorRewrite.contains(action.kind)
  )
    return undefined;
  const prefix = 'Advance status to ';
  if (!action.title.startsWith(prefix)) return undefined;
  const rest = action.title.slice(prefix.length);
  return BY_LENGTH.find((s) => rest === s || rest.startsWith(`${s} `));
}

/** Rewrites advance actions to go through the command that asks for the author. */
export function routeAdvanceThroughCommand(
  actions: (vscode.CodeAction | vscode.Command)[],
  uri: vscode.Uri,
): (vscode.CodeAction | vscode.Command)[] {
  return actions.map((action) => {
    const to = advanceTarget(action);
    if (!to || !(action instanceof vscode.CodeAction)) return action;
    const routed = new vscode.CodeAction(action.title, action.kind);
    routed.command = {
      title: action.title,
      command: 'itsmote.advanceStatus',
      arguments: [uri, { to, askAuthor: true }],
    };
    if (action.isPreferred !== undefined) routed.isPreferred = action.isPreferred;
    return routed;
  });
}
