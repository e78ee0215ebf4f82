/** Temporary workspace folders for protocol tests. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, unlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileUri } from './client';

/** The fixed clock of protocol tests, equal to the unit tests' NOW (2026-11-28 12:00 UTC). */
export const NOW_ISO = '2026-11-28T12:00:00Z';

/** A temporary folder with files; `cleanup` removes it. */
export class TempWorkspace {
  readonly root: string;

  constructor(files: Record<string, string> = {}) {
    this.root = realpathSync(mkdtempSync(join(tmpdir(), 'itsmote-lsp-')));
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
  }

  path(rel: string): string {
    return join(this.root, rel);
  }

  uri(rel: string): string {
    return fileUri(this.path(rel));
  }

  write(rel: string, text: string): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), text);
  }

  remove(rel: string): void {
    unlinkSync(this.path(rel));
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
