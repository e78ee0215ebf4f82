/**
 * Suppression comments with a reason, as ESLint and markdownlint users know them:
 *
 *     <!-- itsmote-disable-next-line CM013 -- impact is described in RFC-42 -->
 *     <!-- itsmote-disable-line CM014 -- reason -->     (on the line it concerns)
 *     <!-- itsmote-disable CM014, approvers-many -- reason -->  ...  <!-- itsmote-enable -->
 *
 * Rules are IDs or names, separated by commas or spaces; none means every rule. The reason
 * follows ` -- `. Directives inside code (fenced, indented or inline) are examples, not
 * directives. The filter is pure: the engine (`checkDocument`, `checkSetRules`) applies it with
 * the rule catalogue passed in (this module imports no rule), and CM007 (suppression-invalid)
 * reports directives with no reason or an unknown rule. CM007
 * itself is never suppressed, so a reasonless blanket `itsmote-disable` cannot hide its own
 * warning.
 */
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { Analysis } from './model';
import { analysisText } from './model';

/** The rule catalogue as directives need it: every rule's ID and name (the engine passes `RULES`). */
export type RuleKeys = readonly { id: string; name: string }[];

const keyMaps = new WeakMap<RuleKeys, Map<string, string>>();

/** The canonical rule ID for a key (ID in any case, or name), if the catalogue has it. */
function idOf(catalogue: RuleKeys, key: string): string | undefined {
  let m = keyMaps.get(catalogue);
  if (!m) {
    m = new Map();
    for (const r of catalogue) {
      m.set(r.id.toLowerCase(), r.id);
      m.set(r.name.toLowerCase(), r.id);
    }
    keyMaps.set(catalogue, m);
  }
  return m.get(key.trim().toLowerCase());
}

/** The directive kinds. */
export type SuppressionKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** One directive comment. */
export interface Suppression {
  kind: SuppressionKind;
  /** Canonical rule IDs named; empty when no rule is named (then it applies to all rules, unless `unknown` is not empty). */
  rules: string[];
  /** Rule keys that name no rule, as written. */
  unknown: string[];
  /** The text after ` -- `, trimmed; absent when none was given. */
  reason?: string;
  /** The whole comment. */
  range: Range;
  /**
   * For `disable-next-line`: the line it applies to, the first after the comment that holds
   * more than HTML comments (SPEC section 8), so a directive still hides its item when other
   * comments stand between them.
   */
  nextLine?: number;
}

/** The rule that reports bad directives; never suppressed itself. */
export const SUPPRESSION_RULE_ID = 'CM007';

const DIRECTIVE = /<!--\s*itsmote-(disable-next-line|disable-line|disable|enable)(?=\s|-->)([\s\S]*?)-->/g;

/** The line index: fast analyses (core/fast) carry one without a tree. */
function linesOf(a: Analysis): Analysis['md']['lines'] {
  const l = (a as { lines?: Analysis['md']['lines'] }).lines;
  return l ?? a.md.lines;
}

/**
 * Whether an offset is inside code. A fast analysis tells from its blocks when it can
 * (core/fast/code.ts); otherwise, and when it is unsure, the tree answers.
 */
function inCodeTest(a: Analysis): (offset: number) => boolean {
  const quick = (a as { inCode?: (offset: number) => boolean | undefined }).inCode;
  let spans: [number, number][] | undefined;
  return (offset) => {
    const q = quick?.(offset);
    if (q !== undefined) return q;
    spans ??= codeSpans(a);
    return spans.some(([s, e]) => offset >= s && offset < e);
  };
}

/** Offsets [start, end) of code (fenced, indented, inline), where a directive is only an example. */
function codeSpans(a: Analysis): [number, number][] {
  const out: [number, number][] = [];
  const base = a.md.base;
  const walk = (node: {
    type: string;
    position?: { start: { offset?: number }; end: { offset?: number } };
    children?: unknown[];
  }) => {
    if (
      (node.type === 'code' || node.type === 'inlineCode') &&
      node.position?.start.offset !== undefined &&
      node.position.end.offset !== undefined
    ) {
      out.push([node.position.start.offset + base, node.position.end.offset + base]);
      return;
    }
    for (const c of node.children ?? []) walk(c as typeof node);
  };
  walk(a.md.root as unknown as Parameters<typeof walk>[0]);
  return out;
}

/** Splits a directive body `CM013, CM014 -- reason` into rule keys and reason. */
function readBody(body: string): { keys: string[]; reason?: string } {
  const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
  const rulesPart = sep ? body.slice(0, sep.index) : body;
  const reason = sep ? body.slice(sep.index + sep[0].length).trim() : undefined;
  const keys = rulesPart.split(/[\s,]+/).filter((k) => k !== '');
  return { keys, ...(reason ? { reason } : {}) };
}

const cache = new WeakMap<Analysis, Suppression[]>();

