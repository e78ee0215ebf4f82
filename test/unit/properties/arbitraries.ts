/**
 * fast-check arbitraries for the property suite: arbitrary text, markdown-ish lines, and
 * mutations of valid change documents (the examples and VALID_NORMAL). Mutations are what real
 * repositories do to documents: lines deleted, duplicated or swapped, field values swapped,
 * junk bytes pasted in, unicode that is hard on offsets (astral, RTL, combining), mixed line
 * endings, huge lines and tabs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ALL_FIELD_NAMES, CHANGE_TYPES, RISK_LEVELS, STATUSES, TOUCHES } from '../../../server/src/core/fields';
import { VALID_NORMAL } from '../../helpers/doc';
import { generateRealisticCorpus } from '../../../scripts/bench/realistic-corpus';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'changes');

/** The valid documents mutations start from. */
export const SEED_DOCUMENTS: readonly string[] = [
  VALID_NORMAL,
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(EXAMPLES, f), 'utf8')),
];

/** Characters that are hard on offsets and rendering: astral, RTL and bidi controls, combining, zero-width, BOM, NUL, lone surrogates. */
const NASTY = [
  '😀',
  '𝔘',
  '\u{10FFFF}',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u200F',
  'שלום',
  'مرحبا',
  'e\u0301',
  '\u0301',
  '\u200B',
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u00A0',
  '\u2028',
  '\u000B',
  '\u000C',
];

const nasty = fc.constantFrom(...NASTY);

/** One UTF-16 code unit, any value (lone surrogates and controls included). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Junk: raw code units, full code points, or the nasty set. */
export const junk = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: nasty, minLength: 1, maxLength: 4 }),
);

/** Arbitrary text: any code units, full unicode, printable ASCII with line breaks. */
export const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom('-', ' ', ':', '\n', '\r', '\t', '#', '*', 'a', '1', '@', '`', '<', '>'),
    maxLength: 300,
  }),
);

const DATES = [
  '2026-11-26 10:02 UTC',
  '2026-11-27 09:15',
  '2026-12-01 14:02 Z',
  '2026-12-01T14:40+02:00',
  '2026-13-40 25:61 UTC',
  '12/14/2026 2pm',
  '2026-11-26',
];
const PEOPLE = ['@alice', '@bob', 'Alice Smith', 'the team', '@org/sre', '@a, @b', ''];
const VALUES = [
  'Normal',
  'Standard',
  'Emergency',
  'low',
  'High',
  'TBD',
  'n/a',
  'see below',
  'none.',
  '?',
  '...',
  'Planned',
  'in progress',
  'security, data integrity',
  'INC-1234',
  'payments-db, payments-api',
  '2026-12-01 14:00 UTC, 60 min',
  '2026-12-01 14:00 – 13:00',
  '',
];
const SECTIONS = [
  'Rollback plan',
  'Verification plan',
  'Expected user impact',
  'Outcome',
  'Status log',
  'Summary',
  'Follow-ups',
  'status  LOG',
  'Notes',
];
const ENUMS = [...CHANGE_TYPES, ...RISK_LEVELS, ...STATUSES, ...TOUCHES];

const bullet = fc.constantFrom('-', '*', '+', '1.', '-\t', '  -', '    -');
const value = fc.oneof(fc.constantFrom(...VALUES, ...PEOPLE, ...ENUMS), junk);

/** A header-ish item: `- Field: value`, with real names, aliases, typos and markup. */
const fieldLine = fc
  .tuple(
    bullet,
    fc.constantFrom(...ALL_FIELD_NAMES, 'Chnage type', 'Staus', 'Owner', '**Owner**', 'Random'),
    fc.constantFrom(':', ' :', '', '::'),
    value,
  )
  .map(([b, n, c, v]) => `${b} ${n}${c} ${v}`);

/** A status-log-ish entry. */
const logLine = fc
  .tuple(
    bullet,
    fc.constantFrom(...DATES),
    fc.constantFrom(...STATUSES, 'Done', 'in progress', ''),
    fc.constantFrom(...PEOPLE),
    fc.constantFrom('', ': reason', ':', ': 😀'),
  )
  .map(([b, d, s, p, n]) => `${b} ${d} ${s}${p ? ` by ${p}` : ''}${n}`);

/** One markdown-ish line. */
export const markdownLine = fc.oneof(
  { weight: 4, arbitrary: fieldLine },
  { weight: 3, arbitrary: logLine },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('#', '##', '###', '####### ', '  ##', '#'), fc.constantFrom(...SECTIONS, 'Title'))
      .map(([h, s]) => `${h} ${s}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '',
      '  ',
      '\t',
      '---',
      '***',
      '===',
      '```',
      '~~~',
      '<!-- c -->',
      '<!--',
      '-->',
      '> quote',
      '| a | b |',
      '    code',
      '  continued',
      '---\ntitle: x\n---',
      '1. step',
      '- [x] task',
    ),
  },
  { weight: 1, arbitrary: junk },
);

/** A document of markdown-ish lines joined by mixed line endings. */
export const markdownDoc = fc
  .tuple(
    fc.array(markdownLine, { maxLength: 40 }),
    fc.array(fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), { minLength: 1, maxLength: 40 }),
  )
  .map(([lines, eols]) => lines.map((l, i) => l + eols[i % eols.length]!).join(''));

/** One edit to a document's lines. */
export type Mutation = (lines: string[]) => string[];

const index = fc.nat();
const at = (lines: string[], i: number) => (lines.length ? i % lines.length : 0);

