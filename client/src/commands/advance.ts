/**
 * "Advance status…": pick one of the change's allowed next statuses (never a forbidden step),
 * give the reason (Rolled Back) or the outcome (Closed), and let the server write the Status
 * value and the log entry (`itsmote.server.advanceStatus`). A document that was not dirty before
 * is saved after the edit, so the file on disk shows the move; unsaved edits of the user are
 * never saved behind their back.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { AdvanceStatusArgs, ChangeListItem } from '../../../server/src/protocol';
import { ServerCommands } from '../../../server/src/protocol';
import { STATUSES } from '../../../server/src/core/fields';
import type { Status } from '../../../server/src/core/fields';
import type { ChangesNode, ChangesTreeProvider } from '../changes/tree';
import { describeChange, labelOf } from '../changes/describe';
import { statusIcon } from '../changes/render';

/** Asks which change to advance; resolves undefined when the person cancels. */
export type ChangePicker = (changes: readonly ChangeListItem[]) => Thenable<ChangeListItem | undefined>;

/** Options for scripted use (keybindings, tests): skip the questions. */
export interface AdvanceOptions {
  to?: string;
  note?: string;
  /** The lightbulb's "Advance status to X" with no known author: `to` is given, but asking who writes is allowed. */
  askAuthor?: boolean;
  /** Answers "which change?" when none is in front (callers in the extension host; default: a quick pick). */
  pick?: ChangePicker;
}

const MEANING: Record<Status, string> = {
  Planned: 're-plan the change',
  Approved: 'an approver agreed',
  Rejected: 'the approver said no',
  'In Progress': 'start executing now (records the start time)',
  Verifying: 'executed; checking the verification plan',
  'Rolled Back': 'undone; you will be asked why',
  Closed: 'done; you will be asked for the outcome',
};

function isOptions(x: unknown): x is AdvanceOptions {
  return !!x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof vscode.Uri) && !('kind' in x);
}

/** The quick pick of changes that can move, newest first (IDs start with their date). */
export const pickChange: ChangePicker = async (changes) => {
  const items = [...changes]
    .sort((a, b) => b.id.localeCompare(a.id))
    .map((c) => ({
      label: labelOf(c),
      description: `${c.status ?? '?'} → ${c.allowedNext.join(' / ')}`,
      detail: describeChange(c),
      iconPath: statusIcon(c.status),
      change: c,
    }));
  // ignoreFocusOut: opened from the walkthrough's button, the page can take focus back a moment
  // later, which would close an ordinary quick pick before the person saw it.
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Advance the status of which change?',
    placeHolder: 'Type to filter by title',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.change;
};

/**
 * The target of the command: a tree node or a URI when given (menus pass them), else the active
 * editor's change document, else the person is asked. The tree's selection is never guessed at:
 * from the walkthrough or the palette with no change editor in front, the change is picked.
 */
async function targetOf(
  arg: unknown,
  tree: ChangesTreeProvider,
  pick: ChangePicker,
): Promise<ChangeListItem | 'none' | undefined> {
  if (arg && typeof arg === 'object' && (arg as ChangesNode).kind === 'change')
    return (arg as Extract<ChangesNode, { kind: 'change' }>).change;
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  // The index may lag behind an edit: ask again before saying "not a change".
  const change = uri ? (tree.changeFor(uri) ?? (await tree.refresh(), tree.changeFor(uri))) : undefined;
  if (change || arg instanceof vscode.Uri) return change;
  const movable = tree.snapshot.changes.filter((c) => c.allowedNext.length > 0);
  return movable.length ? pick(movable) : 'none';
}

/**
 * Saves the document once the edit has reached it. The server's `applyEdit` answer can come
 * before the editor has marked the document dirty, and a save then does nothing: so wait for
 * the change (an event, with a timeout) before saving.
 */
async function saveWhenEdited(uri: vscode.Uri, timeoutMs = 5000): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!doc.isDirty) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString() && e.document.isDirty) done();
      });
      function done(): void {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  }
  await doc.save();
}

