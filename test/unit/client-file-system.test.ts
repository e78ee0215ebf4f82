/**
 * The browser server's file system (fs/client-file-system.ts, fs/uri-paths.ts): URI paths, the
 * walk over `itsmote/fs/*` answers (the same candidates as the Node walk over the same tree), the
 * nearest `.itsmote.json` and the repository facts, all read through the client.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathMatcher } from '../../server/src/core/discovery';
import { defaultConfig } from '../../server/src/core/config';
import { ClientFileSystem, FileTypeBits } from '../../server/src/fs/client-file-system';
import type { FsTransport } from '../../server/src/fs/client-file-system';
import { ConfigResolverOn } from '../../server/src/fs/config-resolver';
import { uriOfPath, uriPathOf, uriPaths } from '../../server/src/fs/uri-paths';
import { findChangeFiles } from '../../server/src/node/find-change-files';

const ROOT = 'vscode-vfs://github/itsmote/demo';

/** A transport over an in-memory tree (URI to text; `null`: a symbolic link), recording requests. */
function memoryTransport(files: Record<string, string | null>, requests: string[] = []): FsTransport {
  const entries = (dir: string): [string, number][] => {
    const out = new Map<string, number>();
    for (const [uri, text] of Object.entries(files)) {
      if (!uri.startsWith(`${dir}/`)) continue;
      const [name, ...rest] = uri.slice(dir.length + 1).split('/');
      out.set(
        name!,
        rest.length
          ? FileTypeBits.directory
          : text === null
            ? FileTypeBits.file | FileTypeBits.symbolicLink
            : FileTypeBits.file,
      );
    }
    return [...out];
  };
  return {
    readFile: async (uri) => (
      requests.push(`readFile ${uri}`),
      typeof files[uri] === 'string'
        ? { ok: true, text: files[uri] }
        : { ok: false, reason: 'no such file or directory' }
    ),
    readDirectory: async (uri) => (
      requests.push(`readDirectory ${uri}`),
      entries(uri).length
        ? { ok: true, entries: entries(uri).reverse() }
        : { ok: false, reason: 'no such file or directory' }
    ),
    stat: async (uri) => (
      requests.push(`stat ${uri}`),
      uri in files
        ? { ok: true, type: FileTypeBits.file }
        : entries(uri).length
          ? { ok: true, type: FileTypeBits.directory }
          : { ok: false, reason: 'no such file or directory' }
    ),
  };
}

const CHANGE = '# X\n\n- Change type: Normal\n';
const TREE: Record<string, string> = {
  'changes/2026-12-01-a.md': CHANGE,
  'changes/sub/b.md': CHANGE,
  'changes/README.md': '# readme',
  'changes/notes.txt': 'not markdown',
  'docs/db.change.md': CHANGE,
  'docs/by-header.md': CHANGE,
  'notes.md': '# notes',
  'node_modules/pkg/changes/x.md': CHANGE,
  '.git/changes/y.md': CHANGE,
  'Z.md': '# last',
};

describe('URI paths (the browser server)', () => {
  it('round-trips document URIs, spaces and all, and leaves untitled documents out', () => {
    for (const uri of [`${ROOT}/changes/a.md`, 'github://itsmote/demo/my%20change.md', 'memfs:/ws/changes/x.md'])
      assert.equal(uriOfPath(uriPathOf(uri)!), uri);
    assert.equal(uriPathOf('github://itsmote/demo/my%20change.md'), 'github://itsmote/demo/my change.md');
    assert.equal(uriPathOf('untitled:Untitled-1'), undefined);
  });
  it('walks up to the root and stops there', () => {
    assert.equal(uriPaths.dirname(`${ROOT}/changes/a.md`), `${ROOT}/changes`);
    assert.equal(uriPaths.dirname('vscode-vfs://github/'), 'vscode-vfs://github/');
    assert.equal(uriPaths.dirname('vscode-vfs://github/itsmote'), 'vscode-vfs://github/');
    assert.equal(uriPaths.join(ROOT, 'changes', '..', '.itsmote.json'), `${ROOT}/.itsmote.json`);
    assert.equal(uriPaths.relative(ROOT, `${ROOT}/changes/a.md`), 'changes/a.md');
  });
});

