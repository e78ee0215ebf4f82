// The workbench URL that opens a folder in code-server with this clone's extension loaded, the
// same way VS Code opens an "Extension Development Host" window on the web: a `payload` query
// parameter (honoured because code-server runs with enable-smoke-test-driver). Shared by the
// test driver and `npm run editor` (open.sh) so both open the editor the same way.
//   node .ci/e2e/workbench-url.mjs BASE_URL EXT_DEV FOLDER [FILE_TO_OPEN]
import { pathToFileURL } from 'node:url';

/**
 * @param {string} base       http://127.0.0.1:PORT
 * @param {string} extDev     absolute path of the extension under development
 * @param {string} folder     absolute path of the folder to open
 * @param {{ tests?: string, environment?: Record<string,string>, openFile?: string }} [opts]
 *   tests: absolute path of the extension tests' entry; environment: env vars for the extension
 *   host; openFile: absolute path of a file to open in an editor at start.
 */
export function workbenchUrl(base, extDev, folder, opts = {}) {
  const host = new URL(base).host;
  // The URI authority must be the page's host, or the workbench ignores the entry.
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extDev)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (opts.tests) payload.push(['extensionTestsPath', remote(opts.tests)]);
  if (opts.environment) payload.push(['extensionEnvironment', JSON.stringify(opts.environment)]);
  if (opts.openFile) payload.push(['openFile', remote(opts.openFile)]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [base, extDev, folder, openFile] = process.argv.slice(2);
  process.stdout.write(workbenchUrl(base, extDev, folder, openFile ? { openFile } : {}));
}
