/**
 * Diagnostics on an invalid `.itsmote.json`: one per problem, on the key or value it names (the
 * core locates it while parsing), else on line 0; worded like the CLI's lines.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ConfigError } from '../core/config';
import { configErrorText } from '../core/config-errors';
import { LineIndex } from '../core/positions';

/** The diagnostics of a config file's errors. */
export function configDiagnostics(text: string, errors: readonly ConfigError[]): Diagnostic[] {
  return errors.map((e) => ({
    range: e.range ?? new LineIndex(text).lineRange(0),
    severity: 1,
    source: 'itsmote',
    code: 'config',
    message: configErrorText(e),
  }));
}
