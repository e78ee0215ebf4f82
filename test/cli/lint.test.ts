/**
 * `npm run lint` enforces what conventions used to: no import cycles, no undeclared packages, and
 * each layer importing only what it may. ESLint runs here on code that breaks those rules on
 * purpose (test/fixtures/lint/, and text linted as if it sat in a layer's folder).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}

/** ESLint's messages for files (or, with `stdinPath`, for `stdin` as if it were that file). */
function lint(args: string[], stdin?: string): { file: string; messages: Message[] }[] {
  const r = spawnSync(process.execPath, [ESLINT, '--format', 'json', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
  });
  assert.ok(r.status === 0 || r.status === 1, `eslint failed to run (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { filePath: string; messages: Message[] }[]).map((f) => ({
    file: f.filePath.slice(ROOT.length + 1),
    messages: f.messages,
  }));
}

function ruleIds(results: { messages: Message[] }[]): string[] {
  return results.flatMap((f) => f.messages.map((m) => String(m.ruleId))).sort();
}

describe('npm run lint', function () {
  this.timeout(60_000);

  it('fails on an import cycle and on an import of an undeclared package', () => {
    const results = lint(['--no-ignore', 'test/fixtures/lint/']);
    const byFile = Object.fromEntries(results.map((f) => [f.file, f.messages.map((m) => `${m.line} ${m.ruleId}`)]));
    assert.deepEqual(byFile, {
      'test/fixtures/lint/a.ts': ['2 import-x/no-cycle'],
      'test/fixtures/lint/b.ts': ['3 import-x/no-extraneous-dependencies', '4 import-x/no-cycle'],
    });
    assert.match(results[1]!.messages[0]!.message, /'vscode-jsonrpc' should be listed in the project's dependencies/);
  });

  it('keeps Node, the language-server runtime and the shells out of the core', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "import { git } from '../node/git';",
      'export const x = [readFileSync, createConnection, git];',
      '',
    ].join('\n');
    const results = lint(['--stdin', '--stdin-filename', 'server/src/core/lint-probe.ts'], text);
    assert.deepEqual(ruleIds(results), ['no-restricted-imports', 'no-restricted-imports', 'no-restricted-imports']);
  });

  it('keeps the server and the CLI out of the client', () => {
    const text = [
      "import { startServer } from '../../server/src/lsp/start';",
      "import { main } from '../../server/src/cli/main';",
      'export const x = [startServer, main];',
      '',
    ].join('\n');
    assert.deepEqual(ruleIds(lint(['--stdin', '--stdin-filename', 'client/src/lint-probe.ts'], text)), [
      'no-restricted-imports',
      'no-restricted-imports',
    ]);
  });

  it('passes the same imports where they belong', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import { git } from './git';",
      'export const x = [readFileSync, git];',
      '',
    ].join('\n');
    assert.deepEqual(ruleIds(lint(['--stdin', '--stdin-filename', 'server/src/node/lint-probe.ts'], text)), []);
  });
});
