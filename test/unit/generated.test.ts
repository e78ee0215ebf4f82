/**
 * The files `npm run generate` derives from the catalogues (scripts/generate/outputs.ts): each is
 * up to date, and each does what it is for. The schema agrees with the config reader, the
 * grammar knows every field name and status, the snippets give documents the checker accepts.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import * as oniguruma from 'vscode-oniguruma';
import { OUTPUTS } from '../../scripts/generate/outputs';
import { configSchema } from '../../scripts/generate/config-schema';
import { ROOT } from '../../scripts/generate/text';
import { ALL_FIELD_NAMES, CHANGE_TYPES, RISK_LEVELS, STATUSES, TOUCHES } from '../../server/src/core/fields';
import { ConfigFileSchema, parseConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/core/rules/index';
import { check } from '../helpers/doc';

const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');

describe('generated files (npm run generate)', () => {
  for (const out of OUTPUTS) {
    it(`${out.path} is up to date with the catalogues`, () => {
      const current = read(out.path);
      assert.ok(
        out.render(current) === current,
        `${out.path} is out of date: run "npm run generate" and commit the result`,
      );
    });
  }

  it('package.json contributes the schema for .itsmote.json', () => {
    const pkg = JSON.parse(read('package.json')) as {
      contributes: { jsonValidation: { fileMatch: string; url: string }[] };
    };
    assert.deepEqual(pkg.contributes.jsonValidation, [
      { fileMatch: '.itsmote.json', url: './dist/itsmote.schema.json' },
    ]);
    assert.match(read('.vscodeignore'), /^!dist\/itsmote\.schema\.json$/m, 'the schema ships in the .vsix');
  });
});

// The build writes it to dist/ (scripts/generate/schema-build.mjs); test/cli/schema-build.test.ts checks it did.
describe('the .itsmote.json schema', () => {
  const schema = JSON.parse(configSchema()) as { properties: Record<string, { properties?: Record<string, unknown> }> };
  const ajv = new Ajv({ allErrors: true });
  // VS Code's own keywords: descriptions in markdown, snippets for completion.
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'defaultSnippets', 'patternErrorMessage']);
  const validate = ajv.compile(schema);
  const errorsOf = (config: unknown) =>
    validate(config)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);

  it('has every key of the config file, and every rule ID and name under rules', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(ConfigFileSchema.shape).sort());
    assert.deepEqual(
      Object.keys(schema.properties.rules!.properties!).sort(),
      RULES.flatMap((r) => [r.id, r.name]).sort(),
    );
  });

  const good: [string, unknown][] = [
    ['examples/.itsmote.json', JSON.parse(read('examples/.itsmote.json'))],
    ['test/fixtures/section8/.itsmote.json', JSON.parse(read('test/fixtures/section8/.itsmote.json'))],
    [
      'rule keys in any case and both setting forms',
      { rules: { cm013: 'off', 'Self-Approval': { severity: 'hint' }, CM010: 'warning' } },
    ],
    [
      'every documented key',
      {
        $schema: './schema.json',
        include: ['a/**'],
        exclude: ['b/**'],
        staleAfterHours: 8,
        auditToleranceHours: 0,
        extraFields: ['Jira'],
        requireChange: { ignore: ['**/*.md'] },
        freezes: [
          {
            name: 'x',
            start: '2026-12-20 00:00 UTC',
            end: '2027-01-04 00:00 UTC',
            services: ['payments-*'],
            allow: ['Emergency'],
          },
        ],
      },
    ],
  ];
  for (const [what, config] of good) {
    it(`accepts what the tools accept: ${what}`, () => {
      assert.deepEqual(parseConfig(JSON.stringify(config)).errors, [], 'the tools accept it');
      assert.deepEqual(errorsOf(config), []);
    });
  }

  const bad: [string, unknown, RegExp][] = [
    ['a misspelt key', { ruls: { CM013: 'off' } }, /additionalProperty.*ruls/],
    ['an unknown rule', { rules: { CM999: 'off' } }, /\/rules property name must be valid \{"propertyName":"CM999"\}/],
    ['a bad severity', { rules: { CM013: 'loud' } }, /\/rules\/CM013/],
    [
      'a freeze without an end',
      { freezes: [{ name: 'x', start: '2026-12-20 00:00' }] },
      /\/freezes\/0 must have required property 'end'/,
    ],
    ['a negative stale time', { staleAfterHours: -1 }, /\/staleAfterHours must be > 0/],
  ];
  for (const [what, config, message] of bad) {
    it(`rejects what the tools reject: ${what}`, () => {
      assert.notDeepEqual(parseConfig(JSON.stringify(config)).errors, [], 'the tools reject it');
      assert.match(errorsOf(config).join('\n'), message);
    });
  }
});

