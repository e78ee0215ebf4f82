/**
 * The layers are TypeScript projects (tsconfig.json): the type-check itself refuses Node in the
 * core and an import of a layer a project does not reference. A probe file is type-checked here
 * with the core's and the client's compiler options, as if it were one of their files.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The TS error codes of `probe` type-checked with the options of the project in `projectDir`. */
function errorsUnder(projectDir: string, probe: string): string[] {
  // Inside the clone (out/ is ignored), so that types and modules resolve from its node_modules.
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'out', 'layers-probe-'));
  try {
    writeFileSync(join(dir, 'probe.ts'), probe);
    // The project's options, but only the probe as input and nothing written.
    const config = {
      extends: join(ROOT, projectDir, 'tsconfig.json'),
      compilerOptions: { composite: false, noEmit: true, emitDeclarationOnly: false, incremental: false, rootDir: dir },
      include: [],
      files: [join(dir, 'probe.ts')],
      references: [],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const r = spawnSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
    return [...r.stdout.matchAll(/error (TS\d+)/g)].map((m) => m[1]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('layers as TypeScript projects', function () {
  this.timeout(60_000);

  it('the core has no Node: neither its modules nor its globals type-check there', () => {
    assert.deepEqual(
      errorsUnder(
        'server/src/core',
        "import { readFileSync } from 'node:fs';\nexport const x = [readFileSync, process.env];\n",
      ),
      ['TS2307', 'TS2591'],
    );
  });

  it('the file-system interface (server/src/fs, shared with the browser server) has no Node either', () => {
    assert.deepEqual(
      errorsUnder(
        'server/src/fs',
        "import { readFileSync } from 'node:fs';\nexport const x = [readFileSync, process.env];\n",
      ),
      ['TS2307', 'TS2591'],
    );
  });

  it('the same code type-checks in server/src/node', () => {
    assert.deepEqual(
      errorsUnder(
        'server/src/node',
        "import { readFileSync } from 'node:fs';\nexport const x = [readFileSync, process.env];\n",
      ),
      [],
    );
  });

  it('a webview page script has the DOM and no Node; the client has the editor API and Node', () => {
    assert.deepEqual(errorsUnder('client/webview', 'export const x = [document.title, process.env];\n'), ['TS2591']);
    assert.deepEqual(
      errorsUnder('client/src', "import * as vscode from 'vscode';\nexport const x = [vscode.window, process.env];\n"),
      [],
    );
  });
  // An import of `vscode` or of the language-server runtime resolves from node_modules in any
  // project: ESLint refuses those in the core (test/cli/lint.test.ts).
});
