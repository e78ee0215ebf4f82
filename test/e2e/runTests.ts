/**
 * Runs the extension-host tests in a downloaded VS Code (@vscode/test-electron), for machines
 * that can reach update.code.visualstudio.com. Here, use `npm run test:e2e` (code-server) instead.
 * Usage: npm run build && node test/e2e/build.mjs && node out/e2e/runTests.js
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const examples = join(root, 'examples');
  const source = existsSync(join(examples, 'changes')) ? examples : join(root, 'test', 'e2e', 'fixtures', 'workspace');
  // The tests edit documents: give them a copy.
  const temp = mkdtempSync(join(tmpdir(), 'itsmote-e2e-'));
  const workspace = join(temp, 'ws');
  cpSync(source, workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: join(__dirname, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        `--user-data-dir=${join(temp, 'ud')}`,
      ],
      extensionTestsEnv: { ITSMOTE_E2E_WORKSPACE: workspace, ITSMOTE_NOW: '2026-11-28T12:00:00Z' },
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