describe('ClientFileSystem', () => {
  let disk: string;
  before(() => {
    disk = mkdtempSync(join(tmpdir(), 'itsmote-clientfs-'));
    for (const [rel, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(disk, rel)), { recursive: true });
      writeFileSync(join(disk, rel), text);
    }
  });
  after(() => rmSync(disk, { recursive: true, force: true }));

  /** The disk tree, served as the client serves a virtual workspace. */
  const diskTransport = (): FsTransport => {
    const local = (uri: string) => join(disk, uri.slice(ROOT.length));
    return {
      readFile: async (uri) => ({ ok: true, text: readFileSync(local(uri), 'utf8') }),
      readDirectory: async (uri) => ({
        ok: true,
        entries: readdirSync(local(uri), { withFileTypes: true }).map(
          (e) => [e.name, e.isDirectory() ? FileTypeBits.directory : FileTypeBits.file] as [string, number],
        ),
      }),
      stat: async (uri) => ({
        ok: true,
        type: statSync(local(uri)).isDirectory() ? FileTypeBits.directory : FileTypeBits.file,
      }),
    };
  };

  it('finds the same candidates, in the same order, as the Node walk of the same tree', async () => {
    const matcher = pathMatcher(defaultConfig());
    const node = await findChangeFiles(disk, matcher);
    const client = await new ClientFileSystem(diskTransport()).findChangeFiles(ROOT, matcher);
    assert.ok(node.files.length >= 5);
    assert.deepEqual(
      client.files.map((f) => [f.rel, f.byGlob]),
      node.files.map((f) => [f.rel, f.byGlob]),
    );
    assert.deepEqual(
      client.files.map((f) => f.path),
      node.files.map((f) => `${ROOT}/${f.rel}`),
    );
  });

  it('never enters excluded folders, stops at the cap and when cancelled, and reports a link it does not follow', async () => {
    const requests: string[] = [];
    const files = {
      ...Object.fromEntries(Object.entries(TREE).map(([k, v]) => [`${ROOT}/${k}`, v])),
      [`${ROOT}/changes/linked.md`]: null,
    };
    const fs = new ClientFileSystem(memoryTransport(files, requests));
    const matcher = pathMatcher(defaultConfig());
    const all = await fs.findChangeFiles(ROOT, matcher);
    assert.ok(!requests.some((r) => /node_modules|\.git/.test(r)), requests.join('\n'));
    assert.deepEqual(all.problems, [
      { path: `${ROOT}/changes/linked.md`, reason: 'a symbolic link: not followed in the browser' },
    ]);
    const capped = await fs.findChangeFiles(ROOT, matcher, { maxFiles: 2 });
    assert.equal(capped.capped, 2);
    assert.deepEqual(
      capped.files.map((f) => f.rel),
      all.files.slice(0, 2).map((f) => f.rel),
    );
    const cancelled = await fs.findChangeFiles(ROOT, matcher, { isCancelled: () => true });
    assert.equal(cancelled.cancelled, true);
    assert.deepEqual(cancelled.files, []);
  });

  it('says why a root cannot be walked, and a failed request is a reason, not an exception', async () => {
    const fs = new ClientFileSystem(memoryTransport({}));
    assert.equal(
      (await fs.findChangeFiles(`${ROOT}/nope`, pathMatcher(defaultConfig()))).rootError,
      'no such file or directory',
    );
    const broken = new ClientFileSystem({
      readFile: () => Promise.reject(new Error('connection closed')),
      readDirectory: () => Promise.reject(new Error('x')),
      stat: () => Promise.reject(new Error('x')),
    });
    assert.deepEqual(await broken.readText(`${ROOT}/a.md`), { ok: false, reason: 'connection closed' });
    assert.equal(await broken.findRepoRoot(ROOT), undefined);
  });

  it('resolves the nearest .itsmote.json and reads CODEOWNERS and catalog files through the client', async () => {
    const fs = new ClientFileSystem(
      memoryTransport({
        [`${ROOT}/.itsmote.json`]: '{ "staleAfterHours": 12 }',
        [`${ROOT}/changes/a.md`]: CHANGE,
        [`${ROOT}/.github/CODEOWNERS`]: '* @alice @org/platform\n',
        [`${ROOT}/services/pay/catalog-info.yaml`]:
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\n',
      }),
    );
    const resolved = await new ConfigResolverOn(fs, undefined, ROOT).forFile(`${ROOT}/changes/a.md`);
    assert.equal(resolved.file, `${ROOT}/.itsmote.json`);
    assert.equal(resolved.config.staleAfterHours, 12);
    assert.equal(await fs.findRepoRoot(`${ROOT}/changes`), undefined, 'no .git in a virtual workspace');
    const repo = await fs.readRepoFiles(ROOT);
    assert.deepEqual(repo.codeowners, { file: `${ROOT}/.github/CODEOWNERS`, people: ['@alice', '@org/platform'] });
    assert.deepEqual(repo.catalog, { files: [`${ROOT}/services/pay/catalog-info.yaml`], services: ['payments-api'] });
  });
});
