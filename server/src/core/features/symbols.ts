/** Document symbols for the outline and breadcrumbs: the title, the header fields, the `##` sections and log entries. */
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { Analysis } from '../model';
import { isStatusLogName } from '../fields';
import { titleText } from '../headings';

// SymbolKind values (LSP).
const KIND = { file: 1, namespace: 3, property: 7, string: 15, event: 24 } as const;

function firstLine(s: string, max = 60): string {
  const l = s.split(/\r?\n|\r/)[0] ?? '';
  return l.length > max ? `${l.slice(0, max - 1)}…` : l;
}

/** The symbols of a document, in document order. */
export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const { doc, md } = a;
  const out: DocumentSymbol[] = [];
  if (doc.h1Range) {
    const name =
      titleText(md.text.slice(md.lines.offsetAt(doc.h1Range.start), md.lines.offsetAt(doc.h1Range.end))) || doc.id;
    out.push({ name, kind: KIND.file, range: doc.h1Range, selectionRange: doc.h1Range });
  }
  if (doc.header) {
    out.push({
      name: 'Header',
      kind: KIND.namespace,
      range: doc.header.range,
      selectionRange: doc.header.firstLineRange,
      children: doc.header.items.map((i) => ({
        name: i.name || '(empty item)',
        detail: firstLine(i.value),
        kind: KIND.property,
        range: i.range,
        selectionRange: i.nameRange,
      })),
    });
  }
  doc.sections.forEach((s, idx) => {
    const nextStart = doc.sections[idx + 1]?.headingRange.start;
    const end = md.lines.positionAt(s.endOffset);
    const range = { start: s.headingRange.start, end: nextStart && nextStart.line < end.line ? nextStart : end };
    const isLog = isStatusLogName(s.name) && doc.statusLog?.headingRange.start.line === s.headingRange.start.line;
    out.push({
      name: s.name || '(untitled section)',
      kind: KIND.string,
      range,
      selectionRange: s.headingRange,
      ...(isLog && doc.statusLog
        ? {
            children: doc.statusLog.entries.map((e) => ({
              name: `${e.statusText}${e.by ? ` by ${e.by}` : ''}`,
              detail: md.text.slice(md.lines.offsetAt(e.timestampRange.start), md.lines.offsetAt(e.timestampRange.end)),
              kind: KIND.event,
              range: e.range,
              selectionRange: e.range,
            })),
          }
        : {}),
    });
  });
  return out;
}
