/**
 * Config problems a person can act on: where (the key's position in the file, read with
 * jsonc-parser, the parser VS Code uses for its own settings), what is wrong with the value
 * written, what is allowed, and an example. parseConfig (config.ts) decides what is invalid;
 * this file words it and finds it.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { ConfigError } from './config';

/** An example per top-level key, written as it would appear in `.itsmote.json`. */
const EXAMPLES: Record<string, string> = {
  $schema: '"$schema": "./itsmote.schema.json"',
  include: '"include": ["changes/**/*.md"]',
  exclude: '"exclude": ["**/templates/**"]',
  rules: '"rules": { "CM013": "warning", "impact-missing": "off" }',
  staleAfterHours: '"staleAfterHours": 48',
  auditToleranceHours: '"auditToleranceHours": 24',
  extraFields: '"extraFields": ["Jira", "Reviewers"]',
};

/** A whole file that is valid, for errors about the file as a whole. */
export const EXAMPLE_FILE = '{ "rules": { "CM013": "warning" }, "staleAfterHours": 48 }';

/** `e.g. "staleAfterHours": 48` for a key path (its first segment picks the example). */
export function exampleFor(path: string): string {
  const key = path.split('.')[0] ?? '';
  const e = EXAMPLES[key];
  return e ? `e.g. ${e}` : `e.g. ${EXAMPLE_FILE}`;
}

/** A value as the message quotes it: JSON, shortened. */
export function shown(value: unknown): string {
  const s = value === undefined ? 'nothing' : JSON.stringify(value);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  array: 'a list ([...])',
  object: 'an object ({...})',
  boolean: 'true or false',
};

/** What a zod issue allows, in words: `a number greater than 0`, `one of "a", "b"`. `number` names the unit. */
function allowed(issue: z.core.$ZodIssue, number = 'a number'): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number')
        return `${number} ${issue.inclusive ? `of ${issue.minimum} or more` : `greater than ${issue.minimum}`}`;
      if (issue.origin === 'string') return 'a non-empty string';
      return `at least ${issue.minimum} entries`;
    case 'too_big':
      return issue.origin === 'number'
        ? `${number} ${issue.inclusive ? `of ${issue.maximum} or less` : `less than ${issue.maximum}`}`
        : `at most ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'number' ? number : (TYPE_WORDS[issue.expected] ?? issue.expected);
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `no other keys than the known ones (not ${issue.keys.map((k) => `"${k}"`).join(', ')})`;
    default:
      return issue.message;
  }
}

/** The value at a path of a parsed JSON value (undefined when absent). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * The message of a zod issue on a key's value (the path says which entry): what is allowed,
 * what was written, an example. `value` is the key's whole value.
 */
export function issueMessage(key: string, value: unknown, issue: z.core.$ZodIssue): string {
  const got = valueAt(value, issue.path);
  const number = /Hours$/.test(key) ? 'a number of hours' : 'a number';
  return `must be ${allowed(issue, number)}, not ${shown(got)}; ${exampleFor(key)}`;
}

/** A syntax problem of the file: where and what, in words (`expected a comma`). */
export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character (keys and strings need double quotes)',
  InvalidNumberFormat: 'a number JSON cannot read',
  PropertyNameExpected: 'a key is expected here, in double quotes (a trailing comma?)',
  ValueExpected: 'a value is expected here',
  ColonExpected: 'a colon is missing after the key',
  CommaExpected: 'a comma is missing between entries',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'text after the end of the object',
  InvalidCommentToken: 'a comment (JSON has no comments)',
  UnexpectedEndOfComment: 'a comment that does not end',
  UnexpectedEndOfString: 'a string without its closing "',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape after \\',
  InvalidCharacter: 'a control character inside a string',
};

/** The first syntax problem of a JSON text, or the tree when it parses (strict JSON: no comments, no trailing commas). */
export function jsonSyntaxProblem(text: string): { problem?: SyntaxProblem; tree?: Node } {
  if (text.trim() === '') return { problem: { offset: 0, length: 0, message: 'the file is empty' } };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { tree };
  const name = printParseErrorCode(first.error);
  return { problem: { offset: first.offset, length: first.length, message: SYNTAX_WORDS[name] ?? name } };
}

/**
 * Where a key path (`rules.CM999`, `include.1`) is written: the key itself for an unknown key or
 * rule, else the value. Undefined when the path is not in the text.
 */
export function locatePath(
  tree: Node | undefined,
  path: string,
  at: 'key' | 'value',
): { offset: number; length: number } | undefined {
  if (!tree || path === '(root)') return undefined;
  // `rules.CM999`, `extraFields.1`, `freezes[1].end`: names, and indexes written either way.
  const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : /^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!,
  );
  const node = findNodeAtLocation(tree, segments);
  if (!node) return undefined;
  // A value's parent is its property node, whose first child is the key.
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  const target = at === 'key' && key ? key : node;
  return { offset: target.offset, length: target.length };
}

/**
 * A config problem as one sentence for people (CLI line, editor diagnostic, log):
 * `"staleAfterHours" must be a number greater than 0 (hours), not -3; e.g. ... The default applies.`
 */
export function configErrorText(e: ConfigError): string {
  if (e.path === '(root)') return `${e.message}. The defaults apply.`;
  if (e.at === 'key') return `${e.message}. It is ignored.`;
  return `"${e.path}" ${e.message}. The default applies.`;
}

/** `3:22` (1-based) of a located problem, else `1:1`. */
export function configErrorPosition(e: ConfigError): string {
  return e.range ? `${e.range.start.line + 1}:${e.range.start.character + 1}` : '1:1';
}
