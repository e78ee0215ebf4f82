import { strict as assert } from 'node:assert';
import { ChangeDocumentSchema } from '../../server/src/core/schema';
import { analyze, fieldState, fieldValue, idFromPath } from '../../server/src/core/model';
import { hasTextBesideComments } from '../../server/src/core/sections';
import { check, doc, editLine, VALID_NORMAL } from '../helpers/doc';

/** Builds the model and validates it against the zod contract. */
function model(text: string, path = 'changes/2026-12-01-upgrade.md') {
  const a = analyze(text, path);
  const r = ChangeDocumentSchema.safeParse(a.doc);
  assert.ok(r.success, r.success ? '' : JSON.stringify(r.error.issues));
  return a.doc;
}
const names = (text: string) => model(text).header?.items.map((i) => `${i.name}=${i.value}`);

describe('the change document model (model.ts)', () => {
  it('builds a model of the valid example that validates against ChangeDocumentSchema', () => {
    const d = model(VALID_NORMAL);
    assert.equal(d.id, '2026-12-01-upgrade');
    assert.equal(d.title, 'Upgrade payments-db to PostgreSQL 16');
    assert.equal(d.header?.items.length, 10);
    assert.equal(d.values.changeType, 'Normal');
    assert.equal(d.values.risk, 'High');
    assert.equal(d.values.status, 'Approved');
    assert.deepEqual(d.values.services, ['payments-db', 'payments-api']);
    assert.deepEqual(d.values.owner, { people: ['@alice'], hasTeam: false });
    assert.deepEqual(d.values.approval, { people: ['@bob'], hasTeam: false, date: '2026-11-27' });
    assert.equal(d.values.window?.start, Date.UTC(2026, 11, 1, 14, 0));
    assert.deepEqual(
      d.statusLog?.entries.map((e) => [e.status, e.by]),
      [
        ['Planned', '@alice'],
        ['Approved', '@bob'],
      ],
    );
    assert.deepEqual(
      d.sections.map((s) => [s.name, s.key ?? null]),
      [
        ['Rollback plan', 'rollback'],
        ['Status log', null],
      ],
    );
  });

  it('validates for arbitrary and hostile inputs without throwing', () => {
    for (const text of [
      '',
      '\uFEFF',
      '-',
      '- :',
      '- a:\n  - b:\n    - c',
      '# only\n',
      '## Status log\n\n- 2026-99-99 99:99 Nope\n',
      '\r\n\r\n- Status:\r\n',
      '```\n- Status: x\n',
      '- Status: Planned\n\n## Status log\n\n-\n- 2026-11-26\n',
    ]) {
      assert.doesNotThrow(() => model(text), JSON.stringify(text));
    }
  });

  it('gives the same values and lines with CRLF, and with a BOM', () => {
    const lf = model(VALID_NORMAL);
    const crlf = model('\uFEFF' + VALID_NORMAL.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.values, lf.values);
    assert.deepEqual(
      crlf.header?.items.map((i) => [i.value, i.range.start.line, i.range.end.character]),
      lf.header?.items.map((i) => [i.value, i.range.start.line, i.range.end.character]),
    );
    assert.deepEqual(
      crlf.statusLog?.entries.map((e) => e.range),
      lf.statusLog?.entries.map((e) => e.range),
    );
  });

  it('reads tabs around names and values', () => {
    const d = model('# T\n\n-\tChange type:\tNormal\n-  Risk level :   Low\t\n');
    assert.deepEqual(
      d.header?.items.map((i) => [i.name, i.value]),
      [
        ['Change type', 'Normal'],
        ['Risk level', 'Low'],
      ],
    );
    assert.equal(d.values.risk, 'Low');
  });

  it('does not read `- Status: x` lines inside fenced code as header items, before or after the header', () => {
    const before = '# T\n\n```md\n- Status: Closed\n```\n\n- Status: Planned\n';
    assert.deepEqual(names(before), ['Status=Planned']);
    const inside = '# T\n\n- Status: Planned\n- Rollback plan:\n\n  ```sh\n  - Status: Closed\n  ```\n';
    const d = model(inside);
    assert.equal(d.values.status, 'Planned');
    assert.equal(d.header?.items.filter((i) => i.key === 'status').length, 1);
    const tilde = '# T\n\n~~~\n- Change type: Normal\n~~~\n';
    assert.equal(model(tilde).header, undefined);
  });

  it('keeps nested lines in the item above (multi-line values), not as items', () => {
    const text = editLine(
      VALID_NORMAL,
      '- Rollback plan',
      '- Rollback plan:\n  1. point the API back\n  2. check lag\n  - Status: not a field',
    );
    const d = model(text);
    const rollback = d.header!.items.find((i) => i.key === 'rollback')!;
    assert.match(rollback.value, /^1\. point the API back\n\s+2\. check lag\n\s+- Status: not a field$/);
    assert.equal(rollback.range.start.line, 8);
    assert.equal(rollback.range.end.line, 11);
    assert.equal(d.header!.items.filter((i) => i.key === 'status').length, 1);
    assert.deepEqual(
      check(text).map((d) => d.code),
      [],
    );
  });

  it('reads `*` and `+` bullets, loose lists, and mixed bullets as one header', () => {
    for (const bullet of ['*', '+']) {
      const d = model(VALID_NORMAL.replace(/^- /gm, `${bullet} `));
      assert.equal(d.header?.items.length, 10);
      assert.equal(d.header?.bullet, bullet);
    }
    const loose = model(VALID_NORMAL.replace(/\n- (Change Owner|Risk|Status: )/g, '\n\n- $1'));
    assert.equal(loose.header?.items.length, 10);
    const mixed = VALID_NORMAL.replace('- Risk level', '* Risk level').replace('- Status:', '+ Status:');
    const m = model(mixed);
    assert.equal(m.header?.items.length, 10);
    assert.equal(m.header?.bullet, '-');
    assert.equal(m.header?.range.end.line, 11);
    assert.equal(m.values.status, 'Approved');
    assert.deepEqual(check(mixed), []);
  });

  it('ends the header where markdown ends the list: a paragraph after it starts the body', () => {
    const d = model('# T\n\n- Status: Planned\n\nSome prose.\n\n- Risk level: Low\n');
    assert.deepEqual(
      d.header?.items.map((i) => i.key),
      ['status'],
    );
  });

  it('reads markup around names and values', () => {
    const d = model('# T\n\n- **Change type:** Normal\n- *Risk level*: **High**\n- `Status`: Planned\n');
    assert.deepEqual(
      d.header?.items.map((i) => [i.name, i.value]),
      [
        ['Change type', 'Normal'],
        ['Risk level', '**High**'],
        ['Status', 'Planned'],
      ],
    );
    assert.equal(d.values.risk, 'High');
  });

  it('reads the edges that readItem and cleanName check for before their regexes', () => {
    const d = model(
      '# T\n\n- Change  Owner: @a\n-\tRisk\tlevel:\tHigh\r\n- Status:**TBD**\n- Affected\u00a0services: db\n' +
        '- see https: x\n- http: y\n- Steps: z\n- Ops//notes: w\n- Title: v <!-- hint -->\n- `Touches`:  security \n- _Incident_: INC-1\n',
    );
    assert.deepEqual(
      d.header?.items.map((i) => [i.name, i.key, i.hasColon, i.value]),
      [
        ['Change Owner', 'owner', true, '@a'],
        ['Risk level', 'risk', true, 'High'],
        ['Status', 'status', true, '**TBD**'],
        ['Affected services', 'services', true, 'db'],
        ['see https: x', undefined, false, ''],
        ['http: y', undefined, false, ''],
        ['Steps', undefined, true, 'z'],
        ['Ops//notes: w', undefined, false, ''],
        ['Title', 'title', true, 'v'],
        ['Touches', 'touches', true, 'security'],
        ['Incident', 'incident', true, 'INC-1'],
      ],
    );
    assert.equal(d.values.status, undefined, '**TBD** is a placeholder');
    assert.deepEqual(d.values.services, ['db']);
  });

  it('leaves comments out of a value and its range, and keeps a `<` that opens none', () => {
    const text =
      '# T\n\n- Verification plan: p99 < 300 ms <!-- hint -->\n- Rollback plan: <x>\n- Change Owner:\n  <!-- @name -->\n';
    const items = model(text).header!.items;
    const lines = text.split('\n');
    const at = (i: number) => {
      const r = items[i]!.valueRange;
      return lines[r.start.line]!.slice(r.start.character, r.end.character);
    };
    assert.deepEqual(
      items.map((i) => i.value),
      ['p99 < 300 ms', '<x>', ''],
    );
    assert.deepEqual([at(0), at(1)], ['p99 < 300 ms', '<x>']);
    assert.deepEqual(items[2]!.valueRange, { start: { line: 4, character: 15 }, end: { line: 4, character: 15 } });
  });

  it('reads the first item of a field for its value, even when a later duplicate has one', () => {
    const d = model('# T\n\n- Risk level: TBD\n- Risk: High\n- Status: Planned\n- Status: Closed\n');
    assert.equal(d.values.risk, undefined);
    assert.equal(d.values.status, 'Planned');
  });

  it('reads a section as empty when it holds only white space and closed comments', () => {
    const nonEmpty = (body: string) =>
      model(`# T\n\n- Status: Planned\n\n## Rollback plan\n\n${body}\n`).sections[0]!.nonEmpty;
    assert.equal(nonEmpty(''), false);
    assert.equal(nonEmpty('<!-- steps -->'), false);
    assert.equal(nonEmpty('<!-- a -->\n\n<!-- b\nc -->'), false);
    assert.equal(nonEmpty('<!-- a --> x'), true);
    assert.equal(nonEmpty('<!-- unclosed'), true);
    assert.equal(nonEmpty('<!-->'), true);
    assert.equal(nonEmpty('\u00a0'), false);
    assert.equal(nonEmpty('1. Revert.'), true);
    // Only what lies between the bounds counts: a comment closed after `to` is not closed.
    const text = 'x <!-- a --> y';
    const regex = (from: number, to: number) =>
      text
        .slice(from, to)
        .replace(/<!--[\s\S]*?-->/g, '')
        .trim() !== '';
    for (let from = 0; from <= text.length; from++)
      for (let to = 0; to <= text.length; to++)
        assert.equal(hasTextBesideComments(text, from, to), regex(from, to), `${from}..${to}`);
  });

  it('reads `by` in any case and spacing, and the status in any case', () => {
    const entries = model(
      VALID_NORMAL +
        '- 2026-11-28 09:00 UTC APPROVED BY\t@a\n- 2026-11-28 09:01 UTC in progress   by  @b: x\n' +
        '- 2026-11-28 09:02 UTC Verifying bystander\n- 2026-11-28 09:03 UTC Closed by@c\n- 2026-11-28 09:04 UTC Closed by \n',
    ).statusLog!.entries.slice(2);
    assert.deepEqual(
      entries.map((e) => [e.status, e.statusText, e.by, e.note]),
      [
        ['Approved', 'APPROVED', '@a', undefined],
        ['In Progress', 'in progress', '@b', 'x'],
        ['Verifying', 'Verifying', undefined, undefined],
        ['Closed', 'Closed', undefined, undefined],
        ['Closed', 'Closed', undefined, undefined],
      ],
    );
  });

  it('writes the keys of a log entry in one order, and only those it read', () => {
    const entries = model(
      VALID_NORMAL +
        '- yyyy-mm-dd hh:mm utc Approved by ...\n- 2026-11-28 09:00 UTC – In  Progress by @a: go\n' +
        '- 2026-11-28 09:10 CET Verifying\n- Closed by @a\n- 2026-11-28 9am Closed\n- 2026-11-28 9am later\n',
    ).statusLog!.entries.slice(2);
    assert.deepEqual(
      entries.map((e) => Object.keys(e).join(' ')),
      [
        'range timestampRange timestampError status statusText',
        'range timestampRange at status statusText by note',
        'range timestampRange timestampError status statusText',
        'range timestampRange timestampError status statusText by',
        'range timestampRange timestampError status statusText',
        'range timestampRange timestampError status statusText',
      ],
    );
    assert.deepEqual(
      entries.map((e) => [e.status, e.statusText, e.by, e.note]),
      [
        ['Approved', 'Approved', undefined, undefined],
        ['In Progress', 'In  Progress', '@a', 'go'],
        ['Verifying', 'Verifying', undefined, undefined],
        ['Closed', 'Closed', '@a', undefined],
        ['Closed', 'Closed', undefined, undefined],
        [undefined, 'later', undefined, undefined],
      ],
    );
  });

  it('takes the title from a Title field before the H1, and the H1 otherwise', () => {
    assert.equal(model('# From H1\n\n- Title: From field\n').title, 'From field');
    assert.equal(model('# From *H1* #\n\n- Title: TBD\n').title, 'From H1');
    assert.equal(model('- Status: Planned\n').title, undefined);
  });

  it('reports field state: item, duplicates, sections (free-text fields only), presence', () => {
    const text =
      editLine(VALID_NORMAL, '- Risk level', '- Risk level: High\n- Risk: Low') + '\n## Risk level\n\nHigh\n';
    const d = model(text);
    const risk = fieldState(d, 'risk');
    assert.equal(risk.item?.value, 'High');
    assert.equal(risk.duplicates.length, 1);
    assert.equal(risk.section, undefined, 'a structured field is not read from a section');
    const rollback = fieldState(d, 'rollback');
    assert.equal(rollback.present, true);
    assert.equal(rollback.section?.name, 'Rollback plan');
    assert.equal(fieldValue(d, 'rollback'), undefined, 'see below is not a value');
    assert.equal(fieldValue(d, 'owner'), '@alice');
  });

  it('reads status log entries: by, note, unknown zones and non-entries', () => {
    const text =
      VALID_NORMAL +
      '- 2026-11-28 09:00 UTC In Progress by @alice: started late: ticket 12\n- 2026-11-28 9am Verifying\n- not an entry\n- 11/29/2026 10:00 Rolled Back\n';
    const entries = model(text).statusLog!.entries;
    assert.equal(entries.length, 5);
    assert.deepEqual(
      [entries[2]!.status, entries[2]!.by, entries[2]!.note],
      ['In Progress', '@alice', 'started late: ticket 12'],
    );
    assert.equal(entries[3]!.at, undefined);
    assert.equal(entries[3]!.status, 'Verifying');
    assert.ok(entries[3]!.timestampError);
    assert.equal(entries[4]!.status, 'Rolled Back');
    assert.ok(entries[4]!.timestampError);
  });

  it('derives the ID from a path or URI', () => {
    assert.equal(idFromPath('/repo/changes/2026-12-01-db.md'), '2026-12-01-db');
    assert.equal(idFromPath('file:///c%3A/repo/changes/My%20change.MD'), 'My change');
    assert.equal(idFromPath('C:\\repo\\x.change.md'), 'x.change');
    assert.equal(doc('x', 'changes/a.md').doc.id, 'a');
    assert.equal(idFromPath('changes/100%-rollout.md'), '100%-rollout', 'a literal % is not a URI escape');
  });
});