/**
 * Runs the command; resolves to true when the change was moved. `whoWrites` gives the author
 * for the log entry (it may ask, unless the call is scripted); undefined cancels.
 */
export async function advanceStatus(
  client: LanguageClient,
  tree: ChangesTreeProvider,
  arg?: unknown,
  opts?: unknown,
  whoWrites?: (mayAsk: boolean, scope: vscode.Uri) => Promise<string | undefined>,
): Promise<boolean> {
  const options = isOptions(opts) ? opts : isOptions(arg) ? arg : {};
  const change = await targetOf(
    isOptions(arg) ? undefined : arg,
    tree,
    typeof options.pick === 'function' ? options.pick : pickChange,
  );
  if (change === 'none') {
    void vscode.window.showInformationMessage(
      'No change can move to another status yet: create one with "ITSMote: New Change…".',
    );
    return false;
  }
  if (!change) {
    if (arg instanceof vscode.Uri)
      void vscode.window.showInformationMessage('Advance Status works on a change document; this file is not one.');
    return false;
  }
  const label = labelOf(change);
  if (change.allowedNext.length === 0) {
    void vscode.window.showInformationMessage(
      `"${label}" is ${change.status ?? 'without a valid status'}: no next status is allowed.`,
    );
    return false;
  }

  let to: Status | undefined;
  if (options.to) {
    to = STATUSES.find((s) => s.toLowerCase() === options.to!.toLowerCase());
    if (!to || !change.allowedNext.includes(to)) {
      void vscode.window.showErrorMessage(
        `"${label}" cannot move from ${change.status ?? '?'} to ${options.to}; allowed: ${change.allowedNext.join(', ')}.`,
      );
      return false;
    }
  } else {
    const picked = await vscode.window.showQuickPick(
      change.allowedNext.map((s) => ({ label: s, description: MEANING[s], iconPath: statusIcon(s), status: s })),
      { title: `Advance "${label}" (now ${change.status ?? '?'})`, placeHolder: 'Next status' },
    );
    to = picked?.status;
  }
  if (!to) return false;

  let note = options.note;
  // Scripted calls (a given `to`) are never interrupted by a question; the server leaves the spot empty.
  if (note === undefined && !options.to && (to === 'Rolled Back' || to === 'Closed')) {
    note = await vscode.window.showInputBox(
      to === 'Rolled Back'
        ? {
            title: `Roll back "${label}"`,
            prompt: 'Why was it rolled back? (written into the status log)',
            placeHolder: 'e.g. error rate doubled on checkout',
            validateInput: (v) => (v.trim() ? undefined : 'Say why: the reason is part of the record.'),
          }
        : {
            title: `Close "${label}"`,
            prompt: 'Outcome: what happened? (leave empty to keep an Outcome already written)',
            placeHolder: 'e.g. verified: p99 under 300 ms for 30 min',
          },
    );
    if (note === undefined) return false;
  }

  const uri = vscode.Uri.parse(change.uri);
  const author = whoWrites ? await whoWrites(!options.to || options.askAuthor === true, uri) : undefined;
  if (whoWrites && author === undefined) return false;

  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const wasDirty = open?.isDirty ?? false;
  const args: AdvanceStatusArgs = {
    uri: change.uri,
    to,
    ...(note?.trim() ? { note: note.trim() } : {}),
    ...(open ? { version: open.version } : {}),
    ...(author ? { author } : {}),
  };
  const applied = await client.sendRequest(ExecuteCommandRequest.type, {
    command: ServerCommands.advanceStatus,
    arguments: [args],
  });
  if (applied !== true) {
    void vscode.window.showErrorMessage(
      `Could not move "${label}" to ${to}: the document changed meanwhile, or the step is no longer allowed. Try again.`,
    );
    return false;
  }
  if (!wasDirty) await saveWhenEdited(uri);
  vscode.window.setStatusBarMessage(`$(check) "${label}" is now ${to}`, 5000);
  return true;
}
