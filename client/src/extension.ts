import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): Record<string, never> {
  return {};
}

export function deactivate(): void {}
