/**
 * The first start in a workspace that holds change documents shows the product once, the way
 * GitLens and the Testing view introduce themselves: the ITSMote Changes view is revealed and,
 * when the active editor is a change document with problems, the Problems panel too (focus stays
 * in the editor). Remembered per workspace, so the layout a person chose afterwards is kept.
 */
import * as vscode from 'vscode';

const SHOWN_KEY = 'itsmote.firstStartShown';

/**
 * Reveals the views unless this workspace has seen them. `changeCount` is the index size;
 * `activeProblems` the problem count of the active editor's change document (0 when none).
 */
export async function revealOnFirstStart(
  state: vscode.Memento,
  changeCount: number,
  activeProblems: () => number,
): Promise<boolean> {
  if (changeCount === 0 || state.get<boolean>(SHOWN_KEY)) return false;
  await state.update(SHOWN_KEY, true);
  await vscode.commands.executeCommand('workbench.view.extension.itsmote');
  if (activeProblems() > 0) {
    await vscode.commands.executeCommand('workbench.actions.view.problems', { preserveFocus: true });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  }
  return true;
}
