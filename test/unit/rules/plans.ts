/** Shared cases of the "plan is missing" rules (CM010, CM011, CM013): value, section, aliases, placeholders, Emergency. */
import { strict as assert } from 'node:assert';
import { check, codes, VALID_NORMAL } from '../../helpers/doc';
import { ERROR, expectNone, expectOne, missingAnchor, lineRange, withLine, VALID_EMERGENCY, WARNING } from './support';

export interface PlanRuleCase {
  code: string;
  /** The header line prefix in VALID_NORMAL. */
  prefix: string;
  name: string;
  aliases: string[];
  severity: number;
  /** Words every message contains (the process quote). */
  words: string[];
}

/** Registers the shared tests of a plan rule inside the current describe. */
export function planRuleTests(c: PlanRuleCase): void {
  const without = () => {
    // Remove the header item and any section of the field.
    let text = withLine(c.prefix, null);
    const heading = `## ${c.name}`;
    const at = text.indexOf(heading);
    if (at >= 0) text = text.slice(0, at) + text.slice(text.indexOf('## Status log'));
    return text;
  };

  it('does not fire when the field has a value', () => expectNone(VALID_NORMAL, c.code));

  it('fires on the header list first line when the field is absent, with an insertField fix', () => {
    const text = without();
    const d = expectOne(text, c.code, {
      severity: c.severity,
      range: missingAnchor(text),
      words: ['No ' + c.name.toLowerCase(), ...c.words],
      fix: 'insertField',
    });
    assert.equal((d.data as { name: string }).name, c.name);
  });

  it('fires on the item for placeholders, with a fillValue fix', () => {
    for (const v of ['', 'TBD', 'TBD - ask the DBA', 'todo', 'N/A', 'n/a', 'None', 'none.', '-', '?', '...']) {
      const text = withLine('- Risk level', `- Risk level: High\n- ${c.name}: ${v}`.trimEnd(), without());
      const words =
        v === '' ? [`"${c.name}" has no value.`] : [`"${c.name}" has a placeholder ("${v}") instead of a value.`];
      expectOne(text, c.code, { severity: c.severity, range: lineRange(text, `- ${c.name}`), words, fix: 'fillValue' });
    }
  });

  it('accepts `none (internal only)` as a real value', () => {
    expectNone(withLine(`- Risk level`, `- Risk level: High\n- ${c.name}: none (internal only)`, without()), c.code);
  });

  it('accepts every alias', () => {
    for (const alias of c.aliases)
      expectNone(withLine('- Risk level', `- Risk level: High\n- ${alias}: written here`, without()), c.code);
  });

  it('counts `see below` only with a non-empty section of that name (any alias, any case)', () => {
    const seeBelow = withLine('- Risk level', `- Risk level: High\n- ${c.name}: See below.`, without());
    expectOne(seeBelow, c.code, {
      severity: c.severity,
      range: lineRange(seeBelow, `- ${c.name}`),
      words: ['see below', `## ${c.name}`],
    });
    const emptySection = seeBelow.replace('## Status log', `## ${c.name}\n\n<!-- later -->\n\n## Status log`);
    assert.equal(codes(emptySection, c.code).length, 1, 'an empty section (only a comment) does not count');
    for (const heading of [c.name, c.name.toUpperCase(), ...c.aliases]) {
      expectNone(seeBelow.replace('## Status log', `## ${heading}\n\nThe plan.\n\n## Status log`), c.code);
    }
  });

  it('is satisfied by a non-empty section alone, or next to a placeholder item', () => {
    const section = without().replace('## Status log', `## ${c.name}\n\n- step one\n\n## Status log`);
    expectNone(section, c.code);
    expectNone(withLine('- Risk level', `- Risk level: High\n- ${c.name}: TBD`, section), c.code);
  });

  it('is at most a warning for an Emergency change that is not yet Closed or Rolled Back', () => {
    const emergency = withLine(c.prefix, null, VALID_EMERGENCY);
    expectOne(emergency, c.code, {
      severity: WARNING,
      range: missingAnchor(emergency),
      words: ['Emergency change', 'once the incident is under control'],
    });
  });

  if (c.severity === ERROR) {
    it('is an error again once the Emergency change is Closed or Rolled Back', () => {
      const rolledBack = withLine(c.prefix, null, VALID_EMERGENCY)
        .replace('Status: In Progress', 'Status: Rolled Back\n- Outcome: rolled back, errors gone')
        .concat('- 2026-11-28 10:20 UTC Rolled Back by @dave: made it worse\n');
      expectOne(rolledBack, c.code, { severity: ERROR, range: missingAnchor(rolledBack) });
      const closed = rolledBack
        .replace('Status: Rolled Back', 'Status: Closed')
        .concat('- 2026-11-28 11:00 UTC Closed by @dave\n');
      assert.equal(codes(closed, c.code)[0]?.severity, ERROR);
    });
  }

  it('follows a configured severity, and `off` silences it', () => {
    const text = without();
    assert.equal(codes(text, c.code, { severities: { [c.code]: 'information' } })[0]?.severity, 3);
    assert.deepEqual(codes(text, c.code, { severities: { [c.code]: 'off' } }), []);
    assert.ok(check(text).some((d) => d.code === c.code));
  });
}