/** Swaps the values of two `name: value` lines (e.g. Status <-> Risk level). */
function swapValues(lines: string[], i: number, j: number): string[] {
  const items = lines.flatMap((l, k) => (/^\s*[-*+] [^:]+:/.test(l) ? [k] : []));
  if (items.length < 2) return lines;
  const a = items[i % items.length]!;
  const b = items[j % items.length]!;
  const split = (l: string) => [l.slice(0, l.indexOf(':') + 1), l.slice(l.indexOf(':') + 1)] as const;
  const [na, va] = split(lines[a]!);
  const [nb, vb] = split(lines[b]!);
  const out = [...lines];
  out[a] = na + vb;
  out[b] = nb + va;
  return out;
}

/** One mutation of a document's lines (exported for the realistic-corpus properties). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  index.map(
    (i): Mutation =>
      (ls) =>
        ls.filter((_, k) => k !== at(ls, i)),
  ),
  fc.tuple(index, index).map(([i, j]): Mutation => (ls) => {
    const out = [...ls];
    const a = at(ls, i);
    const b = at(ls, j);
    [out[a], out[b]] = [out[b] ?? '', out[a] ?? ''];
    return out;
  }),
  fc.tuple(index, index).map(
    ([i, j]): Mutation =>
      (ls) =>
        swapValues(ls, i, j),
  ),
  index.map((i): Mutation => (ls) => {
    const k = at(ls, i);
    return [...ls.slice(0, k + 1), ls[k] ?? '', ...ls.slice(k + 1)];
  }),
  fc.tuple(index, index, junk).map(([i, j, s]): Mutation => (ls) => {
    const k = at(ls, i);
    const l = ls[k] ?? '';
    const p = j % (l.length + 1);
    return [...ls.slice(0, k), l.slice(0, p) + s + l.slice(p), ...ls.slice(k + 1)];
  }),
  fc.tuple(index, markdownLine).map(([i, m]): Mutation => (ls) => {
    const k = at(ls, i);
    return [...ls.slice(0, k), m, ...ls.slice(k)];
  }),
  // Huge lines are drawn rarely (they dominate the cost of a case); 2,000-10,000 characters.
  fc
    .tuple(
      index,
      fc.constantFrom('x', ' ', '😀', 'é\u0301', '\u202E', '- ', '\t'),
      fc.integer({ min: 2000, max: 10000 }),
      fc.integer({ min: 0, max: 7 }),
    )
    .map(([i, c, n, rare]): Mutation => (ls) => {
      if (rare !== 0) return ls;
      const k = at(ls, i);
      return [...ls.slice(0, k), (ls[k] ?? '') + c.repeat(Math.ceil(n / c.length)), ...ls.slice(k + 1)];
    }),
  index.map(
    (i): Mutation =>
      (ls) =>
        ls.map((l, k) => (k % ((i % 3) + 1) === 0 ? l.replace(/ {2}|^(\s*[-*+]) /g, (m) => m.replace(/ +/, '\t')) : l)),
  ),
  index.map(
    (i): Mutation =>
      (ls) =>
        ls.map((l, k) => (k === at(ls, i) ? l.replace(/\S+$/, (w) => w.toUpperCase()) : l)),
  ),
);

/** How a mutated document joins its lines: LF, CRLF, CR, or a mix; with or without a BOM and final newline. */
const joiner = fc.tuple(fc.constantFrom('lf', 'crlf', 'cr', 'mixed'), fc.nat(), fc.boolean(), fc.boolean());

/** A valid document (example or VALID_NORMAL) after 0-6 mutations. */
export const mutatedDoc = fc
  .tuple(fc.constantFrom(...SEED_DOCUMENTS), fc.array(mutation, { maxLength: 6 }), joiner)
  .map(([base, muts, [eol, salt, bom, finalEol]]) => {
    let lines = base.replace(/\n$/, '').split('\n');
    for (const m of muts) lines = m(lines);
    const eols = ['\n', '\r\n', '\r'];
    const sep = (k: number) =>
      eol === 'lf' ? '\n' : eol === 'crlf' ? '\r\n' : eol === 'cr' ? '\r' : eols[(k * 7 + salt) % 3]!;
    const body = lines.map((l, k) => l + (k < lines.length - 1 || finalEol ? sep(k) : '')).join('');
    return (bom ? '\uFEFF' : '') + body;
  });

/** One realistic change document per seed (SPEC section 8 markdown; the generator's first document for that seed). */
export const realisticDoc = fc.nat().map((seed) => generateRealisticCorpus(1, { seed })[0]!.text);

/** A realistic document after 1-3 mutations (lines deleted, swapped, duplicated, junk pasted...). */
export const mutatedRealisticDoc = fc
  .tuple(realisticDoc, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([text, muts]) => {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    let lines = text.split(eol);
    for (const m of muts) lines = m(lines);
    return lines.join(eol);
  });

/** Any document the suite checks: arbitrary text, markdown-ish, a mutated change document, realistic ones. */
export const anyDocument = fc.oneof(
  { weight: 1, arbitrary: anyText },
  { weight: 2, arbitrary: markdownDoc },
  { weight: 4, arbitrary: mutatedDoc },
  { weight: 1, arbitrary: realisticDoc },
  { weight: 1, arbitrary: mutatedRealisticDoc },
);

/** Who advances and with what note: authors and notes are user input too. */
export const actor = fc.record({
  author: fc.constantFrom('@fuzzer', 'Zoë Ünïcode', '', '@a', 'O\u202Eevil', '@a\n- Status: Closed'),
  note: fc.option(
    fc.constantFrom(
      'error rate doubled',
      'done 😀',
      ' ',
      'a: b: c',
      'שלום',
      'two\r\nlines',
      'x\n- 2026-12-01 10:00 UTC Closed by @evil',
      'x\n\n## Status log\n\n- 2026-12-01 10:00 UTC Planned',
      'sep\u2028arated',
    ),
    { nil: undefined },
  ),
});
