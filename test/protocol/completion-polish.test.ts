/**
 * Issue 13 over LSP: field completion (missing fields, needed first, one row per field, bare
 * lines, continuing to values), templates only where a document starts, the quick fix's cursor
 * (a snippet edit when the client takes them), and missing-field diagnostics on the bullet: what
 * the hover shows there and on the first field, and that their fixes are still on the line.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { FULL_CAPABILITIES, TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL, editLine } from '../helpers/doc';

const RETRIGGER = 'editor.action.triggerSuggest';
/** VALID_NORMAL without its rollback plan (value and section) and without Risk level: CM010 and CM002 on the header. */
const MISSING = editLine(editLine(VALID_NORMAL, '- Rollback plan:', null), '- Risk level:', null).replace(
  /## Rollback plan[\s\S]*?(?=## Status log)/,
  '',
);

function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix));
}

function hoverText(h: Hover | null): string {
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
}

describe('protocol: completion and quick fixes that a new user expects (issue 13)', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  const uri = (name: string) => ws.uri(`changes/${name}.md`);

  async function open(name: string, text: string): Promise<Diagnostic[]> {
    const since = client.mark();
    await client.open(uri(name), text, 1);
    return client.diagnostics(uri(name), since);
  }
  const completion = (name: string, line: number, character: number): Promise<CompletionItem[]> =>
    client.conn.sendRequest('textDocument/completion', {
      textDocument: { uri: uri(name) },
      position: { line, character },
    });

  before(async () => {
    ws = new TempWorkspace({});
    const capabilities = {
      ...FULL_CAPABILITIES,
      workspace: { ...FULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
      textDocument: { ...FULL_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: true } } },
    };
    ({ client } = await TestClient.start({
      folders: [ws.root],
      env: { ITSMOTE_NOW: NOW_ISO },
      initializationOptions: { author: '@carol', retriggerCommand: RETRIGGER },
      capabilities,
    }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('on `- ` offers the missing fields, needed first, one row per field, and continues to the values', async () => {
    const text = MISSING.replace('- Status: Approved', '- \n- Status: Approved');
    await open('fields', text);
    const items = await completion('fields', text.split('\n').indexOf('- '), 2);
    const labels = items.map((i) => i.label);
    assert.ok(
      !labels.includes('Title') && !labels.includes('Change type') && !labels.includes('Status'),
      labels.join(),
    );
    assert.equal(
      labels.filter((l) => /^Approv|Execution window|Incidents caused|Backout/.test(l)).length,
      0,
      'no alias rows',
    );
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 2), ['Risk level', 'Rollback plan'], 'the needed ones first');
    const risk = items.find((i) => i.label === 'Risk level')!;
    assert.deepEqual(risk.command, { title: 'Suggest values', command: RETRIGGER });
    assert.equal((risk.textEdit as TextEdit).newText, 'Risk level:');
    assert.equal(
      items.find((i) => i.label === 'Rollback plan')!.command,
      undefined,
      'free text: nothing to continue to',
    );
  });

  it('after `Status: ` offers only the allowed statuses: no field names, no templates', async () => {
    const text = editLine(VALID_NORMAL, '- Status:', '- Status: ');
    await open('values', text);
    const items = await completion('values', lineOf(text, '- Status:'), '- Status: '.length);
    assert.deepEqual(
      items.map((i) => i.label),
      ['In Progress'],
    );
  });

  it('on a bare word by the header, offers the field with its bullet', async () => {
    const text = editLine(VALID_NORMAL, '- Approval', null).replace(
      '\n\n## Rollback plan',
      '\nAppr\n\n## Rollback plan',
    );
    await open('bare', text);
    const line = text.split('\n').indexOf('Appr');
    const items = await completion('bare', line, 4);
    const approval = items.find((i) => i.label === 'Approval (if required)');
    assert.ok(approval, items.map((i) => i.label).join());
    assert.match(approval.filterText!, /\bApprover\b/);
    const out = TextDocument.applyEdits(TextDocument.create(uri('bare'), 'markdown', 1, text), [
      approval.textEdit as TextEdit,
    ]);
    // People can be offered next (the author at least): `Name:` and the list reopens on them.
    assert.equal(out.split('\n')[line], '- Approval (if required):');
    assert.equal(approval.command?.command, RETRIGGER);
  });

  it('offers the whole-document templates in an empty change document, as snippets', async () => {
    await open('empty', '');
    const items = await completion('empty', 0, 0);
    const normal = items.find((i) => i.label === 'change-normal');
    assert.ok(normal, items.map((i) => i.label).join());
    assert.equal(normal.insertTextFormat, 2);
    assert.match(
      (normal.textEdit as TextEdit).newText,
      /^# \$\{1:What changes, in one line\}\n\n- Change type: Normal\n- Change Owner: @carol\n/,
    );
  });

  it('puts missing-field diagnostics on the bullet: the hover there is the problem, on the name the field', async () => {
    const ds = await open('hover', MISSING);
    const first = lineOf(MISSING, '- Change type');
    const anchored = ds.filter(
      (d) => d.code === 'CM010' || (d.code === 'CM002' && /Risk level/.test(String(d.message))),
    );
    assert.equal(anchored.length, 2, JSON.stringify(ds));
    for (const d of anchored)
      assert.deepEqual(d.range, { start: { line: first, character: 0 }, end: { line: first, character: 1 } });
    const onBullet: Hover | null = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: uri('hover') },
      position: { line: first, character: 0 },
    });
    assert.match(hoverText(onBullet), /CM010 rollback-missing/);
    assert.match(hoverText(onBullet), /CM002 field-missing/);
    assert.doesNotMatch(hoverText(onBullet), /\*\*Change type\*\*/);
    const onName: Hover | null = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: uri('hover') },
      position: { line: first, character: 4 },
    });
    assert.match(hoverText(onName), /^\*\*Change type\*\*/);
    assert.doesNotMatch(hoverText(onName), /CM010|rollback/i);
  });

  it('offers the missing-field fixes anywhere on the first line, and the fix puts the cursor in the new value', async () => {
    await open('fix', MISSING);
    const first = lineOf(MISSING, '- Change type');
    // The cursor at the end of the line: the client sends no diagnostic (none covers it).
    const list: CodeAction[] = await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('fix') },
      range: { start: { line: first, character: 18 }, end: { line: first, character: 18 } },
      context: { diagnostics: [] },
    });
    const add = list.find((a) => a.title === 'Add the "Rollback plan" field');
    assert.ok(add, list.map((a) => a.title).join());
    assert.ok(list.some((a) => a.title === 'Add the "Risk level" field'));
    const edit = (add.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as {
      range: TextEdit['range'];
      snippet?: { kind: string; value: string };
    };
    assert.equal(edit.snippet?.kind, 'snippet');
    assert.equal(edit.snippet?.value, '\n- Rollback plan: $0');
  });
});

describe('protocol: the same fix for a client without snippet edits', () => {
  let ws: TempWorkspace;
  let client: TestClient;

  before(async () => {
    ws = new TempWorkspace({});
    ({ client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('is a plain text edit, and completion carries no command', async () => {
    const u = ws.uri('changes/plain.md');
    const since = client.mark();
    await client.open(u, MISSING, 1);
    const ds = await client.diagnostics(u, since);
    const cm010 = ds.find((d) => d.code === 'CM010')!;
    const list: CodeAction[] = await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: u },
      range: cm010.range,
      context: { diagnostics: [cm010] },
    });
    const add = list.find((a) => a.title === 'Add the "Rollback plan" field')!;
    const edit = (add.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit;
    assert.equal(edit.newText, '\n- Rollback plan:');
    const text = MISSING.replace('- Status: Approved', '- \n- Status: Approved');
    await client.change(u, text, 2);
    const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', {
      textDocument: { uri: u },
      position: { line: text.split('\n').indexOf('- '), character: 2 },
    });
    assert.ok(items.length > 0 && items.every((i) => i.command === undefined));
  });
});
