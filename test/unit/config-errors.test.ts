import * as assert from 'node:assert/strict';
import { ConfigFileSchema, parseConfig } from '../../server/src/core/config';
import type { ConfigError } from '../../server/src/core/config';
import { configErrorPosition, configErrorText } from '../../server/src/core/config-errors';

/** Each problem as the CLI prints it after the file name: `line:col: text`. */
const lines = (text: string): string[] =>
  parseConfig(text).errors.map((e: ConfigError) => `${configErrorPosition(e)}: ${configErrorText(e)}`);

describe('config errors: the key, where it is, what is allowed, an example', () => {
  it('a number out of range names the key, its line and column, the value written, the rule and an example', () => {
    assert.deepEqual(lines('{\n  "staleAfterHours": -3\n}\n'), [
      '2:22: "staleAfterHours" must be a number of hours greater than 0, not -3; e.g. "staleAfterHours": 48. The default applies.',
    ]);
    assert.deepEqual(lines('{ "auditToleranceHours": "a day" }'), [
      '1:26: "auditToleranceHours" must be a number of hours, not "a day"; e.g. "auditToleranceHours": 24. The default applies.',
    ]);
  });

  it('invalid JSON gives the line and column of the problem in words, not an offset', () => {
    const [line] = lines('{\n  "staleAfterHours": 3\n  "rules": {}\n}\n');
    assert.equal(
      line,
      '3:3: not valid JSON: a comma is missing between entries; the file must be one JSON object, e.g. { "rules": { "CM013": "warning" }, "staleAfterHours": 48 }. The defaults apply.',
    );
    assert.match(
      lines('{ "a": 1, }')[0]!,
      /^1:11: not valid JSON: a key is expected here, in double quotes \(a trailing comma\?\)/,
    );
    assert.match(lines('// team config\n{}')[0]!, /^1:1: not valid JSON: a comment \(JSON has no comments\)/);
    assert.match(lines('')[0]!, /^1:1: not valid JSON: the file is empty/);
    assert.match(lines('[1, 2]')[0]!, /^1:1: the file must be one JSON object, not \[1,2\]; e\.g\. \{/);
  });

  it('an unknown key or rule points at the key, offers the closest name, and is ignored', () => {
    const keys = Object.keys(ConfigFileSchema.shape).join(', ');
    assert.match(keys, /^\$schema, include, exclude, rules, staleAfterHours, /);
    assert.deepEqual(lines('{\n  "rule": { "CM013": "off" }\n}'), [
      `2:3: unknown key "rule" (did you mean "rules"?); the keys are ${keys}. It is ignored.`,
    ]);
    const [unknown, typo] = lines('{ "rules": { "CM999": "off", "rollback-mising": "off" } }');
    assert.match(
      unknown!,
      /^1:14: unknown rule "CM999"; use a rule ID \(CM001 to CM\d{3}\) or its name, e\.g\. "rules": \{ "CM013": "warning", "impact-missing": "off" \}\. It is ignored\.$/,
    );
    assert.match(typo!, /^1:30: unknown rule "rollback-mising" \(did you mean "rollback-missing"\?\)/);
  });

  it('a bad severity points at the value, lists the severities and suggests the closest', () => {
    assert.deepEqual(lines('{ "rules": { "CM013": "warn" } }'), [
      '1:23: "rules.CM013" must be one of "error", "warning", "information", "hint", "off" (or { "severity": "warning" }), not "warn" (did you mean "warning"?); e.g. "CM013": "warning". The default applies.',
    ]);
  });

  it('an entry of a list is located by its index', () => {
    assert.deepEqual(lines('{ "include": ["changes/**/*.md", ""] }'), [
      '1:34: "include.1" must be a non-empty string, not ""; e.g. "include": ["changes/**/*.md"]. The default applies.',
    ]);
  });

  it('counts columns without a BOM, as editors do', () => {
    assert.equal(lines('\uFEFF{"staleAfterHours": 0}')[0]!.split(':').slice(0, 2).join(':'), '1:21');
  });

  it('every message of a wrong value says what is allowed and gives an example', () => {
    const texts = [
      '{"staleAfterHours": "x"}',
      '{"include": "x"}',
      '{"exclude": [3]}',
      '{"rules": []}',
      '{"rules": {"CM010": 1}}',
      '{"$schema": 1}',
      '{"auditToleranceHours": -1}',
      '{"extraFields": "Jira"}',
    ];
    for (const t of texts) {
      for (const l of lines(t))
        assert.match(l, /^\d+:\d+: "[^"]+" must be .+, not .+; e\.g\. .+\. The default applies\.$/, t);
    }
    assert.deepEqual(lines('{ "extraFields": ["Jira", "Risk"] }'), [
      '1:27: "extraFields" entry 2: "Risk" is already a known field (an alias of Risk level); list only fields the checks do not know; e.g. "extraFields": ["Jira", "Reviewers"]. It is ignored.',
    ]);
  });
});