/** The directives of a document, in text order (cached per analysis), rule keys read against `catalogue`. */
export function readSuppressions(a: Analysis, catalogue: RuleKeys): Suppression[] {
  const hit = cache.get(a);
  if (hit) return hit;
  const text = analysisText(a);
  const out: Suppression[] = [];
  // Most documents have none: do not touch the tree (the fast path parses it lazily).
  if (text.includes('itsmote-')) {
    const inCode = inCodeTest(a);
    const lines = linesOf(a);
    for (const m of text.matchAll(DIRECTIVE)) {
      const start = m.index;
      const end = start + m[0].length;
      if (inCode(start)) continue;
      const { keys, reason } = readBody(m[2]!);
      const rules: string[] = [];
      const unknown: string[] = [];
      for (const k of keys) {
        const id = idOf(catalogue, k);
        if (id) {
          if (!rules.includes(id)) rules.push(id);
        } else unknown.push(k);
      }
      const kind = m[1] as SuppressionKind;
      const range = lines.rangeOf(start, end);
      out.push({
        kind,
        rules,
        unknown,
        ...(reason ? { reason } : {}),
        range,
        ...(kind === 'disable-next-line' ? { nextLine: lineAfterComments(text, lines, range.end.line + 1) } : {}),
      });
    }
  }
  cache.set(a, out);
  return out;
}

/**
 * Registers the directives of an analysis read earlier (a cached record has no text to read them
 * from): every reader of `readSuppressions(a)` then gets them.
 */
export function primeSuppressions(a: Analysis, directives: Suppression[]): void {
  cache.set(a, directives);
}

/** The first line from `line` on that holds more than HTML comments (comments may span lines). */
function lineAfterComments(text: string, lines: Analysis['md']['lines'], line: number): number {
  let l = line;
  while (l < lines.lineCount) {
    const t = lines.lineText(l).trim();
    if (!t.startsWith('<!--')) return l;
    const close = text.indexOf('-->', lines.lineStart(l) + lines.lineText(l).indexOf('<!--') + 4);
    if (close < 0) return l;
    const endLine = lines.positionAt(close + 3).line;
    // Text after the comment on its last line makes that line the target.
    const rest = text
      .slice(close + 3, lines.lineEnd(endLine))
      .replace(/<!--[\s\S]*?-->/g, '')
      .trim();
    if (rest !== '') return endLine;
    l = endLine + 1;
  }
  return l;
}

/** Whether a directive applies to every rule (no rule key written at all). */
function appliesToAll(s: Suppression): boolean {
  return s.rules.length === 0 && s.unknown.length === 0;
}

function covers(s: Suppression, code: string): boolean {
  return appliesToAll(s) || s.rules.includes(code);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The directive that suppresses a diagnostic, if any. */
export function suppressorOf(d: Diagnostic, directives: readonly Suppression[]): Suppression | undefined {
  const code = String(d.code ?? '');
  if (code === SUPPRESSION_RULE_ID || directives.length === 0) return undefined;
  const line = d.range.start.line;
  for (const s of directives) {
    if (s.kind === 'disable-next-line' && (s.nextLine ?? s.range.end.line + 1) === line && covers(s, code)) return s;
    if (s.kind === 'disable-line' && line >= s.range.start.line && line <= s.range.end.line && covers(s, code))
      return s;
  }
  // Block directives: replay those that end before the diagnostic starts.
  let all: Suppression | undefined;
  const reenabled = new Set<string>();
  const byRule = new Map<string, Suppression>();
  for (const s of directives) {
    if (s.kind !== 'disable' && s.kind !== 'enable') continue;
    if (!before(s.range.end, d.range.start)) break;
    if (s.kind === 'disable') {
      if (appliesToAll(s)) {
        all = s;
        reenabled.clear();
        byRule.clear();
      } else
        for (const r of s.rules) {
          byRule.set(r, s);
          reenabled.delete(r);
        }
    } else if (appliesToAll(s)) {
      all = undefined;
      reenabled.clear();
      byRule.clear();
    } else
      for (const r of s.rules) {
        byRule.delete(r);
        if (all) reenabled.add(r);
      }
  }
  return byRule.get(code) ?? (all && !reenabled.has(code) ? all : undefined);
}

/** What a suppression filter kept and what it removed, with the directive that removed each. */
export interface SuppressionResult {
  kept: Diagnostic[];
  suppressed: { diagnostic: Diagnostic; by: Suppression }[];
}

/** Splits diagnostics of a document into kept and suppressed. */
export function applySuppressions(
  a: Analysis,
  diagnostics: readonly Diagnostic[],
  catalogue: RuleKeys,
): SuppressionResult {
  const directives = readSuppressions(a, catalogue);
  if (directives.length === 0) return { kept: [...diagnostics], suppressed: [] };
  const kept: Diagnostic[] = [];
  const suppressed: SuppressionResult['suppressed'] = [];
  for (const d of diagnostics) {
    const by = suppressorOf(d, directives);
    if (by) suppressed.push({ diagnostic: d, by });
    else kept.push(d);
  }
  return { kept, suppressed };
}

/** The diagnostics that no directive suppresses. */
export function filterSuppressed(a: Analysis, diagnostics: Diagnostic[], catalogue: RuleKeys): Diagnostic[] {
  return readSuppressions(a, catalogue).length === 0 ? diagnostics : applySuppressions(a, diagnostics, catalogue).kept;
}
