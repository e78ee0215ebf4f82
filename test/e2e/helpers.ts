/**
 * Helpers for the extension-host tests: get the extension's API, and wait for a condition that
 * events announce, with a timeout (no sleeping, no polling).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ItsmoteApi } from '../../client/src/extension';

export const EXTENSION_ID = 'itsmote.itsmote-changes';
/** The fixed clock of the example workspace's expectations (examples/EXPECTED.md). */
export const NOW = '2026-11-28T12:00:00Z';

/** The extension's API once the server runs and the first list is loaded. */
export async function api(): Promise<ItsmoteApi> {
  const ext = vscode.extensions.getExtension<ItsmoteApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

/** The (copied) example workspace folder the tests run in. */
export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the tests need a workspace folder');
  return f.uri;
}

export function changeUri(id: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'changes', `${id}.md`);
}

export function readText(uri: vscode.Uri): string {
  return readFileSync(uri.fsPath, 'utf8');
}

/**
 * Resolves with `check()`'s first truthy value: checked now and after each firing of `events`.
 * Rejects after `timeoutMs` with `what` and the last value seen.
 */
export function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  events: vscode.Event<unknown>[],
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    let done = false;
    let last: unknown;
    const finish = (fn: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      fn();
    };
    const run = async (): Promise<void> => {
      try {
        const v = await check();
        last = v;
        if (v) finish(() => resolve(v));
      } catch (err) {
        finish(() => reject(err));
      }
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`)),
        ),
      timeoutMs,
    );
    for (const e of events) subs.push(e(() => void run()));
    void run();
  });
}

/** The itsmote diagnostics of a document once the server has published any matching `ready`. */
export function diagnosticsOf(
  uri: vscode.Uri,
  ready: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  const get = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'itsmote');
  return until(
    `diagnostics of ${uri.path}`,
    () => (ready(get()) ? get() : undefined),
    [vscode.languages.onDidChangeDiagnostics],
    timeoutMs,
  );
}

export function codesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)))].sort();
}

/** The rows of examples/EXPECTED.md's first table: file -> expected codes. */
export function expectedCodes(): Map<string, string[]> {
  const text = readFileSync(join(workspaceRoot().fsPath, 'EXPECTED.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^\|\s*(changes\/[^|]+\.md)\s*\|([^|]*)\|/.exec(line);
    if (m)
      rows.set(
        m[1]!.trim(),
        m[2]!
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
          .sort(),
      );
  }
  return rows;
}

/** A header field of each example change, read from the files with a plain regex (not the server). */
function fieldOnDisk(field: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file] of expectedCodes()) {
    const m = field.exec(readFileSync(join(workspaceRoot().fsPath, file), 'utf8'));
    out.set(file.replace(/^changes\//, '').replace(/\.md$/, ''), m?.[1] ?? '');
  }
  return out;
}

export const statusesOnDisk = (): Map<string, string> => fieldOnDisk(/^- Status:[ \t]*(.+?)[ \t]*$/m);
export const ownersOnDisk = (): Map<string, string> => fieldOnDisk(/^- (?:Change Owner|Owner):[ \t]*(.+?)[ \t]*$/m);
