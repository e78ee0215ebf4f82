/**
 * `itsmote calendar`: the output is parsed with ical.js (Mozilla's RFC 5545 parser), not a regex:
 * UTC start/end per change and freeze, stable UIDs, escaping and folding of hostile titles.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { itsmote, isOneLineError, json, NOW, tempTree, validChange } from './run';
import type { ListEntry } from '../../server/src/cli/list-command';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  status: string;
  transp: string | null;
}

/** Parses a calendar with ical.js into its events. */
function events(text: string): ParsedEvent[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  assert.equal(cal.name, 'vcalendar');
  assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  assert.match(String(cal.getFirstPropertyValue('prodid')), /^-\/\/ITSMote\/\/itsmote-changes /);
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    assert.ok(e.startDate.isDate === false && e.startDate.zone?.tzid === 'UTC', `${e.uid}: DTSTART is a UTC date-time`);
    assert.equal(e.endDate.zone?.tzid, 'UTC');
    assert.ok(c.getFirstPropertyValue('dtstamp'), 'DTSTAMP is present');
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: String(c.getFirstPropertyValue('status')),
      transp: c.getFirstPropertyValue('transp') as string | null,
    };
  });
}

/** Every physical line ends with CRLF, is at most 75 octets and is valid UTF-8 on its own. */
function assertWellFormed(text: string): void {
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
  assert.ok(!/\r(?!\n)/.test(text), 'no bare CR');
  for (const line of text.split('\r\n').slice(0, -1)) {
    const bytes = Buffer.from(line, 'utf8');
    assert.ok(bytes.length <= 75, `${bytes.length} octets: ${line}`);
    assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes), line, 'a fold never splits a character');
  }
}

