import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { api, changeUri, codesOf, diagnosticsOf, until, workspaceRoot } from './helpers';

interface Token {
  /** The token's text. */
  c: string;
  /** Its scopes, space-separated, outermost first. */
  t: string;
}

/** The grammar file a contributing extension declares for a scope. */
function grammarPath(scope: string): string | undefined {
  for (const ext of vscode.extensions.all) {
    const grammars =
      (ext.packageJSON as { contributes?: { grammars?: { scopeName: string; path: string }[] } }).contributes
        ?.grammars ?? [];
    const g = grammars.find((x) => x.scopeName === scope);
    if (g) return join(ext.extensionPath, g.path);
  }
  return undefined;
}

/**
 * Tokenizes a file the way the editor does: VS Code's own TextMate engine (vscode-textmate with
 * vscode-oniguruma), the markdown grammar of this editor's built-in extension, and our injection
 * as the manifest contributes it (`injectTo: text.html.markdown`). The web workbench has no
 * `_workbench.captureSyntaxTokens`, so the tokens are computed here.
 */
async function tokens(uri: vscode.Uri): Promise<Token[]> {
  const markdown = grammarPath('text.html.markdown');
  const ours = grammarPath('itsmote.injection');
  assert.ok(markdown, 'the built-in markdown grammar');
  assert.ok(ours, 'our injection grammar is contributed');
  onig ??= oniguruma.loadWASM(
    readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer,
  );
  const registry = new vsctm.Registry({
    onigLib: onig.then(() => ({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    })),
    loadGrammar: async (scope) => {
      const path = scope === 'text.html.markdown' ? markdown : scope === 'itsmote.injection' ? ours : undefined;
      return path ? vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['itsmote.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  const out: Token[] = [];
  let stack = vsctm.INITIAL;
  for (const line of readFileSync(uri.fsPath, 'utf8').split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push({ c: line.slice(t.startIndex, t.endIndex), t: t.scopes.join(' ') });
    stack = r.ruleStack;
  }
  return out;
}
let onig: Promise<void> | undefined;

function scopeOf(all: Token[], text: string): string {
  const tok = all.find((t) => t.c === text);
  assert.ok(
    tok,
    `a token "${text}" (tokens: ${all
      .map((t) => JSON.stringify(t.c))
      .slice(0, 60)
      .join(' ')})`,
  );
  return tok.t;
}

describe('highlighting (injection grammar into markdown)', () => {
  it('scopes field names, enum values, people and status log entries', async () => {
    const all = await tokens(changeUri('2026-12-01-upgrade-payments-db'));
    assert.match(scopeOf(all, 'Change type'), /support\.type\.property-name\.itsmote/);
    assert.match(scopeOf(all, 'Normal'), /constant\.language\.change-type\.itsmote/);
    assert.match(scopeOf(all, 'High'), /constant\.language\.risk\.itsmote/);
    assert.match(scopeOf(all, 'Approved'), /constant\.language\.status\.itsmote/);
    assert.match(scopeOf(all, '2026-12-01 14:00 UTC'), /constant\.numeric\.timestamp\.itsmote/);
    assert.match(scopeOf(all, '@alice'), /entity\.name\.tag\.person\.itsmote/);
    assert.match(scopeOf(all, '2026-11-27 09:15 UTC'), /constant\.numeric\.timestamp\.itsmote/);
    assert.match(scopeOf(all, 'Expected user impact'), /support\.type\.property-name\.itsmote/);
    // Markdown itself is untouched: the list is still a list, the heading still a heading.
    assert.match(scopeOf(all, 'Change type'), /markup\.list\.unnumbered\.markdown/);
    const headings = all.filter((t) => t.c === 'Rollback plan').map((t) => t.t);
    assert.ok(
      headings.some((t) => /markup\.heading/.test(t) && !/itsmote/.test(t)),
      headings.join(' | '),
    );
  });
});

describe('snippets', () => {
  it('insert a full Normal change whose log entry the server reads (local time with its offset)', async () => {
    const a = await api();
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'changes', 'from-snippet.md');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const editor = await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      langId: 'markdown',
      name: 'ITSMote: Normal change',
    });
    const text = editor.document.getText();
    assert.match(text, /^- Change type: Normal$/m);
    assert.match(text, /^- Status: Planned$/m);
    assert.match(
      text,
      /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2} Planned by @you$/m,
      'the log line, owner mirrored',
    );
    await vscode.commands.executeCommand('leaveSnippet');
    await editor.document.save();
    await until('the snippet change in the tree', () => a.changesTree.changeFor(uri)?.status === 'Planned', [
      a.changesTree.onDidRefresh,
    ]);
    // No CM005 (unreadable time), CM030/CM031 (log vs status) or CM001: a well-formed document.
    // The placeholders are real values, so what is left is at most a warning or two.
    const bad = ['CM001', 'CM003', 'CM005', 'CM030', 'CM031', 'CM037'];
    const diags = await diagnosticsOf(uri, () => true);
    assert.deepEqual(
      codesOf(diags).filter((c) => bad.includes(c)),
      [],
    );
    assert.equal(a.changesTree.changeFor(uri)?.problems.errors, 0, codesOf(diags).join());
  });
});
