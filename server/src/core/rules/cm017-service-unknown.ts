import type { DocumentRule, Finding } from './types';
import { closest } from '../values';
import { replaceNameFix } from '../actions/field-fixes';
import type { HeaderItem } from '../schema';
import type { Range } from 'vscode-languageserver-types';

/** The range of one service inside a one-line value written as read; else the whole value. */
function serviceRange(item: HeaderItem, service: string): Range {
  const r = item.valueRange;
  if (r.start.line !== r.end.line || r.end.character - r.start.character !== item.value.length) return r;
  const m = new RegExp(`(^|[,;]\\s*)[*_\`]*(${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'i').exec(item.value);
  if (!m) return r;
  const at = r.start.character + m.index + m[0].length - m[2]!.length;
  return { start: { line: r.start.line, character: at }, end: { line: r.start.line, character: at + m[2]!.length } };
}

/**
 * CM017: an Affected service that no Backstage catalog entity (Component, System, Resource) is
 * named. Runs only when the shell passes the catalog's names (`options.repo.services`).
 */
export const serviceUnknown: DocumentRule = {
  id: 'CM017',
  name: 'service-unknown',
  severity: 'information',
  scope: 'document',
  reads: 'repository',
  docs: "The affected services tie a change to the catalog's owners, on-call and dependencies, and make window conflicts (CM040) visible. A name the catalog does not know ties it to nothing.",
  // The did-you-mean: the unknown service in Affected services becomes the suggestion.
  fixes: ({ analysis, data }) => replaceNameFix(analysis, 'services', data.service, data.suggestion),
  mayReport: ({ serviceCount }, { repo }) => repo?.services !== undefined && serviceCount > 0,
  check(ctx) {
    const { doc, options } = ctx;
    const services = options.repo?.services;
    if (!services || doc.values.services.length === 0) return [];
    const item = ctx.field('services').item;
    if (!item) return [];
    const known = new Set(services.map((s) => s.toLowerCase()));
    const out: Finding[] = [];
    for (const s of doc.values.services) {
      if (known.has(s.trim().toLowerCase())) continue;
      const guess = closest(s, services);
      out.push({
        range: serviceRange(item, s),
        message: `Affected service "${s}" is not in the service catalog (catalog-info.yaml).${guess ? ` Did you mean "${guess}"?` : ' Use the catalog name of the Component, System or Resource.'}`,
        data: { service: s, ...(guess ? { suggestion: guess } : {}) },
      });
    }
    return out;
  },
};
