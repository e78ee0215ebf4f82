/**
 * Diagnostics on an invalid `.itsmote.json`: one per problem, on the bad key when it can be found
 * in the text, else on line 0.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ConfigError } from '../core/config';
import { LineIndex } from '../core/positions';

/** The range of the key a config error names (`rules.CM999` -> `"CM999"`), else line 0. */
export function configErrorRange(text: string, path: string): Range {
  const lines = new LineIndex(text);
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