describe('itsmote calendar', () => {
  describe('on the example workspace', () => {
    let text: string;
    let evs: ParsedEvent[];
    before(() => {
      const r = itsmote(['calendar', 'examples', '--now', NOW]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      text = r.stdout;
      evs = events(text);
    });

    it('is well formed: CRLF, folded at 75 octets', () => assertWellFormed(text));

    it('has one event per active change with a window, at its UTC start and end, and none for the others', () => {
      const list = json<ListEntry[]>(itsmote(['list', 'examples', '-f', 'json']));
      const expected = list.filter(
        (c) => c.window && ['Planned', 'Approved', 'In Progress', 'Verifying'].includes(c.status ?? ''),
      );
      assert.equal(expected.length, 6);
      const changes = evs.filter((e) => !e.uid.startsWith('freeze-'));
      assert.deepEqual(
        changes.map((e) => [e.uid.replace(/-[0-9a-f]{14}@itsmote$/, ''), e.start, e.end]).sort(),
        expected.map((c) => [c.id, c.window!.start, c.window!.end]).sort(),
      );
      const db = changes.find((e) => e.uid.startsWith('2026-12-01-upgrade-payments-db-'))!;
      assert.equal(db.summary, 'Upgrade payments-db to PostgreSQL 16');
      assert.equal(
        db.description,
        'Change: 2026-12-01-upgrade-payments-db\nType: Normal\nRisk: High\nStatus: Approved\nOwner: @alice\nServices: payments-db, payments-api\nFile: examples/changes/2026-12-01-upgrade-payments-db.md',
      );
      assert.equal(db.status, 'CONFIRMED');
      assert.equal(changes.find((e) => e.uid.startsWith('2026-11-28-emergency-checkout-hotfix-'))!.status, 'TENTATIVE');
    });

    it('has one event per freeze, transparent, with its services and allowed types', () => {
      const freezes = evs.filter((e) => e.uid.startsWith('freeze-'));
      assert.deepEqual(
        freezes.map((e) => [e.summary, e.start, e.end, e.transp]),
        [
          [
            'Change freeze: Black Friday / Cyber Monday',
            '2026-11-27T00:00:00.000Z',
            '2026-12-01T00:00:00.000Z',
            'TRANSPARENT',
          ],
        ],
      );
      assert.equal(
        freezes[0]!.description,
        'Services: checkout*, payments-*, notifications, web-*\nAllowed change types: Emergency',
      );
    });

    it('gives the same UIDs on a second run, from another folder, and at another time', () => {
      const again = events(
        itsmote(['calendar', '.', '--now', '2027-03-01T00:00:00Z'], { cwd: join(__dirname, '../../examples') }).stdout,
      );
      assert.deepEqual(
        again.map((e) => e.uid),
        evs.map((e) => e.uid),
      );
      assert.equal(new Set(evs.map((e) => e.uid)).size, evs.length, 'UIDs are unique');
    });

    it('is byte-identical on a second run at the same --now', () => {
      assert.equal(itsmote(['calendar', 'examples', '--now', NOW]).stdout, text);
    });
  });

  describe('hostile titles and values', () => {
    const TITLES = {
      'comma.md': 'Deploy, part 1; with a \\ backslash',
      'unicode.md':
        'Déploiement 🚀 du service de paiement 支付服务 — phase 2 ✅ with a long title that must fold over several lines 🎉🎉🎉',
      'html.md': '<script>alert(1)</script> & "quotes" \'single\'',
      'colon.md': 'DESCRIPTION:injected\\nBEGIN:VEVENT',
    } as const;
    const files: Record<string, string> = {};
    for (const [file, title] of Object.entries(TITLES))
      files[`changes/${file}`] = validChange({ services: `svc-${file}, a\\b` }).replace(
        '# Upgrade payments-db',
        `# ${title}`,
      );
    files['changes/multiline.md'] = validChange().replace(
      '- Change type: Normal',
      '- Title: First line, still; going\n  second line ü\n- Change type: Normal',
    );
    files['changes/closed.md'] = validChange({
      status: 'Rejected',
      log: ['2026-11-26 10:02 UTC Planned by @alice', '2026-11-27 09:00 UTC Rejected by @bob'],
    });
    files['changes/no-window.md'] = validChange().replace(/- Planned execution time.*\n/, '');
    const t = tempTree(files);
    after(() => t.cleanup());

    it('round-trips every title exactly (commas, semicolons, backslashes, newlines, non-ASCII), one event each', () => {
      const r = itsmote(['calendar', t.dir, '--now', NOW]);
      assert.equal(r.code, 0, r.stderr);
      assertWellFormed(r.stdout);
      const evs = events(r.stdout);
      const byId = new Map(evs.map((e) => [e.uid.replace(/-[0-9a-f]{14}@itsmote$/, ''), e]));
      assert.deepEqual([...byId.keys()].sort(), ['colon', 'comma', 'html', 'multiline', 'unicode']);
      for (const [file, title] of Object.entries(TITLES))
        assert.equal(byId.get(file.replace('.md', ''))!.summary, title);
      assert.equal(byId.get('multiline')!.summary, 'First line, still; going\n  second line ü');
      assert.match(byId.get('comma')!.description, /^Services: svc-comma\.md, a\\b$/m);
      // The injected text stays inside SUMMARY: still exactly one event per change.
      assert.equal(evs.length, 5);
      assert.ok(
        r.stdout.split('\r\n').some((l) => l.startsWith(' ')),
        'long lines are folded',
      );
    });

    it('writes to a file with -o', () => {
      const out = join(t.dir, 'changes.ics');
      const r = itsmote(['calendar', t.dir, '--now', NOW, '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(readFileSync(out, 'utf8'), itsmote(['calendar', t.dir, '--now', NOW]).stdout);
    });

    it('exits 2 with one line when the output cannot be written or a path does not exist', () => {
      const bad = itsmote(['calendar', t.dir, '-o', join(t.dir, 'no/such/dir/x.ics')]);
      assert.equal(bad.code, 2);
      assert.ok(isOneLineError(bad.stderr), bad.stderr);
      assert.equal(itsmote(['calendar', join(t.dir, 'nope')]).code, 2);
    });
  });

  it('uses the calendar name given, and is valid with no change at all', () => {
    const t = tempTree({
      '.itsmote.json': JSON.stringify({
        freezes: [{ name: 'Audit; week', start: '2027-02-01 00:00', end: '2027-02-08 00:00' }],
      }),
      'changes/README.md': '# none\n',
    });
    try {
      const r = itsmote(['calendar', t.dir, '--name', 'Payments, changes', '--now', NOW]);
      // X- properties default to TEXT (RFC 5545 3.8.8.2); ical.js needs telling.
      (ICAL.design.defaultSet.property as Record<string, unknown>)['x-wr-calname'] = { defaultType: 'text' };
      const cal = new ICAL.Component(ICAL.parse(r.stdout));
      assert.equal(cal.getFirstPropertyValue('x-wr-calname'), 'Payments, changes');
      assert.deepEqual(
        events(r.stdout).map((e) => e.summary),
        ['Change freeze: Audit; week'],
      );
    } finally {
      t.cleanup();
    }
  });

  it('has a help text', () => {
    assert.match(
      execFileSync(process.execPath, [join(__dirname, '../../dist/cli.js'), 'calendar', '--help']).toString(),
      /^Usage: itsmote calendar/,
    );
  });
});
