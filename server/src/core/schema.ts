/**
 * The change document model as zod schemas. `buildModel` (model.ts) produces values of these
 * types from the mdast; the schemas are also the contract tests validate against, and the value
 * schemas (`ValueSchemas`) are what header values are read through.
 */
import { z } from 'zod';
import { CHANGE_TYPES, FIELD_KEYS, RISK_LEVELS, STATUSES, TOUCHES } from './fields';
import { matchEnum } from './values';

export const PositionSchema = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
export const RangeSchema = z.object({ start: PositionSchema, end: PositionSchema });

/** One `- Name: value` item of the header list. */
export const HeaderItemSchema = z.object({
  /** The name as written, markup removed and spaces collapsed. */
  name: z.string(),
  /** The known field it denotes, if any. */
  key: z.enum(FIELD_KEYS).optional(),
  hasColon: z.boolean(),
  /** The value as written (multi-line values keep their line breaks), trimmed. */
  value: z.string(),
  /** The whole item. */
  range: RangeSchema,
  nameRange: RangeSchema,
  /** The value; empty range right after the colon when the value is empty. */
  valueRange: RangeSchema,
  /** Offsets of the item in the text, for edits that must touch only its lines. */
  startOffset: z.number(),
  endOffset: z.number(),
});

/** A header-like item that markdown does not read as part of the header, and why (SPEC section 8). */
export const StrayItemSchema = z.object({
  key: z.enum(FIELD_KEYS),
  /** The field name as written. */
  name: z.string(),
  /** Its 0-based line. */
  line: z.number(),
  /** Why it is not a header item and what to do, in words, for messages. */
  cause: z.string(),
});

/** A bold or italic line that looks like a section heading but is not one (core/pseudo-headings.ts). */
export const PseudoHeadingSchema = z.object({
  /** The field it names, or the status log. */
  key: z.union([z.enum(FIELD_KEYS), z.literal('statusLog')]),
  /** The name as written, without the emphasis markers and the colon. */
  name: z.string(),
  /** `**x**` / `__x__` or `*x*` / `_x_`, for messages. */
  emphasis: z.enum(['bold', 'italics']),
  /** Its 0-based line. */
  line: z.number(),
});

export const SectionSchema = z.object({
  name: z.string(),
  key: z.enum(FIELD_KEYS).optional(),
  headingRange: RangeSchema,
  /** Whether the section has content beyond white space and HTML comments. */
  nonEmpty: z.boolean(),
  /** Offset just past the section's last content (where text can be appended). */
  endOffset: z.number(),
});

export const StatusSchema = z.enum(STATUSES);

export const LogEntrySchema = z.object({
  range: RangeSchema,
  timestampRange: RangeSchema,
  /** UTC instant (ms); absent when the timestamp cannot be read. */
  at: z.number().optional(),
  timestampError: z.string().optional(),
  /** The canonical status, when the entry names a known one. */
  status: StatusSchema.optional(),
  /** The status text as written (for messages when it is unknown). */
  statusText: z.string(),
  by: z.string().optional(),
  note: z.string().optional(),
});

export const StatusLogSchema = z.object({
  headingRange: RangeSchema,
  entries: z.array(LogEntrySchema),
  /**
   * Offset where a new entry is inserted, preceded by a line break: the end of the last line of
   * the list that holds the last entry (after that list's notes), or of the section's content.
   */
  appendOffset: z.number(),
  /** Whether the log has a list to continue (otherwise a new entry needs a blank line before it). */
  hasList: z.boolean(),
  /** What a new entry writes before its text, as the log's entries do: `- `, `* [x] `, `4. `. */
  prefix: z.string(),
  /** Whether the list is loose (a blank line between two of its items), so a new item is too. */
  loose: z.boolean(),
});

export const PeopleSchema = z.object({
  people: z.array(z.string()),
  hasTeam: z.boolean(),
  date: z.string().optional(),
});

export const WindowSchema = z.object({ start: z.number(), end: z.number(), explicitEnd: z.boolean() });

/** Reads a value case-insensitively into one of `allowed`, canonical case out. */
function enumValue<const T extends readonly [string, ...string[]]>(allowed: T) {
  return z.string().transform((v, ctx) => {
    const m = matchEnum(v, allowed);
    if (m === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not one of ${allowed.join(', ')}` });
      return z.NEVER;
    }
    return m as T[number];
  });
}

/** Schemas that header values are read through. */
export const ValueSchemas = {
  changeType: enumValue(CHANGE_TYPES),
  risk: enumValue(RISK_LEVELS),
  status: enumValue(STATUSES),
  touch: enumValue(TOUCHES),
};

/** The model of one change document. */
export const ChangeDocumentSchema = z.object({
  /** File name without `.md`. */
  id: z.string(),
  title: z.string().optional(),
  h1Range: RangeSchema.optional(),
  header: z
    .object({
      range: RangeSchema,
      /** The header list's first line: where missing-field diagnostics go. */
      firstLineRange: RangeSchema,
      items: z.array(HeaderItemSchema),
      /** The bullet the list uses (`-`, `*`, `+`), so inserted items match. */
      bullet: z.string(),
      /** Offset just past the last item (where a new item is appended). */
      endOffset: z.number(),
      /** Items of known fields that markdown put outside the header (for messages). */
      stray: z.array(StrayItemSchema),
    })
    .optional(),
  sections: z.array(SectionSchema),
  /** Bold or italic lines named like a section (absent when there are none). */
  pseudoHeadings: z.array(PseudoHeadingSchema).optional(),
  statusLog: StatusLogSchema.optional(),
  values: z.object({
    changeType: z.enum(CHANGE_TYPES).optional(),
    risk: z.enum(RISK_LEVELS).optional(),
    status: StatusSchema.optional(),
    touches: z.array(z.enum(TOUCHES)),
    owner: PeopleSchema.optional(),
    services: z.array(z.string()),
    window: WindowSchema.optional(),
    windowError: z.string().optional(),
    approval: PeopleSchema.optional(),
    incidents: z.array(z.string()),
    causedIncidents: z.array(z.string()),
  }),
});

export type HeaderItem = z.infer<typeof HeaderItemSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type StrayItem = z.infer<typeof StrayItemSchema>;
export type PseudoHeading = z.infer<typeof PseudoHeadingSchema>;
export type LogEntry = z.infer<typeof LogEntrySchema>;
export type StatusLog = z.infer<typeof StatusLogSchema>;
export type ChangeDocument = z.infer<typeof ChangeDocumentSchema>;
