/**
 * The web extension's language server in a real browser: the browser bundle
 * (server/src/browser-server.ts, built here exactly as scripts/build.mjs builds it) runs in a
 * Web Worker of Chromium, driven over LSP from a page (test/browser/web/page.ts) that answers
 * the server's `itsmote/fs/*` requests from an in-memory `vscode-vfs://` workspace, as github.dev
 * serves one. Diagnostics, advance status, completion and `itsmote/listChanges` must be what the
 * desktop gives; no Node API may be reachable in the worker; and the build must refuse a Node
 * module in the browser bundles and stay within the size budget.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page, Worker } from 'playwright-core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { EXAMPLES, itsmote, json, NOW, ROOT, validChange } from '../cli/run';
import { readTree } from '../helpers/read-tree';

const CHROMIUM =
  process.env.ITSMOTE_CHROMIUM ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const FOLDER = 'vscode-vfs://github/itsmote/demo';

type BuildModule = {
  BROWSER_ENTRIES: { in: string; out: string }[];
  BROWSER_BUDGET_BYTES: number;
  browserOptions(
    entry: { in: string; out: string },
    opts?: { production?: boolean; write?: boolean },
  ): esbuild.BuildOptions;
  measureBrowserBundles(e: typeof esbuild): Promise<{ sizes: Record<string, number>; total: number }>;
};
// The build script is plain ESM (scripts/*.mjs): loaded as the build loads it.
const buildModule = (): Promise<BuildModule> => import(join(ROOT, 'scripts/browser-build.mjs')) as Promise<BuildModule>;

/** An expression evaluated in the page (a string: tests are type-checked without the DOM library). */
function js<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

interface Diagnostic {
  code?: string;
  message: string;
  range: { start: { line: number; character: number } };
}

