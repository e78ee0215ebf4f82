/**
 * `--format sarif`: SARIF 2.1.0 (what GitHub code scanning and other viewers read). The rule
 * index becomes `tool.driver.rules` with links to the rule docs; regions are 1-based with an
 * exclusive end column, in UTF-16 code units like LSP.
 */
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DOCS_URL } from '../../core/check';
import { RULES } from '../../core/rules/index';
import type { FileResult } from '../run-checks';
import { messageText, severityName } from './severity';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const satisfies Record<
  string,
  Result.level
>;

/** The SARIF artifact location of a displayed path: relative to the source root when relative. */
function artifactLocation(file: string): ArtifactLocation {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.replace(/\\/g, '/').replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

/** The first sentence of a text, for `shortDescription`. */
function firstSentence(s: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(s);
  return m ? m[0] : s;
}

/** Builds the SARIF log as data (typed by @types/sarif, so the compiler checks the object model). */
export function toSarif(results: readonly FileResult[], version: string, cwd = process.cwd()): Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'itsmote',
            version,
            informationUri: 'https://github.com/itsmote/itsmote-changes',
            rules: RULES.map((r): ReportingDescriptor => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: firstSentence(r.docs) },
              fullDescription: { text: r.docs },
              helpUri: `${DEFAULT_DOCS_URL}#${r.id.toLowerCase()}`,
              help: { text: r.docs },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d): Result => {
            const id = String(d.code ?? '');
            const index = ruleIndex.get(id);
            const { start, end } = d.range;
            return {
              ruleId: id,
              ...(index !== undefined ? { ruleIndex: index } : {}),
              level: LEVEL[severityName(d)],
              message: { text: messageText(d) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: artifactLocation(r.file),
                    region: {
                      startLine: start.line + 1,
                      startColumn: start.character + 1,
                      endLine: end.line + 1,
                      endColumn: end.character + 1,
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}

/** The SARIF log as text. */
export function formatSarif(results: readonly FileResult[], version: string): string {
  return `${JSON.stringify(toSarif(results, version), null, 2)}\n`;
}
