/**
 * The header field catalogue of SPEC section 2: canonical names, aliases, allowed values, and the
 * long-form sections. Everything that matches names (header items, sections, completion, hover)
 * goes through `fieldByName` so aliases and case rules live in one place.
 */
import { isNormalSpaced } from './white-space';

/** Stable keys of the known header fields. */
export const FIELD_KEYS = [
  'title',
  'summary',
  'changeType',
  'owner',
  'services',
  'risk',
  'status',
  'window',
  'rollback',
  'verification',
  'impact',
  'approval',
  'touches',
  'incident',
  'causedIncidents',
  'outcome',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** One known header field. */
export interface FieldInfo {
  key: FieldKey;
  /** The canonical name, as quick fixes write it. */
  name: string;
  aliases: string[];
  /** Whether a non-empty `##` section of this name (or an alias) satisfies the field. */
  section: boolean;
  /** One sentence from the process: what the field is for and when it is required. */
  doc: string;
}

export const CHANGE_TYPES = ['Standard', 'Normal', 'Emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export const RISK_LEVELS = ['Low', 'Medium', 'High'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const STATUSES = [
  'Planned',
  'Approved',
  'Rejected',
  'In Progress',
  'Verifying',
  'Rolled Back',
  'Closed',
] as const;
export type Status = (typeof STATUSES)[number];
export const TOUCHES = ['data integrity', 'security'] as const;
export type Touch = (typeof TOUCHES)[number];

/** The catalogue, in the order of the minimal template (quick fixes insert in this order). */
export const FIELDS: readonly FieldInfo[] = [
  {
    key: 'title',
    name: 'Title',
    aliases: [],
    section: false,
    doc: 'What the change is, in one line. Required (an `# H1` before the header also counts).',
  },
  {
    key: 'summary',
    name: 'Summary',
    aliases: ['Change summary'],
    section: true,
    doc: 'What will change, in a few sentences. Optional.',
  },
  {
    key: 'changeType',
    name: 'Change type',
    aliases: ['Type'],
    section: false,
    doc: 'Standard (pre-approved, low risk, repeatable), Normal (needs one approver) or Emergency (mitigates an active incident, documented after). Required.',
  },
  {
    key: 'owner',
    name: 'Change Owner',
    aliases: ['Owner'],
    section: false,
    doc: 'The one person accountable end to end: plans, executes, verifies and closes. Never "the team". Required.',
  },
  {
    key: 'services',
    name: 'Affected services',
    aliases: ['Services'],
    section: false,
    doc: 'Comma-separated services the change can affect (the blast radius). Required, at least one.',
  },
  {
    key: 'risk',
    name: 'Risk level',
    aliases: ['Risk'],
    section: false,
    doc: 'Low, Medium or High. If you cannot explain the impact, assume higher risk. Required.',
  },
  {
    key: 'status',
    name: 'Status',
    aliases: [],
    section: false,
    doc: 'Where the change is in the lifecycle; must equal the last status log entry. Required.',
  },
  {
    key: 'window',
    name: 'Planned execution time',
    aliases: ['Execution window'],
    section: false,
    doc: '`YYYY-MM-DD HH:MM [zone]`, optionally `, 90 min` or `– HH:MM`; no end means 60 minutes. Required for Standard and Normal changes.',
  },
  {
    key: 'rollback',
    name: 'Rollback plan',
    aliases: ['Backout plan', 'Rollback', 'Backout', 'Rollback steps'],
    section: true,
    doc: 'How to undo the change. If rollback is unclear, the plan is incomplete. Required (Emergency changes may document it after).',
  },
  {
    key: 'verification',
    name: 'Verification plan',
    aliases: ['Verification', 'Verification steps', 'Verification method'],
    section: true,
    doc: 'Which signals prove the change worked (SLOs, synthetic checks). No verification, no success. Required (Emergency: after).',
  },
  {
    key: 'impact',
    name: 'Expected user impact',
    aliases: ['User impact', 'Impact'],
    section: true,
    doc: 'What users will notice. If you cannot explain impact, assume higher risk. Expected (warning only).',
  },
  {
    key: 'approval',
    name: 'Approval (if required)',
    aliases: ['Approval', 'Approver'],
    section: false,
    doc: 'One approver, optionally `, YYYY-MM-DD`. Required for Normal changes and changes touching data integrity or security once past Planned.',
  },
  {
    key: 'touches',
    name: 'Touches',
    aliases: [],
    section: false,
    doc: 'Optional: `data integrity`, `security` (comma list). Either one makes approval required.',
  },
  {
    key: 'incident',
    name: 'Incident',
    aliases: ['Linked incident'],
    section: false,
    doc: 'The incident an Emergency change mitigates, e.g. `INC-1234`. Required for Emergency changes.',
  },
  {
    key: 'causedIncidents',
    name: 'Caused incidents',
    aliases: ['Incidents caused'],
    section: false,
    doc: 'Optional: incidents this change caused; counted in the change failure rate.',
  },
  {
    key: 'outcome',
    name: 'Outcome',
    aliases: [],
    section: true,
    doc: 'What happened: verified, or rolled back and why. Required once Closed or Rolled Back.',
  },
];

/** Folds a field or section name for matching: case-insensitive, runs of spaces collapsed. */
export function foldName(name: string): string {
  // A name already trimmed with single spaces would come out of trim and replace unchanged.
  if (isNormalSpaced(name)) return name.toLowerCase();
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const byFoldedName = new Map<string, FieldInfo>();
for (const f of FIELDS) {
  byFoldedName.set(foldName(f.name), f);
  for (const a of f.aliases) byFoldedName.set(foldName(a), f);
}

/** What a name as written denotes: a field (aliases included) and whether it names the status log. */
interface NameFacts {
  field: FieldInfo | undefined;
  statusLog: boolean;
}

/**
 * Names as written (`Change Owner`, `## Status log`) and what they denote: the same few names
 * recur in every document, so each is folded once. Bounded: a workspace of custom names empties
 * it now and then rather than growing it without end.
 */
const byWrittenName = new Map<string, NameFacts>();
const WRITTEN_NAMES_MAX = 2000;

function factsOf(name: string): NameFacts {
  let facts = byWrittenName.get(name);
  if (facts) return facts;
  const folded = foldName(name);
  facts = { field: byFoldedName.get(folded), statusLog: statusLogFolded.has(folded) };
  if (byWrittenName.size >= WRITTEN_NAMES_MAX) byWrittenName.clear();
  byWrittenName.set(name, facts);
  return facts;
}

/** The field a header name or section heading denotes, aliases included, or undefined. */
export function fieldByName(name: string): FieldInfo | undefined {
  return factsOf(name).field;
}

/**
 * The custom field (`.itsmote.json` `extraFields`, SPEC section 8) a header name denotes, as
 * the config writes it; matched like field names.
 */
export function extraFieldByName(name: string, extraFields: readonly string[] = []): string | undefined {
  if (extraFields.length === 0) return undefined;
  let folded = foldedExtra.get(extraFields);
  if (!folded) {
    // Folded once per config (this runs for every unknown item of every document).
    folded = new Map();
    for (const n of extraFields) if (!folded.has(foldName(n))) folded.set(foldName(n), n);
    foldedExtra.set(extraFields, folded);
  }
  return folded.get(foldName(name));
}

const foldedExtra = new WeakMap<readonly string[], Map<string, string>>();

const byKey = new Map(FIELDS.map((f) => [f.key, f]));

/** The field with this key. */
export function fieldInfo(key: FieldKey): FieldInfo {
  return byKey.get(key)!;
}

/** Every name (canonical and aliases) a header item may use, for did-you-mean and completion. */
export const ALL_FIELD_NAMES: readonly string[] = FIELDS.flatMap((f) => [f.name, ...f.aliases]);

/** Known long-form sections that are not fields. */
export const OTHER_SECTIONS = ['Follow-ups', 'Status log'] as const;

/** The names a status log section may have (SPEC section 8), canonical first. */
export const STATUS_LOG_NAMES = ['Status log', 'Status history', 'Log'] as const;

const statusLogFolded = new Set(STATUS_LOG_NAMES.map(foldName));

/** Whether a section name denotes the status log (`Status log`, `Status history`, `Log`; any case). */
export function isStatusLogName(name: string): boolean {
  return factsOf(name).statusLog;
}
