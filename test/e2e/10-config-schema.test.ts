/**
 * Editing `.itsmote.json` in the editor: the extension contributes its JSON schema
 * (package.json `jsonValidation`, dist/itsmote.schema.json from `npm run build`), so VS Code's
 * own JSON language features underline a misspelt key and complete rule IDs and severities.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, until, workspaceRoot } from './helpers';

const TEXT = ['{', '  "ruls": {},', '  "rules": {', '    "CM013": "",', '    ', '  }', '}', ''].join('\n');
/** Inside `"rules": {`, on the empty line: where a rule key goes. */
const KEY_POSITION = new vscode.Position(4, 4);
/** Between the quotes of `"CM013": ""`: where a severity goes. */
const VALUE_POSITION = new vscode.Position(3, 14);

const labelOf = (item: vscode.CompletionItem): string =>
  (typeof item.label === 'string' ? item.label : item.label.label).replace(/^"|"$/g, '');

describe('.itsmote.json schema', () => {
  const folder = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'config-schema-test');
  const uri = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.itsmote.json');

  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(TEXT));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri()));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  it('underlines a misspelt key ("ruls") with a JSON diagnostic', async () => {
    const fromJson = () =>
      vscode.languages.getDiagnostics(uri()).filter((d) => d.source !== 'itsmote' && /ruls/.test(d.message));
    const [typo] = await until(
      'a JSON diagnostic on "ruls"',
      () => fromJson().length > 0 && fromJson(),
      [vscode.languages.onDidChangeDiagnostics],
      30_000,
    );
    assert.equal(typo!.range.start.line, 1, typo!.message);
    assert.match(typo!.message, /not allowed/i);
  });

  it('offers the rule IDs and names inside "rules": {', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri(),
      KEY_POSITION,
    );
    const labels = list.items.map(labelOf);
    for (const key of ['CM001', 'CM050', 'impact-missing', 'self-approval'])
      assert.ok(labels.includes(key), `${key} among ${labels.slice(0, 20).join(', ')}`);
    assert.ok(!labels.includes('CM013'), 'not the rule already configured');
  });

  it("offers the severities as a rule's value", async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri(),
      VALUE_POSITION,
    );
    const labels = list.items.map(labelOf);
    for (const severity of ['error', 'warning', 'information', 'hint', 'off'])
      assert.ok(labels.includes(severity), `${severity} among ${labels.join(', ')}`);
  });
});
