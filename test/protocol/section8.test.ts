/**
 * The language server on change documents written the way teams write them (SPEC section 8):
 * the regression documents of test/fixtures/section8 get exactly their expected diagnostics,
 * "Advance status" appends exactly one entry to the log as it is written (setext section, `Z:`
 * separators, comments under items, CRLF and a BOM kept byte for byte), the CM037 quick fix
 * writes a skeleton without dates, and custom fields show in completion, hover and the list.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from './helpers/client';
import { TempWorkspace } from './helpers/workspace';
import { SECTION8_EXPECTED, SECTION8_NOW } from '../fixtures/section8/expected';
import type { ListChangesResult } from '../../server/src/protocol';

const FIXTURES = join(__dirname, '..', 'fixtures', 'section8');
const AUTHOR = '@carol';

/** The lines of a text with their line breaks, so that a comparison sees every byte. */
function linesOf(text: string): string[] {
  return text.split(/(?<=\r\n|\n)/);
}

describe('protocol: documents as teams write them (SPEC section 8)', () => {
  let ws: TempWorkspace;
  let client: TestClient;
  const texts = new Map<string, string>();

  before(async () => {
    const files: Record<string, string> = { '.itsmote.json': readFileSync(join(FIXTURES, '.itsmote.json'), 'utf8') };
    for (const name of readdirSync(join(FIXTURES, 'changes'))) {
      const text = readFileSync(join(FIXTURES, 'changes', name), 'utf8');
      texts.set(name, text);
      files[`changes/${name}`] = text;
    }
    ws = new TempWorkspace(files);
    ({ client } = await TestClient.start({
      folders: [ws.root],
      env: { ITSMOTE_NOW: SECTION8_NOW },
      initializationOptions: { author: AUTHOR },
    }));
    await client.indexed();
  });
  after(async () => {
    await client.stop();
    ws.cleanup();
  });

  /** Opens a fixture and waits for its diagnostics. */
  async function open(name: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
    const uri = ws.uri(`changes/${name}`);
    const text = texts.get(name)!;
    const since = client.mark();
    await client.open(uri, text, 1);
    return { uri, text, diagnostics: await client.diagnostics(uri, since, (_d, v) => v === 1) };
  }

  function codeActions(uri: string, line: number, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    return client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics },
    });
  }

  function apply(uri: string, text: string, action: CodeAction): string {
    const tde = action.edit!.documentChanges![0] as TextDocumentEdit;
    return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), tde.edits as TextEdit[]);
  }

  /** Advances an open fixture to `to` and returns the text after the edit. */
  async function advance(name: string, to: string): Promise<{ before: string; after: string }> {
    const { uri, text } = await open(name);
    const statusLine = text.split(/\r?\n/).findIndex((l) => /^- Status:/.test(l));
    const list = await codeActions(uri, statusLine);
    const action = list.find((a) => a.title === `Advance status to ${to}`);
    assert.ok(action, `no advance to ${to} in ${list.map((a) => a.title)}`);
    return { before: text, after: apply(uri, text, action) };
  }

  /** The lines added by an edit that only inserts (every old line is still there, in order, byte for byte). */
  function inserted(before: string, after: string): string[] {
    const b = linesOf(before);
    const a = linesOf(after);
    const added: string[] = [];
    let i = 0;
    for (const line of a) {
      if (i < b.length && line === b[i]) i++;
      else added.push(line);
    }
    assert.equal(i, b.length, `old lines changed or lost:\n${after}`);
    return added;
  }

  it('publishes exactly the expected diagnostics for every regression document', async () => {
    for (const [name, { diagnostics: want }] of Object.entries(SECTION8_EXPECTED)) {
      const got = await client.diagnostics(ws.uri(`changes/${name}`));
      assert.deepEqual(
        got.map((d) => `${d.code}@${d.range.start.line + 1}`),
        want.map((d) => `${d.code}@${d.line}`),
        `${name}: ${got.map((d) => d.message).join(' | ')}`,
      );
      want.forEach((w, i) => {
        for (const word of w.words ?? [])
          assert.ok(String(got[i]!.message).includes(word), `${name}: "${word}" not in ${got[i]!.message}`);
      });
    }
  });

  it('advances a Planned change whose log is a setext section: one entry appended in that section, no second log, nothing invented', async () => {
    const { before, after } = await advance('11-advance-setext-log.md', 'Approved');
    assert.equal(after.match(/Status log/g)!.length, 1);
    assert.ok(!/Planned by @carol/.test(after), 'an invented Planned entry');
    const beforeLines = linesOf(before);
    const afterLines = linesOf(after);
    // Changed: the Status value, the empty Approval value; added: one entry after the Planned one.
    const changed = afterLines.filter((l) => !beforeLines.includes(l));
    assert.deepEqual(changed, [
      '- Status: Approved\n',
      '- Approval (if required): @carol, 2026-11-28\n',
      '- 2026-11-28 12:00 UTC Approved by @carol\n',
    ]);
    assert.equal(
      afterLines.indexOf('- 2026-11-28 12:00 UTC Approved by @carol\n'),
      afterLines.indexOf('- 2026-11-27 10:00 UTC Planned by @rupert\n') + 1,
    );
  });

  it('advances a change whose log writes `13:42Z: Planned`: exactly one line added, every other byte kept', async () => {
    const { before, after } = await advance('12-advance-z-colon-log.md', 'Approved');
    assert.equal(
      after.replace('- Status: Approved', '- Status: Planned'),
      before + '- 2026-11-28 12:00 UTC Approved by @carol\n',
    );
  });

  it('keeps comments under items and trailing spaces when advancing', async () => {
    const { before, after } = await advance('14-comments-under-items.md', 'In Progress');
    assert.equal(
      after,
      before.replace('- Status: Approved\n', '- Status: In Progress\n') +
        '- 2026-11-28 12:00 UTC In Progress by @carol\n',
    );
    assert.match(after, /- Status: In Progress\n {2}<!-- YYYY-MM-DD HH:MM UTC, duration -->\n/);
    assert.match(after, /- Risk level: High {2}\n/);
  });

  it('keeps CRLF, the BOM and front matter byte for byte when advancing', async () => {
    const { before, after } = await advance('19-rich-markdown-crlf-bom.md', 'Verifying');
    assert.ok(after.startsWith('\ufeff---\r\n'));
    assert.deepEqual(
      inserted(before.replace('- Status: In Progress\r\n', ''), after.replace('- Status: Verifying\r\n', '')),
      ['- 2026-11-28 12:00 UTC Verifying by @carol\r\n'],
    );
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF in a CRLF document');
  });

  it('the CM037 quick fix writes a status log skeleton to fill in, never a dated entry', async () => {
    const { uri, text, diagnostics } = await open('13-closed-without-log.md');
    const cm037 = diagnostics.find((d) => d.code === 'CM037')!;
    const list = await codeActions(uri, cm037.range.start.line, [cm037]);
    const fix = list.find((a) => a.kind === 'quickfix' && /status log skeleton/.test(a.title));
    assert.ok(fix, list.map((a) => a.title).join());
    const out = apply(uri, text, fix);
    const added = inserted(text, out).join('');
    assert.equal(
      added,
      '\n## Status log\n\n- YYYY-MM-DD HH:MM UTC Planned by ...\n- YYYY-MM-DD HH:MM UTC In Progress by ...\n- YYYY-MM-DD HH:MM UTC Verifying by ...\n- YYYY-MM-DD HH:MM UTC Closed by ...\n',
    );
    assert.ok(!/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(added), 'a dated entry for a past transition');
  });

  it('offers the custom fields in completion (not again once written) and explains them in hover; listChanges carries them', async () => {
    const { uri, text } = await open('15-custom-fields.md');
    const lines = text.split('\n');
    const items: CompletionItem[] = await client.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: lines.indexOf('- PR: #512'), character: 2 },
    });
    // The item being written is offered (a custom field); one written elsewhere is not offered again.
    const pr = items.find((i) => i.label === 'PR');
    assert.ok(pr, items.map((i) => i.label).join());
    assert.equal(pr.detail, 'custom field');
    assert.equal(
      items.some((i) => i.label === 'Reviewers'),
      false,
      items.map((i) => i.label).join(),
    );
    const h: Hover = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: lines.indexOf('- Jira: OPS-1234'), character: 3 },
    });
    assert.match((h.contents as { value: string }).value, /\*\*Jira\*\*[\s\S]*extraFields/);
    const r: ListChangesResult = await client.conn.sendRequest('itsmote/listChanges', {});
    const change = r.changes.find((c) => c.id === '15-custom-fields')!;
    assert.deepEqual(
      change.fields?.map((f) => f.name),
      ['Jira', 'Reviewers', 'PR'],
    );
  });
});