describe('the web extension: the language server in a Web Worker', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let worker: Worker;
  const request = <T>(method: string, params: unknown) =>
    js<T>(page, `lsp.request(${JSON.stringify(method)}, ${JSON.stringify(params)})`);
  const notify = (method: string, params: unknown) =>
    js<void>(page, `lsp.notify(${JSON.stringify(method)}, ${JSON.stringify(params)})`);
  const examples = readTree(EXAMPLES);
  const files: Record<string, string> = Object.fromEntries(
    Object.entries(examples).map(([rel, text]) => [`${FOLDER}/${rel}`, text]),
  );

  before(async () => {
    assert.ok(CHROMIUM, 'no Chromium found: install Debian chromium or set ITSMOTE_CHROMIUM to a Chromium binary');
    const { BROWSER_ENTRIES, browserOptions } = await buildModule();
    const serverEntry = BROWSER_ENTRIES.find((e) => e.in.endsWith('browser-server.ts'))!;
    const built = await esbuild.build({
      ...browserOptions(serverEntry, { production: true, write: false }),
      absWorkingDir: ROOT,
    });
    const serverCode = built.outputFiles!.find((f) => f.path.endsWith('.js'))!.text;
    const harness = await esbuild.build({
      entryPoints: [join(ROOT, 'test/browser/web/page.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      logLevel: 'silent',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ offline: true });
    // One page from a made-up origin; the worker is a blob of the bundle, nothing is fetched.
    await context.route('**/*', (route) =>
      route.request().url() === 'http://itsmote.test/'
        ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>itsmote web server</title>' })
        : route.abort(),
    );
    page = await context.newPage();
    await page.goto('http://itsmote.test/');
    await page.addScriptTag({ content: harness.outputFiles[0]!.text });
    const workerStarted = page.waitForEvent('worker');
    await page.evaluate(
      ([code, fs]) =>
        void (globalThis as unknown as { startServer(c: string, f: Record<string, string>): unknown }).startServer(
          code,
          fs,
        ),
      [serverCode, files] as const,
    );
    worker = await workerStarted;
    const init = await request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'demo' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: { completion: { completionItem: { snippetSupport: true } } },
      },
      initializationOptions: { now: NOW, author: '@carol' },
    });
    assert.equal(init.serverInfo.name, 'itsmote-changes');
    const indexed = js(page, 'lsp.indexChanged(1)');
    await notify('initialized', {});
    await indexed;
  });
  after(async () => {
    await browser?.close();
  });

  it('runs where no Node API is reachable: no process, require, Buffer or setImmediate in the worker', async () => {
    assert.deepEqual(
      await worker.evaluate('[typeof process, typeof require, typeof Buffer, typeof setImmediate, typeof module]'),
      ['undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
    );
    assert.match((await js<string[]>(page, 'lsp.log')).join('\n'), /itsmote-changes \S+ started \(Web Worker\)/);
  });

  it('indexes the virtual workspace through the client file system with the diagnostics the desktop CLI gives', async () => {
    const desktop = json<{ file: string; diagnostics: Diagnostic[] }[]>(
      itsmote(['check', 'examples', '--format', 'json', '--now', NOW], { cwd: ROOT }),
    );
    const expected = Object.fromEntries(
      desktop.map((f) => [
        `${FOLDER}/${f.file.replace(/^examples\//, '')}`,
        f.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`).sort(),
      ]),
    );
    assert.ok(
      Object.values(expected).some((codes) => codes.length > 0),
      'the examples have problems to find',
    );
    const published = await js<Record<string, Diagnostic[]>>(page, 'lsp.diagnostics');
    const got = Object.fromEntries(
      Object.keys(expected).map((uri) => [
        uri,
        (published[uri] ?? []).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`).sort(),
      ]),
    );
    assert.deepEqual(got, expected);
    // It read through the client: the walk listed the folder and the config came from the virtual file system.
    const fsRequests = await js<string[]>(page, 'lsp.fsRequests');
    assert.ok(fsRequests.includes(`readDirectory ${FOLDER}`), fsRequests.slice(0, 5).join('\n'));
    assert.ok(fsRequests.includes(`readFile ${FOLDER}/.itsmote.json`));
  });

  it('answers itsmote/listChanges with every change document of the folder', async () => {
    const r = await request<{
      complete: boolean;
      changes: { uri: string; id: string; status: string; allowedNext: string[] }[];
    }>('itsmote/listChanges', {});
    assert.equal(r.complete, true);
    const changeFiles = Object.keys(examples)
      .filter((f) => f.startsWith('changes/'))
      .map((f) => `${FOLDER}/${f}`);
    assert.deepEqual(r.changes.map((c) => c.uri).sort(), changeFiles.sort());
    const approved = r.changes.find((c) => c.uri.endsWith('2026-12-01-upgrade-payments-db.md'))!;
    assert.equal(approved.status, 'Approved');
    assert.ok(approved.allowedNext.includes('In Progress'), approved.allowedNext.join(', '));
  });

  describe('open documents', () => {
    it('publishes diagnostics for a faulty document', async () => {
      const uri = `${FOLDER}/changes/2026-12-10-new-change.md`;
      const faulty = validChange({
        status: 'Planned',
        window: '2026-12-15 14:00 UTC, 60 min',
        log: ['2026-11-26 10:02 UTC Planned by @alice'],
      }).replace(/^- Rollback plan: .*\n/m, '');
      await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: faulty } });
      const ds = await js<Diagnostic[]>(
        page,
        `lsp.diagnosticsOf(${JSON.stringify(uri)}, "d.some((x) => x.code === 'CM010')")`,
      );
      const cm010 = ds.find((d) => d.code === 'CM010')!;
      assert.match(cm010.message, /[Rr]ollback/);
      // The document joined the index: the list has one change more.
      const list = await request<{ changes: { uri: string }[] }>('itsmote/listChanges', {});
      assert.ok(list.changes.some((c) => c.uri === uri));
    });

    it('offers "Advance status to Approved" whose edit writes the Status field and a log entry by the author', async () => {
      const uri = `${FOLDER}/changes/2026-12-16-planned.md`;
      const text = validChange({
        status: 'Planned',
        window: '2026-12-16 14:00 UTC, 60 min',
        log: ['2026-11-26 10:02 UTC Planned by @alice'],
      });
      await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const ds = await js<Diagnostic[]>(page, `lsp.diagnosticsOf(${JSON.stringify(uri)}, "true")`);
      assert.deepEqual(
        ds.map((d) => d.code),
        [],
      );
      const statusLine = text.split('\n').findIndex((l) => l.startsWith('- Status:'));
      const actions = await request<
        { title: string; kind: string; edit: { documentChanges: { edits: TextEdit[] }[] } }[]
      >('textDocument/codeAction', {
        textDocument: { uri },
        // On the Status line, where the editor offers it.
        range: { start: { line: statusLine, character: 3 }, end: { line: statusLine, character: 3 } },
        context: { diagnostics: [], only: ['refactor.rewrite'] },
      });
      const approve = actions.find((a) => a.title.startsWith('Advance status to Approved'));
      assert.ok(approve, actions.map((a) => a.title).join('\n'));
      const edits = approve.edit.documentChanges[0]!.edits;
      const applied = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
      assert.match(applied, /^- Status: Approved$/m);
      assert.match(applied, /^- 2026-11-28 12:00 UTC Approved by @carol$/m);
      assert.equal(
        applied
          .replace(/^- Status: Approved$/m, '- Status: Planned')
          .replace(/^- 2026-11-28 12:00 UTC Approved by @carol\n/m, ''),
        text,
      );
    });

    it('completes field values (Risk level) and the people of the workspace', async () => {
      const uri = `${FOLDER}/changes/2026-12-12-typing.md`;
      const text = '# A change\n\n- Change type: Normal\n- Risk level: \n- Change Owner: @\n';
      await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await js(page, `lsp.diagnosticsOf(${JSON.stringify(uri)}, "true")`);
      const risk = await request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 3, character: 14 },
      });
      const labels = (Array.isArray(risk) ? risk : risk.items).map((i) => i.label);
      assert.deepEqual(
        ['Low', 'Medium', 'High'].filter((l) => labels.includes(l)),
        ['Low', 'Medium', 'High'],
        labels.join(', '),
      );
      const owner = await request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 4, character: 16 },
      });
      const people = (Array.isArray(owner) ? owner : owner.items).map((i) => i.label);
      // People named by the example documents, read through the virtual file system.
      assert.ok(
        people.some((p) => p.includes('@alice')),
        people.join(', '),
      );
    });
  });
});

