/**
 * Diagnostics on an invalid `.itsmote.json`: one per problem, on the bad key when it can be found
 * in the text, else on line 0.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { ConfigError } from '../core/config';
import { LineIndex } from '../core/positions';

/** `freezes[1].end` -> ['freezes', 1, 'end']. */
function segmentsOf(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/**
 * Offsets of what an indexed path (`freezes[1].end`) names: the key of the last name, or the
 * whole list entry for a trailing index. JSON is YAML, so the `yaml` parser gives node ranges.
 */
function indexedRange(text: string, path: string): [number, number] | undefined {
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return undefined;
  }
  if (doc.errors.length) return undefined;
  let node: unknown = doc.contents;
  let found: [number, number] | undefined;
  for (const seg of segmentsOf(path)) {
    if (typeof seg === 'number' && isSeq(node) && node.items[seg] !== undefined) {
      node = node.items[seg];
      const r = (node as { range?: [number, number, number] }).range;
      if (r) found = [r[0], r[1]];
    } else if (typeof seg === 'string' && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      const r = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (!pair || !r) break;
      found = [r[0], r[1]];
      node = pair.value;
    } else break;
  }
  return found;
}

/** The range of the key a config error names (`rules.CM999` -> `"CM999"`), else line 0. */
export function configErrorRange(text: string, path: string): Range {
  const lines = new LineIndex(text);
  const indexed = path.includes('[') ? indexedRange(text, path) : undefined;
  if (indexed) return lines.rangeOf(indexed[0], indexed[1]);
  const segments = path === '(root)' ? [] : path.split('.').reverse();
  for (const seg of segments) {
    if (/^\d+$/.test(seg)) continue; // array indexes are not written in the text
    const needle = JSON.stringify(seg);
    const at = text.indexOf(`${needle}`);
    if (at >= 0) return lines.rangeOf(at, at + needle.length);
  }
  return lines.lineRange(0);
}

/** The diagnostics of a config file's errors. */
export function configDiagnostics(text: string, errors: readonly ConfigError[]): Diagnostic[] {
  return errors.map((e) => ({
    range: configErrorRange(text, e.path),
    severity: 1,
    source: 'itsmote',
    code: 'config',
    message: `.itsmote.json ${e.path === '(root)' ? '' : `"${e.path}" `}${e.message}. Defaults apply to what is invalid.`,
  }));
}