describe('syntaxes/itsmote.injection.tmLanguage.json', () => {
  type Pattern = { match: string };
  const grammar = JSON.parse(read('syntaxes/itsmote.injection.tmLanguage.json')) as {
    repository: Record<string, Pattern>;
  };
  let capture: (pattern: string, line: string, group: number) => string | undefined;

  before(async () => {
    // The editor's regex engine (Oniguruma), as VS Code runs the grammar.
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    capture = (name, line, group) => {
      const scanner = new oniguruma.OnigScanner([grammar.repository[name]!.match]);
      const m = scanner.findNextMatchSync(new oniguruma.OnigString(line), 0);
      const c = m?.captureIndices[group];
      return c && c.length > 0 ? line.slice(c.start, c.end) : undefined;
    };
  });

  it('highlights every field name and alias of the catalogue, in any case', () => {
    for (const name of ALL_FIELD_NAMES) {
      assert.equal(capture('field-name', `- ${name}: x`, 1), name);
      assert.equal(capture('field-name', `* ${name.toUpperCase()} : x`, 1), name.toUpperCase());
    }
    assert.equal(capture('field-name', '- Rollbak plan: x', 1), undefined);
  });

  it('highlights every status, type, risk level and touch as a value', () => {
    for (const s of STATUSES) {
      assert.equal(capture('field-status', `- Status: ${s}`, 3), s);
      assert.equal(capture('log-entry', `- 2026-12-01 14:02 UTC ${s} by @alice: note`, 2), s);
    }
    for (const t of CHANGE_TYPES) assert.equal(capture('field-type', `- Type: ${t}`, 3), t);
    for (const r of RISK_LEVELS) assert.equal(capture('field-risk', `- Risk level: ${r}`, 3), r);
    assert.equal(capture('field-touches', `- Touches: ${TOUCHES.join(', ')}`, 3), TOUCHES.join(', '));
  });
});

describe('snippets/itsmote.code-snippets', () => {
  const snippets = JSON.parse(read('snippets/itsmote.code-snippets')) as Record<string, { body: string[] }>;
  const VARIABLES: Record<string, string> = {
    CURRENT_YEAR: '2026',
    CURRENT_MONTH: '11',
    CURRENT_DATE: '27',
    CURRENT_HOUR: '10',
    CURRENT_MINUTE: '02',
    CURRENT_TIMEZONE_OFFSET: '+01:00',
  };

  /** The text VS Code inserts when every tab stop keeps its default (the first choice, the placeholder). */
  function expand(body: string[]): string {
    const values = new Map<string, string>();
    let text = body.join('\n');
    for (let before = ''; before !== text;) {
      before = text;
      text = text
        .replace(/\$\{([A-Z_]+)\}/g, (m, v: string) => VARIABLES[v] ?? m)
        .replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, d: string) => (values.set(n, d), d))
        .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, options: string) => {
          const first = options.split(',')[0]!;
          values.set(n, first);
          return first;
        });
    }
    return text.replace(/\$\{(\d+)\}/g, (_m, n: string) => values.get(n) ?? '').replace(/\$0/g, '');
  }

  for (const type of CHANGE_TYPES) {
    it(`the ${type} change, as inserted, is a document with no error`, () => {
      const text = expand(snippets[`ITSMote: ${type} change`]!.body);
      assert.match(text, new RegExp(`^- Change type: ${type}$`, 'm'));
      assert.match(
        text,
        /^- 2026-11-27 10:02 \+01:00 (Planned|In Progress) by @you$/m,
        'the first log entry, owner mirrored',
      );
      const errors = check(text).filter((d) => d.severity === 1);
      assert.deepEqual(
        errors.map((d) => `${String(d.code)} ${d.message}`),
        [],
      );
    });
  }
});
