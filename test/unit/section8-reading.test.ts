/**
 * SPEC section 8, reading: whatever CommonMark reads as the same structure gives the same model
 * and the same diagnostics (setext headings, section levels and aliases, H1 anywhere before the
 * first `##`, comments inside lists, log separators, task-list and bold entries, log lines
 * without a time, window notes, rich markdown around the fields).
 */
import { strict as assert } from 'node:assert';
import { NOW, VALID_NORMAL, check, codes, doc, editLine } from '../helpers/doc';
import { parseWindow, withoutTrailingNote } from '../../server/src/core/time';
import { sectionName, titleText } from '../../server/src/core/headings';

const LOG = VALID_NORMAL.indexOf('## Status log');
const BODY = VALID_NORMAL.slice(0, LOG);
const codesOf = (text: string) => check(text).map((d) => d.code);

describe('SPEC section 8: reading documents as teams write them', () => {
  describe('heading names', () => {
    it('drop ATX markers, closing #s, emphasis, a trailing colon, and a setext underline', () => {
      assert.equal(sectionName('## Rollback plan'), 'Rollback plan');
      assert.equal(sectionName('### **Rollback plan**:'), 'Rollback plan');
      assert.equal(sectionName('## Status  log ##'), 'Status log');
      assert.equal(sectionName('Rollback plan\n-------------'), 'Rollback plan');
      assert.equal(sectionName('Rollback\r\nplan\r\n---'), 'Rollback plan');
      assert.equal(titleText('Upgrade *payments-db*\n==='), 'Upgrade payments-db');
      assert.equal(titleText('# snake_case title #'), 'snake_case title');
      // Names with nothing to strip come back as they are; each edge below takes the full path.
      assert.equal(sectionName('## Rollback plan:'), 'Rollback plan');
      assert.equal(sectionName('## Rollback plan :'), 'Rollback plan');
      assert.equal(sectionName('## Rollback\tplan'), 'Rollback plan');
      assert.equal(sectionName('## Rollback\u00a0plan'), 'Rollback plan');
      assert.equal(sectionName('## Status_log'), 'Statuslog');
      assert.equal(sectionName('## Status log'), 'Status log');
      assert.equal(titleText('# Upgrade  the   DB'), 'Upgrade the DB');
      assert.equal(titleText('# Upgrade ~~old~~ DB'), 'Upgrade old DB');
      assert.equal(titleText('# Upgrade\tDB'), 'Upgrade DB');
      // The opening `#` run, read by hand: blanks before and after it, tabs, nothing after it.
      assert.equal(titleText('#\tTabbed'), 'Tabbed');
      assert.equal(titleText('   # Indented'), 'Indented');
      assert.equal(titleText('#'), '');
      assert.equal(titleText('No hashes'), 'No hashes');
      assert.equal(sectionName('##\t\tLog\t##'), 'Log');
      assert.equal(sectionName('## C#'), 'C#');
      assert.equal(titleText('# Upgrade DB: now'), 'Upgrade DB: now');
    });
  });

  describe('sections', () => {
    it('a setext `Rollback plan` section satisfies "see below", a setext `Status log` is the log', () => {
      const text = VALID_NORMAL.replace('## Rollback plan\n', 'Rollback plan\n-------------\n').replace(
        '## Status log\n',
        'Status log\n----------\n',
      );
      assert.deepEqual(codesOf(text), []);
      const d = doc(text).doc;
      assert.deepEqual(
        d.sections.map((s) => s.name),
        ['Rollback plan', 'Status log'],
      );
      assert.equal(d.statusLog?.entries.length, 2);
    });

    it('field sections and the log at levels 2 to 6, with the new aliases, under another section', () => {
      for (const [h, name] of [
        ['###', 'Backout'],
        ['####', 'Rollback steps'],
        ['######', 'Rollback'],
        ['###', 'Backout plan'],
      ] as const) {
        const text = VALID_NORMAL.replace('## Rollback plan\n', `## Plan\n\nOne step.\n\n${h} ${name}\n`);
        assert.deepEqual(codesOf(text), [], `${h} ${name}`);
      }
      const verification = editLine(VALID_NORMAL, '- Verification plan:', '- Verification: see below').replace(
        '## Status log',
        '### Verification\n\n- [ ] error rate < 0.1%\n\n## Status log',
      );
      assert.deepEqual(codesOf(verification), []);
      for (const name of ['### Status history', '#### Log', '## Status Log:']) {
        const text = VALID_NORMAL.replace('## Status log', name);
        assert.deepEqual(codesOf(text), [], name);
        assert.equal(doc(text).doc.statusLog?.entries.length, 2, name);
      }
    });

    it('an unknown deeper heading is no section, and a section runs to the next heading of its level or above', () => {
      const text = VALID_NORMAL.replace('## Rollback plan\n\n1. Point', '## Rollback plan\n\n### Details\n\n1. Point');
      const d = doc(text).doc;
      assert.deepEqual(
        d.sections.map((s) => s.name),
        ['Rollback plan', 'Status log'],
      );
      assert.equal(d.sections[0]!.nonEmpty, true);
      // An empty `### Backout` under a full `## Plan` is still empty.
      const empty = editLine(VALID_NORMAL, '- Rollback plan:', '- Rollback plan: see below').replace(
        '## Rollback plan\n\n1. Point payments-api back at the old primary.\n2. Confirm replication lag is zero.\n',
        '## Plan\n\nSteps.\n\n### Backout\n\n### Other\n\ntext\n',
      );
      assert.deepEqual(codes(empty, 'CM010').length, 1);
    });
  });

  describe('the header', () => {
    it('takes an H1 anywhere before the first `##` as the title, before or after the header', () => {
      const after = VALID_NORMAL.replace('# Upgrade payments-db to PostgreSQL 16\n\n', '').replace(
        '## Rollback plan',
        '# Upgrade payments-db\n\n## Rollback plan',
      );
      assert.equal(doc(after).doc.title, 'Upgrade payments-db');
      assert.deepEqual(codesOf(after), []);
      const setext = VALID_NORMAL.replace('# Upgrade payments-db to PostgreSQL 16', 'Upgrade *payments-db*\n=====');
      assert.equal(doc(setext).doc.title, 'Upgrade payments-db');
      // After the first `##` an H1 is no title.
      const late =
        BODY.replace('# Upgrade payments-db to PostgreSQL 16\n\n', '') + VALID_NORMAL.slice(LOG) + '\n# Too late\n';
      assert.equal(doc(late).doc.title, undefined);
    });

    it('keeps reading items after comment-only lines between them (one or several lines, blank lines around)', () => {
      for (const comment of [
        '<!-- risk reviewed in the ops sync -->',
        '<!-- a --> <!-- b -->',
        '<!-- several\nlines -->',
        '\n<!-- after a blank line -->\n',
      ]) {
        const text = VALID_NORMAL.replace('- Risk level: High\n', `${comment}\n- Risk level: High\n`);
        assert.deepEqual(codesOf(text), [], comment);
        assert.equal(doc(text).doc.header?.items.length, 10, comment);
      }
      // A comment followed by text on its line is an HTML block that ends the header.
      const ended = VALID_NORMAL.replace('- Risk level: High\n', '<!-- note --> text\n- Risk level: High\n');
      assert.ok(codesOf(ended).includes('CM002'));
    });

    it('keeps comments out of values, their ranges and the edits (a comment under an item is a hint)', () => {
      const text = editLine(
        VALID_NORMAL,
        '- Status:',
        '- Status: **Approved**  <!-- Planned | Approved -->\n  <!-- YYYY-MM-DD HH:MM UTC -->',
      );
      const status = doc(text).doc.header!.items.find((i) => i.key === 'status')!;
      assert.equal(status.value, '**Approved**');
      const line = text.split('\n')[status.valueRange.start.line]!;
      assert.equal(line.slice(status.valueRange.start.character, status.valueRange.end.character), '**Approved**');
      const empty = doc(
        editLine(VALID_NORMAL, '- Approval', '- Approval (if required): <!-- one person -->'),
      ).doc.header!.items.find((i) => i.key === 'approval')!;
      assert.equal(empty.value, '');
      assert.deepEqual(empty.valueRange.start, empty.valueRange.end);
      assert.equal(empty.valueRange.start.character, '- Approval (if required):'.length);
    });
  });

  describe('the status log', () => {
    const withLog = (status: string, lines: string[]) =>
      editLine(VALID_NORMAL.slice(0, LOG), '- Status:', `- Status: ${status}`) +
      '## Status log\n\n' +
      lines.join('\n') +
      '\n';

    it('reads `UTC:`, `Z:`, ` - `, ` – `, ` — ` between time and status, task-list markers and bold statuses', () => {
      const text = withLog('In Progress', [
        '- [x] 2026-11-26 10:02 UTC: **Planned** by @alice',
        '- [X] 2026-11-27 09:15Z: Approved by @bob',
        '* 2026-11-28 09:00 UTC — _In Progress_ by @alice',
      ]);
      assert.deepEqual(codesOf(text), []);
      const entries = doc(text).doc.statusLog!.entries;
      assert.deepEqual(
        entries.map((e) => [e.status, e.by]),
        [
          ['Planned', '@alice'],
          ['Approved', '@bob'],
          ['In Progress', '@alice'],
        ],
      );
      assert.equal(entries[1]!.at, Date.UTC(2026, 10, 27, 9, 15));
      for (const sep of [' - ', ' – ', ' — ', ': ']) {
        const t = withLog('Approved', [
          '- 2026-11-26 10:02 UTC Planned by @alice',
          `- 2026-11-27 09:15 UTC${sep}Approved by @bob`,
        ]);
        assert.deepEqual(codesOf(t), [], sep);
      }
    });

    it('keeps the entries after comments between them', () => {
      const text = withLog('In Progress', [
        '- 2026-11-26 10:02 UTC Planned by @alice',
        '<!-- executed in the Thursday window -->',
        '- 2026-11-27 09:15 UTC Approved by @bob',
        '',
        '<!-- a\nnote -->',
        '',
        '- 2026-11-28 09:00 UTC In Progress by @alice',
      ]);
      assert.deepEqual(codesOf(text), []);
      assert.equal(doc(text).doc.statusLog!.entries.length, 3);
    });

    it('a line that starts with a status but has no time is CM005 on that line, and counts for CM030/CM031', () => {
      const text = withLog('Approved', [
        '- 2026-11-26 10:02 UTC Planned by @alice',
        '- Approved by @greta yesterday',
        '- Note: CAB asked for a smaller batch',
      ]);
      const ds = check(text);
      assert.deepEqual(
        ds.map((d) => d.code),
        ['CM005'],
      );
      assert.equal(ds[0]!.range.start.line, text.split('\n').indexOf('- Approved by @greta yesterday'));
      assert.match(String(ds[0]!.message), /"Approved" has no timestamp/);
      // It counts: a log ending in it mismatches another Status, and a wrong step is CM030.
      assert.ok(
        codes(withLog('Planned', ['- 2026-11-26 10:02 UTC Planned by @alice', '- Approved by @greta']), 'CM031')
          .length === 1,
      );
      assert.ok(
        codes(withLog('Closed', ['- 2026-11-26 10:02 UTC Planned by @alice', '- **Closed**']), 'CM030').length === 1,
      );
      // Notes that do not start with a status are not entries.
      assert.equal(doc(text).doc.statusLog!.entries.length, 2);
    });

    it('a skeleton line (placeholder time, placeholder author) is an entry whose time is CM005, with no author', () => {
      const text = withLog('Approved', [
        '- YYYY-MM-DD HH:MM UTC Planned by ...',
        '- 2026-11-27 09:15 UTC Approved by @bob',
      ]);
      assert.deepEqual(codesOf(text), ['CM005']);
      const [e] = doc(text).doc.statusLog!.entries;
      assert.equal(e!.status, 'Planned');
      assert.equal(e!.by, undefined);
      assert.match(String(check(text)[0]!.message), /placeholder/);
    });
  });

  describe('windows', () => {
    it('ignore a note in parentheses at the end', () => {
      assert.equal(
        withoutTrailingNote('2026-12-30 09:00 UTC, 45 min (CAB slot, Wednesday)'),
        '2026-12-30 09:00 UTC, 45 min',
      );
      assert.equal(withoutTrailingNote('x (a (b) c)'), 'x');
      assert.equal(withoutTrailingNote('(only a note)'), '(only a note)');
      const w = parseWindow('2026-12-30 09:00 UTC, 45 min (CAB slot, Wednesday)');
      assert.ok(w.ok);
      assert.equal(w.value.end - w.value.start, 45 * 60_000);
      assert.deepEqual(
        codesOf(
          editLine(
            VALID_NORMAL,
            '- Planned execution time:',
            '- Planned execution time: 2026-12-01 14:00 UTC, 60 min (CAB slot, Tue)',
          ),
        ),
        [],
      );
      assert.ok(!parseWindow('2026-12-30 09:00 UTC, soon (CAB)').ok);
    });
  });

  describe('rich markdown never changes the result', () => {
    const rich: Record<string, (t: string) => string> = {
      'a task list and a table in a section': (t) =>
        t.replace(
          '2. Confirm replication lag is zero.\n',
          '2. Confirm replication lag is zero.\n\n- [ ] dashboards green\n- [x] on-call paged\n\n| signal | limit |\n| --- | --- |\n| p99 | 300 ms |\n',
        ),
      'a fence inside a list item': (t) =>
        t.replace(
          '1. Point payments-api back at the old primary.\n',
          '1. Point payments-api back at the old primary.\n\n   ```bash\n   kubectl rollout undo deploy/api\n   ## not a heading\n   ```\n\n',
        ),
      '<details>': (t) =>
        t.replace(
          '## Rollback plan\n\n',
          '## Rollback plan\n\n<details>\n<summary>Commands</summary>\n\n- run it\n\n</details>\n\n',
        ),
      'a block quote': (t) =>
        t.replace('## Rollback plan\n\n', '## Rollback plan\n\n> [!NOTE]\n> Approved in the CAB.\n\n'),
      'link definitions and footnotes': (t) => `${t}\n[rb]: https://wiki.example.com/rb "Runbook"\n[^1]: A footnote.\n`,
      'emoji and non-ASCII names': (t) =>
        t.replace('@alice\n', 'Zoë Müller 🚀\n').replace(/by @alice/g, 'by Zoë Müller 🚀'),
      CRLF: (t) => t.replace(/\n/g, '\r\n'),
      tabs: (t) => t.replace('- Risk level:', '-\tRisk level:').replace('2. Confirm', '2.\tConfirm'),
      'a BOM': (t) => `\ufeff${t}`,
      'YAML front matter': (t) => `---\ntemplate: change\ntags: [db]\n---\n\n${t}`,
      'nested lists 3 deep': (t) =>
        t.replace(
          '2. Confirm replication lag is zero.\n',
          '2. Confirm replication lag is zero.\n   - on the dashboard\n     - in both regions\n       - for 10 min\n',
        ),
    };
    for (const [name, change] of Object.entries(rich)) {
      it(name, () => {
        const text = change(VALID_NORMAL);
        assert.notEqual(text, VALID_NORMAL);
        assert.deepEqual(codesOf(text), []);
        const { values } = doc(text).doc;
        const base = doc(VALID_NORMAL).doc.values;
        assert.deepEqual({ ...values, owner: undefined }, { ...base, owner: undefined });
        assert.equal(doc(text).doc.statusLog?.entries.length, 2);
      });
    }
  });

  it('keeps NOW fixed for these checks', () => assert.equal(NOW, Date.UTC(2026, 10, 28, 12, 0)));
});