describe('robustness on mangled documents', () => {
  /** A small deterministic PRNG (mulberry32) so failures reproduce. */
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const PIECES = [
    '\n',
    '\r\n',
    ':',
    '- ',
    '* ',
    '#',
    '## ',
    '```',
    '<!--',
    '-->',
    ' ',
    '\t',
    '@',
    ',',
    'TBD',
    '2026-13-40 25:61',
    '–',
    '\uFEFF',
    '  - ',
    '> ',
  ];

  it('never throws, always builds a schema-valid model, and keeps diagnostic ranges inside the text', function () {
    // 150 documents take about 2 s on an idle machine; the margin is for a loaded CI box.
    this.timeout(60_000);
    const next = rng(42);
    for (let n = 0; n < 150; n++) {
      let text = VALID_NORMAL + (n % 2 ? '- 2026-11-28 09:00 UTC In Progress by @alice\n' : '');
      const edits = 1 + Math.floor(next() * 6);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * text.length);
        if (next() < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
        else text = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at);
      }
      const lines = text.split(/\r\n|\r|\n/);
      const d = model(text);
      assert.ok(d);
      for (const diag of check(text)) {
        const { start, end } = diag.range;
        assert.ok(
          start.line < lines.length && end.line < lines.length,
          `range past the end: ${JSON.stringify(diag)}\n${text}`,
        );
        assert.ok(
          start.line < end.line || (start.line === end.line && start.character <= end.character),
          `reversed range ${JSON.stringify(diag.range)}`,
        );
        assert.ok(
          end.character <= lines[end.line]!.length,
          `range past the line end: ${JSON.stringify(diag)}\n${text}`,
        );
      }
    }
  });
});

describe('the model on pathological lines', () => {
  it('reads headings and log entries with long runs of spaces in linear time', () => {
    const sp = ' '.repeat(50_000);
    const t = process.hrtime.bigint();
    const d = model(
      `# T${sp}x #\n\n- Status: Approved\n\n## Status log ${sp}x\n\n- 2026-11-27 10:00 UTC Approved by @bob${sp}x\n`,
    );
    assert.equal(d.title, `T${' '}x`);
    assert.equal(d.statusLog, undefined, 'the heading is not "Status log"');
    const e = model(`- Status: Approved\n\n## Status log ##\n\n- 2026-11-27 10:00 UTC Approved by @bob${sp}x\n`)
      .statusLog!.entries[0]!;
    assert.equal(e.by, `@bob${sp}x`);
    // Quadratic versions took seconds on 20 000 spaces; linear takes milliseconds.
    assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 3000);
  });

  it('keeps a `#` that belongs to the heading text (`## C#`)', () => {
    assert.equal(model('# Port to C#\n\n- Status: Planned\n').title, 'Port to C#');
  });
});