describe('the browser build', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'itsmote-browser-build-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [what, source] of [
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"],
    ['os (without the node: prefix)', "import { userInfo } from 'os';\nexport const user = userInfo;\n"],
  ] as const) {
    it(`fails when a browser bundle reaches a Node module: ${what}`, async () => {
      const { browserOptions } = await buildModule();
      const helper = join(dir, `helper-${what.length}.ts`);
      const entry = join(dir, `entry-${what.length}.ts`);
      writeFileSync(helper, source);
      writeFileSync(
        entry,
        `export { ${source.includes('userInfo') ? 'user' : 'read'} } from './${relative(dir, helper).replace(/\.ts$/, '')}';\n`,
      );
      await assert.rejects(
        esbuild.build(browserOptions({ in: entry, out: join(dir, 'out.js') }, { write: false })),
        (e: { errors?: { text: string }[] }) => {
          const text = (e.errors ?? []).map((m) => m.text).join('\n');
          assert.match(
            text,
            /Node module "(node:fs|os)" imported by .*helper-\d+\.ts: the browser bundles may not use Node/,
          );
          return true;
        },
      );
    });
  }

  it('keeps the browser bundles under the budget, minified', async () => {
    const { measureBrowserBundles, BROWSER_BUDGET_BYTES } = await buildModule();
    const { sizes, total } = await measureBrowserBundles(esbuild);
    const kb = (n: number) => `${Math.round(n / 1024)} KB`;
    console.log(
      `      (${Object.entries(sizes)
        .map(([f, n]) => `${f} ${kb(n)}`)
        .join(', ')}; total ${kb(total)} of ${kb(BROWSER_BUDGET_BYTES)})`,
    );
    assert.equal(Object.keys(sizes).length, 2);
    assert.ok(total < BROWSER_BUDGET_BYTES, `${kb(total)} over the budget of ${kb(BROWSER_BUDGET_BYTES)}`);
  });
});
