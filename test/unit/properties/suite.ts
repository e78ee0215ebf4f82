/**
 * The property suite shared by `npm test` (fixed seed, bounded count) and `npm run fuzz`
 * (100,000 cases): which property runs on which arbitrary, and its share of the cases.
 */
import fc from 'fast-check';
import type { FixOptions } from '../../../server/src/core/actions/index';
import { NOW } from '../../helpers/doc';
import { actor, anyDocument, markdownDoc, mutatedDoc, mutatedRealisticDoc, realisticDoc } from './arbitraries';
import { actionsApplyCleanly, advanceIsConsistent, fixAllIdempotent, rangesInside } from './checks';
import { advanceAppendsOneEntry, fastPathAgrees } from './realistic-checks';

/** The seed of `npm test` and the default of `npm run fuzz`. */
export const DEFAULT_SEED = 20261126;

/** One property of the suite. */
export interface SuiteProperty {
  name: string;
  /** Share of the total case count. */
  share: number;
  property: () => fc.IPropertyWithHooks<never> | fc.IProperty<never>;
}

const withOptions = (a: { author: string; note: string | undefined }): FixOptions => ({
  author: a.author,
  now: NOW,
  ...(a.note !== undefined ? { note: a.note } : {}),
});

/** Advance wants documents that mostly have a header: mutated documents, some markdown, realistic ones. */
const advanceable = fc.oneof(
  { weight: 4, arbitrary: mutatedDoc },
  { weight: 1, arbitrary: markdownDoc },
  { weight: 2, arbitrary: mutatedRealisticDoc },
);

/** Authors as the editor passes them (the advance property compares the entry's `by` with it). */
const author = fc.constantFrom('@you', 'Zoë Müller', '', '@a.b-c');

export const PROPERTIES: readonly SuiteProperty[] = [
  {
    name: 'analyze + checkDocument never throw; every diagnostic range lies inside the document',
    share: 0.3,
    property: () => fc.property(anyDocument, (text) => rangesInside(text)) as never,
  },
  {
    name: 'every code action (quick fixes, advance to each status, fix-all) applies cleanly and keeps the text outside its ranges',
    share: 0.2,
    property: () => fc.property(anyDocument, actor, (text, a) => actionsApplyCleanly(text, withOptions(a))) as never,
  },
  {
    name: 'advance to X gives Status X, a last log entry X, and no new CM030/CM031',
    share: 0.15,
    property: () => fc.property(advanceable, actor, (text, a) => advanceIsConsistent(text, withOptions(a))) as never,
  },
  {
    name: 'fix-all is idempotent',
    share: 0.1,
    property: () => fc.property(anyDocument, actor, (text, a) => fixAllIdempotent(text, withOptions(a))) as never,
  },
  {
    name: 'the fast path and remark give the same model and diagnostics on realistic documents (SPEC section 8), mutated or not',
    share: 0.15,
    property: () => fc.property(fc.oneof(realisticDoc, mutatedRealisticDoc), (text) => fastPathAgrees(text)) as never,
  },
  {
    name: 'every advance of a realistic document appends exactly one entry to its log and changes no other byte but the values it fills',
    share: 0.1,
    property: () =>
      fc.property(
        fc.oneof(
          realisticDoc.map((t) => [t, true] as const),
          mutatedRealisticDoc.map((t) => [t, false] as const),
        ),
        author,
        ([text, strict], by) => {
          advanceAppendsOneEntry(text, { author: by, now: NOW }, strict);
        },
      ) as never,
  },
];

/** Splits a total case count over the properties by share (each gets at least one). */
export function runsOf(p: SuiteProperty, total: number): number {
  return Math.max(1, Math.round(total * p.share));
}
