import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  Hover,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, check, editLine } from '../helpers/doc';

const AUTHOR = '@carol';

function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix));
}

/** Applies a code action's (or applyEdit's) single TextDocumentEdit to a text, checking the pinned version. */
function applyAction(text: string, uri: string, version: number, changes: unknown[] | undefined): string {
  assert.equal(changes?.length, 1);
  const tde = changes![0] as TextDocumentEdit;
  assert.equal(tde.textDocument.uri, uri);
  assert.equal(tde.textDocument.version, version);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', version, text), tde.edits as TextEdit[]);
}

describe('protocol: code actions, command, completion, hover, symbols', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  let version = 1;
  let text = VALID_NORMAL;
  let uri: string;

  /** Replaces the open document's text and waits for its diagnostics. */
  async function setText(next: string): Promise<Diagnostic[]> {
    text = next;
    version++;
    const since = client.mark();
    await client.change(uri, text, version);
    return client.diagnostics(uri, since, (_ds, v) => v === version);
  }

  function actions(line: number, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  before(async () => {
    ws = new TempWorkspace({
      'changes/other.md': editLine(
        editLine(VALID_NORMAL, '- Affected services:', '- Affected services: search, checkout'),
        '- Approval',
        '- Approval (if required): @erin, 2026-11-27\n- Caused incidents: INC-42',
      ),
      '.github/CODEOWNERS': '/changes/ @dave @org/sre\n',
    });
    uri = ws.uri('changes/mine.md');
    ({ client } = await TestClient.start({
      folders: [ws.root],
      env: { ITSMOTE_NOW: NOW_ISO },
      initializationOptions: { author: AUTHOR },
    }));
    await client.indexed();
    const since = client.mark();
    await client.open(uri, text, version);
    await client.diagnostics(uri, since);
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('offers "Advance status" on the Status item, and applying it gives a valid log', async () => {
    const list = await actions(lineOf(text, '- Status:'), []);
    const advance = list.filter((a) => a.kind === 'refactor.rewrite');
    assert.deepEqual(
      advance.map((a) => a.title),
      ['Advance status to In Progress'],
    );
    const out = applyAction(text, uri, version, advance[0]!.edit!.documentChanges);
    assert.match(out, /^- Status: In Progress$/m);
    assert.match(out, /- 2026-11-28 12:00 UTC In Progress by @carol\n$/);
    const ds = check(out);
    assert.ok(!ds.some((d) => d.code === 'CM030' || d.code === 'CM031'), ds.map((d) => d.code).join());
    // Nothing to advance away from the Status item.
    assert.deepEqual(
      (await actions(lineOf(text, '- Risk level:'), [])).filter((a) => a.kind === 'refactor.rewrite'),
      [],
    );
  });

  it('offers quick fixes for the diagnostics sent, preferred where obvious, honouring context.only', async () => {
    const ds = await setText(editLine(VALID_NORMAL, '- Risk level:', '- Risk level: Hgh'));
    const cm003 = ds.find((d) => d.code === 'CM003')!;
    const list = await actions(cm003.range.start.line, [cm003]);
    const fix = list.find((a) => a.kind === 'quickfix')!;
    assert.equal(fix.title, 'Change Risk level to "High"');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [cm003]);
    assert.equal(applyAction(text, uri, version, fix.edit!.documentChanges), VALID_NORMAL);
    assert.deepEqual(
      (await actions(cm003.range.start.line, [cm003], ['refactor'])).map((a) => a.kind),
      [],
    );
    assert.deepEqual(
      (await actions(cm003.range.start.line, [cm003], ['quickfix'])).map((a) => a.kind),
      ['quickfix'],
    );
  });

  it('restores dropped diagnostic data from the current diagnostics', async () => {
    const ds = await setText(editLine(VALID_NORMAL, '- Risk level:', '- Rsk level: High'));
    const { data: _drop, ...bare } = ds.find((d) => d.code === 'CM006')!;
    const list = await actions(bare.range.start.line, [bare], ['quickfix']);
    assert.deepEqual(
      list.map((a) => a.title),
      ['Rename "Rsk level" to "Risk level"'],
    );
  });

  it('fixes all safe problems for source.fixAll (fix on save), idempotently', async () => {
    await setText(
      editLine(editLine(VALID_NORMAL, '- Risk level:', '- Rsk level: High'), '- Change type:', '- Change type: Nrmal'),
    );
    const [all] = await actions(0, [], ['source.fixAll']);
    assert.equal(all!.kind, 'source.fixAll.itsmote');
    const fixed = applyAction(text, uri, version, all!.edit!.documentChanges);
    assert.equal(fixed, VALID_NORMAL);
    await setText(fixed);
    assert.deepEqual(await actions(0, [], ['source.fixAll.itsmote']), []);
  });

  it('advances through workspace/applyEdit with the command, and refuses a stale version', async () => {
    await setText(VALID_NORMAL);
    const stale = await client.conn.sendRequest('workspace/executeCommand', {
      command: 'itsmote.server.advanceStatus',
      arguments: [{ uri, to: 'In Progress', version: version - 1 }],
    });
    assert.equal(stale, false);
    assert.equal(client.appliedEdits.length, 0);
    const forbidden = await client.conn.sendRequest('workspace/executeCommand', {
      command: 'itsmote.server.advanceStatus',
      arguments: [{ uri, to: 'Closed', version }],
    });
    assert.equal(forbidden, false);
    const ok = await client.conn.sendRequest('workspace/executeCommand', {
      command: 'itsmote.server.advanceStatus',
      arguments: [{ uri, to: 'In Progress', version }],
    });
    assert.equal(ok, true);
    const applied = client.appliedEdits[0]!;
    const out = applyAction(text, uri, version, applied.edit.documentChanges);
    assert.match(out, /^- Status: In Progress$/m);
    await setText(out);
    await client.conn.sendRequest('workspace/executeCommand', {
      command: 'itsmote.server.advanceStatus',
      arguments: [{ uri, to: 'Rolled Back', note: 'error rate doubled', version }],
    });
    const rolled = applyAction(text, uri, version, client.appliedEdits[1]!.edit.documentChanges);
    assert.match(rolled, /Rolled Back by @carol: error rate doubled\n$/);
  });

  it('completes field names, next statuses, and services/people/incidents from the workspace and CODEOWNERS', async () => {
    await setText(
      editLine(
        editLine(VALID_NORMAL, '- Affected services:', '- Affected services: payments-db, '),
        '- Approval',
        '- Approval (if required): @\n- Caused incidents: ',
      ),
    );
    const complete = async (prefix: string): Promise<string[]> => {
      const line = lineOf(text, prefix);
      const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line, character: text.split('\n')[line]!.length },
      });
      return items.map((i) => i.label);
    };
    assert.deepEqual(await complete('- Status:'), ['In Progress']);
    assert.deepEqual(await complete('- Affected services:'), ['checkout', 'search']);
    const people = await complete('- Approval');
    for (const p of ['@carol', '@dave', '@erin', '@alice', '@bob']) assert.ok(people.includes(p), `${p} in ${people}`);
    assert.ok(!people.includes('@org/sre'), 'teams are not people');
    assert.deepEqual(await complete('- Caused incidents:'), ['INC-42']);
  });

  it('hovers field names and diagnostics', async () => {
    await setText(editLine(VALID_NORMAL, '- Change Owner:', '- Change Owner: the team'));
    const line = lineOf(text, '- Change Owner:');
    const onName: Hover = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 4 },
    });
    assert.match((onName.contents as { value: string }).value, /\*\*Change Owner\*\*/);
    const onValue: Hover = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 20 },
    });
    assert.match((onValue.contents as { value: string }).value, /CM012 owner-not-a-person/);
  });

  it('returns document symbols', async () => {
    const symbols: DocumentSymbol[] = await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Upgrade payments-db to PostgreSQL 16', 'Header', 'Rollback plan', 'Status log'],
    );
  });
});
