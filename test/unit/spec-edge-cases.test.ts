/**
 * SPEC section 7, "Decisions on edge cases", one describe per bullet, checked end to end (text in,
 * diagnostics out), plus the decisions docs/rules.md adds where SPEC is silent.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { check, codes, doc, editLine, NOW, VALID_NORMAL } from '../helpers/doc';
import { checkSetRules } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';

const list = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}`);
const only = (text: string) => check(text).map((d) => d.code);
const line = (text: string, prefix: string) => text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
const noLog = VALID_NORMAL.slice(0, VALID_NORMAL.indexOf('## Status log'));

describe('SPEC section 7: decisions on edge cases', () => {
  describe('headerless documents', () => {
    it('get CM001 alone, at line 0', () => {
      const text =
        '# Notes\n\nWe will upgrade the DB.\n\n## Rollback plan\n\nTBD\n\n## Status log\n\n- 2026-13-01 10:00 Closd\n';
      assert.deepEqual(list(check(text)), ['CM001@0']);
    });
  });

  describe('sections', () => {
    it('a non-empty section of a field name or alias satisfies the field with no header item', () => {
      const text = editLine(VALID_NORMAL, '- Verification plan', null).replace(
        '## Status log',
        '## Verification steps\n\n1. watch errors\n\n## Status log',
      );
      assert.deepEqual(only(text), []);
    });
    it('`see below` is case-insensitive with trailing punctuation ignored', () => {
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Rollback plan', '- Rollback plan: SEE BELOW.')), []);
    });
  });

  describe('values and placeholders', () => {
    it('match case-insensitively', () => {
      let text = editLine(VALID_NORMAL, '- Risk level', '- Risk level: low');
      text = editLine(text, '- Approval', '- Approval (if required): @bob\n- Touches: Security');
      assert.deepEqual(only(text), []);
    });
    it('TBD and TODO mark a value missing whatever follows; other placeholders only before punctuation', () => {
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Verification plan', '- Verification plan: TBD - ask the DBA')), [
        'CM011',
      ]);
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Expected user impact', '- Expected user impact: none.')), [
        'CM013',
      ]);
      assert.deepEqual(
        only(editLine(VALID_NORMAL, '- Expected user impact', '- Expected user impact: none (internal only)')),
        [],
      );
    });
    it('a placeholder item next to a non-empty section of the same field counts as present', () => {
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Rollback plan', '- Rollback plan: TBD')), []);
    });
  });

  describe('the header list', () => {
    it('takes -, * or + bullets, loose or tight, and collapses runs of spaces in names', () => {
      for (const b of ['*', '+']) assert.deepEqual(only(VALID_NORMAL.replace(/^- /gm, `${b} `)), [], b);
      assert.deepEqual(only(VALID_NORMAL.replace(/\n- /g, '\n\n- ')), []);
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Change Owner', '- Change   Owner: @alice')), []);
    });
    it('nested lines belong to the item above', () => {
      const text = editLine(
        VALID_NORMAL,
        '- Verification plan',
        '- Verification plan:\n  - error rate < 0.1%\n  - Status: Closed',
      );
      assert.deepEqual(only(text), []);
      assert.equal(doc(text).doc.values.status, 'Approved');
    });
    it('Summary and Change summary are known, optional fields', () => {
      assert.deepEqual(
        only(editLine(VALID_NORMAL, '- Change type', '- Change summary: new major version\n- Change type: Normal')),
        [],
      );
    });
    it('an item without a colon is CM006 when close to a field name, else ignored', () => {
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Risk level', '- Risk level: High\n- Rollbak plan')), ['CM006']);
      assert.deepEqual(
        only(editLine(VALID_NORMAL, '- Risk level', '- Risk level: High\n- coordinate with the DBA on call')),
        [],
      );
    });
    it('mixed bullets in one list are one list', () => {
      const text = VALID_NORMAL.replace('- Risk level', '* Risk level').replace('- Status', '+ Status');
      assert.deepEqual(only(text), []);
    });
    it('a paragraph ends the header list (markdown decides where a list ends)', () => {
      const text = VALID_NORMAL.replace('- Planned execution time', '\nSome prose.\n\n- Planned execution time');
      assert.deepEqual(doc(text).doc.header?.items.length, 5);
      assert.ok(only(text).includes('CM011'), 'the items after the paragraph are not header items');
    });
  });

  describe('windows', () => {
    const w = (v: string) => editLine(VALID_NORMAL, '- Planned execution time', `- Planned execution time: ${v}`);
    it('read zones with or without a space, ends in four spellings, durations with decimals', () => {
      for (const v of [
        '2026-12-01 16:00+02:00',
        '2026-12-01 14:00 Z',
        '2026-12-01 14:00 – 15:00',
        '2026-12-01 14:00 - 15:00',
        '2026-12-01 14:00 — 15:00',
        '2026-12-01 14:00 to 15:00',
        '2026-12-01 23:00 UTC – 00:30',
        '2026-12-01 14:00, 90 minutes',
        '2026-12-01 14:00, 1.5 hours',
      ]) {
        assert.deepEqual(only(w(v)), [], v);
      }
    });
    it('an unreadable window, or one that ends at its start, is CM005 only (no CM015)', () => {
      assert.deepEqual(only(w('2026-12-01 14:00 – 14:00')), ['CM005']);
      assert.deepEqual(only(w('December 1st')), ['CM005']);
    });
  });

  describe('approval evidence', () => {
    const noApproval = editLine(VALID_NORMAL, '- Approval', null);
    it('at Approved with no evidence: CM002 on Approval', () => {
      const text = editLine(editLine(noLog, '- Approval', null), '- Status', '- Status: Approved');
      assert.ok(only(text).includes('CM002'));
      assert.ok(!only(text).includes('CM020'));
    });
    it('at In Progress or later with no evidence: CM020, not CM002; Planned -> In Progress is also CM030', () => {
      const text = editLine(noApproval, '- Status', '- Status: In Progress').replace(
        '- 2026-11-27 09:15 UTC Approved by @bob\n',
        '- 2026-11-28 09:00 UTC In Progress by @alice\n',
      );
      assert.deepEqual(only(text).sort(), ['CM020', 'CM030']);
    });
    it('Planned -> In Progress is allowed with an Approval value', () => {
      const text = editLine(VALID_NORMAL, '- Status', '- Status: In Progress').replace(
        '- 2026-11-27 09:15 UTC Approved by @bob\n',
        '- 2026-11-28 09:00 UTC In Progress by @alice\n',
      );
      assert.deepEqual(only(text), []);
    });
    it('Emergency changes never need written approval, whatever they touch', () => {
      const text = editLine(
        editLine(noApproval, '- Change type', '- Change type: Emergency\n- Incident: INC-7\n- Touches: security'),
        '- Status',
        '- Status: In Progress',
      ).replace(/## Status log[\s\S]*$/, '## Status log\n\n- 2026-11-28 09:00 UTC In Progress by @alice\n');
      assert.deepEqual(only(text), []);
    });
    it('an Approved entry without `by` is evidence; a Rejected change needs no Approval value', () => {
      assert.deepEqual(only(noApproval.replace('Approved by @bob', 'Approved')), []);
      const rejected = editLine(noApproval, '- Status', '- Status: Rejected').replace(
        'Approved by @bob',
        'Rejected by @bob: no rollback tested',
      );
      assert.deepEqual(only(rejected), []);
    });
    it('a team approver is accepted alone, and CM022 counts it among several', () => {
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Approval', '- Approval: @acme/dba')), []);
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Approval', '- Approval: @acme/dba, @bob')), ['CM022']);
    });
  });

  describe('CM034, CM036, CM037', () => {
    const log = (status: string, entries: string[]) =>
      editLine(noLog, '- Status', `- Status: ${status}\n- Outcome: rolled back`) +
      `## Status log\n\n${entries.map((e) => `- ${e}`).join('\n')}\n`;
    it('CM034 wants the note on the entry; the Outcome does not replace it', () => {
      assert.deepEqual(
        only(
          log('Rolled Back', [
            '2026-11-26 10:00 UTC Planned',
            '2026-11-27 10:00 UTC Approved by @bob',
            '2026-11-28 09:00 UTC In Progress',
            '2026-11-28 09:30 UTC Rolled Back',
          ]),
        ),
        ['CM034'],
      );
    });
    it('CM036 counts from the entry that entered the current status, strictly', () => {
      const entries = [
        '2026-11-20 10:00 UTC Planned',
        '2026-11-21 10:00 UTC Approved by @bob',
        '2026-11-27 12:00 UTC In Progress',
      ];
      const text = log('In Progress', entries);
      assert.deepEqual(codes(text, 'CM036'), []);
      assert.equal(codes(text, 'CM036', {}, NOW + 60_000).length, 1);
    });
    it('CM036 is silent without a log; Planned/Approved with no window is never stale', () => {
      assert.deepEqual(codes(editLine(noLog, '- Status', '- Status: In Progress'), 'CM036'), []);
      assert.deepEqual(codes(editLine(VALID_NORMAL, '- Planned execution time', null), 'CM036', {}, NOW + 1e10), []);
    });
    it('CM037: any Status other than Planned with no entries', () => {
      assert.deepEqual(only(editLine(noLog, '- Status', '- Status: Rejected')), ['CM037']);
      assert.deepEqual(only(editLine(noLog, '- Status', '- Status: Planned')), []);
    });
  });

  describe('CM040', () => {
    const change = (services: string, window: string) =>
      editLine(
        editLine(VALID_NORMAL, '- Affected services', `- Affected services: ${services}`),
        '- Planned execution time',
        `- Planned execution time: ${window}`,
      );
    const set = (a: string, b: string) =>
      checkSetRules(
        [
          { key: 'a', analysis: doc(a, 'changes/a.md') },
          { key: 'b', analysis: doc(b, 'changes/b.md') },
        ],
        { config: defaultConfig(), now: NOW },
      );
    it('touching windows do not overlap; services compare case-insensitively, trimmed; reported on both window items', () => {
      assert.equal(set(change('api', '2026-12-01 14:00, 60 min'), change('API', '2026-12-01 15:00')).size, 0);
      const out = set(change('api', '2026-12-01 14:00, 60 min'), change(' API ', '2026-12-01 14:59'));
      for (const key of ['a', 'b'])
        assert.equal(out.get(key)![0]!.range.start.line, line(VALID_NORMAL, '- Planned execution time'));
    });
    it('a change with no readable window is not compared', () => {
      assert.equal(set(change('api', '2026-12-01 14:00'), change('api', '2026-12-01 14:00 PST')).size, 0);
    });
  });

  describe('status log entries', () => {
    const withEntry = (e: string) => VALID_NORMAL.replace('- 2026-11-27 09:15 UTC Approved by @bob', e);
    it('an unreadable timestamp is CM005 and still counts for CM030/CM031, not for CM032', () => {
      assert.deepEqual(only(withEntry('- 2026-11-25 9:15pm Approved by @bob')), ['CM005']);
      assert.deepEqual(only(withEntry('- 2026-11-27 09:15 UTC Closed')).sort(), ['CM030', 'CM031']);
    });
    it('an item that does not start with a date is not an entry; one that looks like a date is CM005', () => {
      assert.deepEqual(only(VALID_NORMAL + '- see the review thread\n'), []);
      assert.deepEqual(only(VALID_NORMAL + '- 12/14/2026 2pm In Progress\n').sort(), ['CM005', 'CM031']);
    });
  });

  describe('unknown Change type, Status or Risk level', () => {
    it('skips the dependent rules: only CM002/CM003 report it', () => {
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Change type', '- Change type: Urgent')), ['CM003']);
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Status', '- Status: Done')), ['CM003']);
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Risk level', '- Risk level: Severe')), ['CM003']);
      assert.deepEqual(only(editLine(VALID_NORMAL, '- Status', '- Status: TBD')), ['CM002']);
    });
  });

  describe('ranges', () => {
    it('are the same with CRLF line endings and a BOM', () => {
      const lf = editLine(editLine(VALID_NORMAL, '- Risk level', null), '- Status', '- Status: Closd');
      const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
      assert.deepEqual(
        check(crlf).map((d) => [d.code, d.range]),
        check(lf).map((d) => [d.code, d.range]),
      );
      assert.equal(check(lf).length, 2);
    });
    it('missing fields go on the header list first line; placeholders on the item', () => {
      const text = editLine(VALID_NORMAL, '- Risk level', null);
      assert.equal(codes(text, 'CM002')[0]!.range.start.line, 2);
      assert.equal(codes(editLine(VALID_NORMAL, '- Risk level', '- Risk level: ?'), 'CM002')[0]!.range.start.line, 5);
    });
  });

  describe('decisions docs/rules.md adds', () => {
    it('YAML front matter before the header is skipped', () => {
      assert.deepEqual(only('---\nid: db-upgrade\ntags: [db]\n---\n\n' + VALID_NORMAL), []);
    });
    it('a setext H1 is a title', () => {
      assert.deepEqual(
        only(
          VALID_NORMAL.replace('# Upgrade payments-db to PostgreSQL 16', 'Upgrade payments-db\n==================='),
        ),
        [],
      );
      assert.equal(
        doc(VALID_NORMAL.replace('# Upgrade payments-db to PostgreSQL 16', 'Upgrade *payments-db*\n===')).doc.title,
        'Upgrade payments-db',
      );
    });
    it('HTML comments in a value are hints, not the value', () => {
      assert.deepEqual(
        only(editLine(VALID_NORMAL, '- Status', '- Status: Approved <!-- keep in sync with the log -->')),
        [],
      );
      assert.deepEqual(
        only(
          editLine(VALID_NORMAL, '- Expected user impact', '- Expected user impact: <!-- what will users notice? -->'),
        ),
        ['CM013'],
      );
    });
    it('emphasis around a log status is allowed; an entry with no status is CM003', () => {
      assert.deepEqual(only(VALID_NORMAL.replace('UTC Approved by', 'UTC **Approved** by')), []);
      assert.deepEqual(only(VALID_NORMAL + '- 2026-11-27 10:00 UTC\n'), ['CM003']);
    });
    it('a section named like a structured field does not give it a value', () => {
      assert.deepEqual(
        only(editLine(VALID_NORMAL, '- Affected services', null) + '\n## Affected services\n\n- payments-db\n'),
        ['CM002'],
      );
    });
  });
});

describe('status log entries with a separator after the time', () => {
  it('reads `- 09:15 UTC - Approved`, `— Approved`, `: Approved` and `| Approved` like `09:15 UTC Approved`', () => {
    for (const sep of ['-', '—', '–', ':', '|']) {
      const text = VALID_NORMAL.replace(
        '2026-11-27 09:15 UTC Approved by @bob',
        `2026-11-27 09:15 UTC ${sep} Approved by @bob`,
      );
      assert.deepEqual(
        check(text).map((d) => d.code),
        [],
        sep,
      );
      assert.equal(doc(text).doc.statusLog!.entries[1]!.by, '@bob');
    }
  });
  it('still reports an unknown zone before a separator-less status', () => {
    const text = VALID_NORMAL.replace('2026-11-27 09:15 UTC Approved', '2026-11-27 09:15 CET Approved');
    const ds = codes(text, 'CM005');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.range.end.character, '- 2026-11-27 09:15 CET'.length);
  });
});
