/**
 * "New change…": pick a type, give a title; creates `changes/YYYY-MM-DD-<slug>.md` in the
 * workspace folder from that type's template (owner = author, Status Planned with its log
 * entry), opens it and puts the cursor on the first empty field. Never overwrites a file.
 */
import * as vscode from 'vscode';
import { CHANGE_TYPES } from '../../../server/src/core/fields';
import type { ChangeType } from '../../../server/src/core/fields';
import { changeFileName, changeTemplate, firstEmptyField } from '../templates';

/** Options for scripted use (keybindings, tests): skip the questions. */
export interface NewChangeOptions {
  type?: string;
  title?: string;
  folder?: vscode.Uri;
}

const TYPE_HELP: Record<ChangeType, string> = {
  Standard: 'pre-approved, low risk, repeatable',
  Normal: 'needs one approver before it starts',
  Emergency: 'mitigates an active incident; document after',
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickFolder(given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new change' }))?.uri;
}

/** Runs the command; resolves to the new document's URI, or undefined when cancelled. */
export async function newChange(author: string, now: number, opts?: NewChangeOptions): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(opts?.folder);
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder first: change documents live in its changes/ folder.');
    return undefined;
  }
  let type = CHANGE_TYPES.find((t) => t.toLowerCase() === opts?.type?.toLowerCase());
  if (!type) {
    const picked = await vscode.window.showQuickPick(
      CHANGE_TYPES.map((t) => ({ label: t, description: TYPE_HELP[t], type: t })),
      { title: 'New change (1/2)', placeHolder: 'Change type' },
    );
    type = picked?.type;
  }
  if (!type) return undefined;
  const title =
    opts?.title ??
    (await vscode.window.showInputBox({
      title: 'New change (2/2)',
      prompt: 'Title: what changes, in one line',
      placeHolder: 'e.g. Upgrade payments-db to PostgreSQL 16',
      validateInput: (v) => (v.trim() ? undefined : 'A change needs a title.'),
    }));
  if (!title?.trim()) return undefined;

  const dir = vscode.Uri.joinPath(folder, 'changes');
  let uri = vscode.Uri.joinPath(dir, changeFileName(title, now));
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(dir, changeFileName(title, now, n));
  const text = changeTemplate({ type, title, author, now });
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  const editor = await vscode.window.showTextDocument(uri);
  const at = firstEmptyField(text);
  if (at) {
    const pos = new vscode.Position(at.line, at.character);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
  }
  return uri;
}
