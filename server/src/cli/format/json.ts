/** `--format json`: one entry per checked file, clean files with an empty list, LSP 0-based ranges. */
import type { Range } from 'vscode-languageserver-types';
import type { FileResult } from '../run-checks';
import { messageText, severityName } from './severity';
import type { SeverityName } from './severity';

/** One file of the JSON output. */
export interface JsonFileResult {
  file: string;
  diagnostics: { code: string; severity: SeverityName; message: string; range: Range }[];
}

/** The JSON output as data. */
export function toJson(results: readonly FileResult[]): JsonFileResult[] {
  return results.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({
      code: String(d.code ?? ''),
      severity: severityName(d),
      message: messageText(d),
      range: d.range,
    })),
  }));
}

/** The JSON output as text. */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJson(results), null, 2)}\n`;
}
