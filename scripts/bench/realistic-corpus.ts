/**
 * A seeded generator of change documents written the way teams really write them (SPEC section
 * 8): setext headings, section aliases at levels 2-4, HTML comments between header items and log
 * entries, suppression comments in the header, log separators (`UTC:`, `Z:`, ` - `, ` – `),
 * task-list and bold log entries, window notes, custom fields, and the rich markdown around them
 * (task lists, tables, fenced code in list items, `<details>`, block quotes, link definitions,
 * footnotes, nested lists, emoji, non-ASCII names, CRLF, tabs, front matter, a BOM), in roughly
 * the proportions a wiki-grown repository has. Long status logs (up to 40 entries) come from
 * changes rejected and re-planned many times.
 *
 * Every document carries its own expectations (`expect`): what it means (executed or not, when,
 * rolled back, its rollback plan) and the exact diagnostic codes `checkDocument` must give at
 * `CORPUS_NOW` with `extraFields: REALISTIC_EXTRA_FIELDS`. Clean documents expect none; a share
 * carries one planted fault whose codes are known. Tests compare the engine with these facts;
 * the benchmark and the fast-path agreement tests use the texts.
 */
import { CORPUS_NOW, prng, VERBS } from './corpus';
import type { CorpusDoc } from './corpus';
import type { Rand } from './realistic-blocks';
import {
  blockQuote,
  details,
  emoji,
  referencesAndFootnote,
  runbook,
  signal,
  signalTable,
  step,
  taskList,
} from './realistic-blocks';

export { CORPUS_NOW } from './corpus';

/** The custom header fields the corpus uses; `.itsmote.json` `extraFields` must name them. */
export const REALISTIC_EXTRA_FIELDS = ['Jira', 'Reviewers', 'PR'] as const;

type Status = 'Planned' | 'Approved' | 'Rejected' | 'In Progress' | 'Verifying' | 'Rolled Back' | 'Closed';
type ChangeType = 'Standard' | 'Normal' | 'Emergency';

/** What a generated document means, and what the checks must say about it. */
export interface RealisticExpect {
  changeType: ChangeType;
  risk: 'Low' | 'Medium' | 'High';
  /** The header's Status value. */
  status: Status;
  /** Whether the document has a status log section with entries. */
  hasLog: boolean;
  /** Status log entries as written (readable time or not), oldest first. */
  logStatuses: Status[];
  /** Executed per SPEC section 5: the log has an In Progress entry with a readable time. */
  executed: boolean;
  /** The first readable In Progress time (ms), when executed. */
  startedAt?: number;
  /** Its UTC month, `YYYY-MM`. */
  month?: string;
  /** Whether the log has a Rolled Back entry. */
  rolledBack: boolean;
  /** The first readable Rolled Back time at or after the start. */
  rolledBackAt?: number;
  causedIncidents: string[];
  /** Whether a rollback plan is written (header value or a section). */
  hasRollback: boolean;
  hasVerification: boolean;
  /** The fault planted, if any. */
  fault?: Fault;
  /** Sorted, distinct diagnostic codes at CORPUS_NOW with `extraFields: REALISTIC_EXTRA_FIELDS`. */
  codes: string[];
  /** The constructs this document uses (for proportions and for picking cases). */
  features: string[];
}

/** One generated document with its expectations. */
export interface RealisticDoc extends CorpusDoc {
  expect: RealisticExpect;
}

/** Options of the generator. */
export interface RealisticOptions {
  /** Seed of the PRNG (same seed and count, same corpus). */
  seed?: number;
  /** Share of documents with one planted fault (0..1). */
  faultRate?: number;
  /**
   * At most this many open changes (Planned, Approved, In Progress, Verifying); the others run
   * their whole lifecycle. A repository with years of history has a few hundred open changes
   * whatever its size, while an unbounded mix puts a quarter of 10,000 changes In Progress in the
   * same 12 hours (and CM040 then reports hundreds of thousands of overlaps). Default: unbounded.
   */
  openAtMost?: number;
}

const SERVICES = [
  'payments-api',
  'payments-db',
  'checkout',
  'search',
  'auth',
  'billing',
  'cdn',
  'inventory',
  'orders',
  'notifications',
  'ledger',
  'kafka',
  'redis-cache',
  'k8s-ingress',
];
const PEOPLE = [
  '@alice',
  '@bob',
  '@carol',
  '@dave',
  '@erin',
  '@frank',
  '@grace',
  '@heidi',
  '@ivan',
  '@judy',
  '@nadia',
  '@greta',
  'Dana Kim',
  'Zoë Müller',
  'José Álvarez',
  'Łukasz Nowak',
  '陈伟',
  'Søren Ødegård',
];
const OBJECTS = [
  'the primary database',
  'TLS certificates',
  'the ingress controller',
  'the cache cluster',
  'feature flag checkout-v2',
  'the Kafka brokers',
  'node pools',
  'the search index',
  'DNS records',
];
const IMPACTS = [
  'none expected',
  'checkout read-only for up to 2 minutes',
  'search results may be stale for 5 minutes',
  'users are logged out once',
  'slower page loads during the window',
  'no user impact; internal tooling only',
];
const NOTES = [
  'error rate doubled on checkout',
  'replication lag kept growing',
  'p99 over budget for 10 min',
  'health checks failed in eu-west',
  'customers reported timeouts',
];
const WORDS =
  'the service traffic replica primary index cluster node deploy config rollout canary metrics error latency budget window users region shard backup snapshot schema migration queue worker pool'.split(
    ' ',
  );
const HEADER_COMMENTS = [
  '<!-- risk reviewed in the ops sync -->',
  '<!-- fields below are required by the CAB -->',
  '<!-- keep this list in template order -->',
];
const UNDER_ITEM_COMMENTS = [
  '<!-- YYYY-MM-DD HH:MM UTC, duration -->',
  '<!-- one person, not a team -->',
  '<!-- Low / Medium / High -->',
];
const LOG_COMMENTS = [
  '<!-- executed in the Thursday window -->',
  '<!-- times are from the deploy bot -->',
  '<!-- one line per transition, oldest first -->',
];
const LOG_NOTES = [
  'Note: CAB asked for a smaller batch',
  'Paused for the payroll run, resumed after',
  'Ticket updated by the deploy bot',
];

const FAULTS = ['noLog', 'missingRollback', 'noTimestamp', 'strayItem'] as const;
type Fault = (typeof FAULTS)[number];

/** Lifecycle paths (prefixes of these are the intermediate statuses). */
const PATHS: Record<ChangeType, Status[][]> = {
  Standard: [
    ['Planned', 'In Progress', 'Verifying', 'Closed'],
    ['Planned', 'In Progress', 'Rolled Back', 'Closed'],
    ['Planned', 'In Progress', 'Verifying', 'Rolled Back', 'Closed'],
  ],
  Normal: [
    ['Planned', 'Approved', 'In Progress', 'Verifying', 'Closed'],
    ['Planned', 'Approved', 'In Progress', 'Rolled Back', 'Closed'],
    ['Planned', 'Rejected', 'Planned', 'Approved', 'In Progress', 'Verifying', 'Closed'],
    ['Planned', 'Rejected'],
  ],
  Emergency: [
    ['In Progress', 'Verifying', 'Closed'],
    ['In Progress', 'Rolled Back', 'Closed'],
  ],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');
function ymdhm(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** How a document writes log timestamps: the zone form and the separator before the status. */
interface LogStyle {
  zone: 'utc' | 'z' | 'zGlued' | 'iso' | 'offset' | 'bare';
  offsetMinutes: number;
  separator: ' ' | ': ' | ' - ' | ' – ' | ' — ';
  task: boolean;
  bold: boolean;
  bullet: string;
  ordered: boolean;
  loose: boolean;
}

function stamp(at: number, s: LogStyle): string {
  if (s.zone === 'offset') {
    const o = s.offsetMinutes;
    const sign = o < 0 ? '-' : '+';
    return `${ymdhm(at + o * MINUTE)} ${sign}${pad(Math.floor(Math.abs(o) / 60))}:${pad(Math.abs(o) % 60)}`;
  }
  const t = ymdhm(at);
  switch (s.zone) {
    case 'utc':
      return `${t} UTC`;
    case 'z':
      return `${t} Z`;
    case 'zGlued':
      return `${t}Z`;
    case 'iso':
      return `${t.replace(' ', 'T')}Z`;
    default:
      return t;
  }
}

/** A log entry as generated: its status, time, author, note, and whether its time is written. */
interface Entry {
  status: Status;
  at: number;
  by?: string;
  note?: string;
  timed: boolean;
}

function entryLine(e: Entry, s: LogStyle, n: number, rand: Rand): string {
  const marker = s.ordered ? `${n}.` : s.bullet;
  const task = s.task ? `[${rand.chance(0.9) ? 'x' : 'X'}] ` : '';
  const status = s.bold ? `**${e.status}**` : e.status;
  const tail = `${e.by ? ` by ${e.by}` : ''}${e.note ? `: ${e.note}` : ''}`;
  if (!e.timed)
    return `${marker} ${task}${status}${tail}${rand.chance(0.5) ? ` ${rand.pick(['yesterday', 'after the CAB', 'in the morning'])}` : ''}`;
  // A separator after a zone word reads `UTC: Planned`; without a zone only a dash separates.
  const sep = s.separator === ': ' && (s.zone === 'bare' || s.zone === 'offset') ? ' - ' : s.separator;
  return `${marker} ${task}${stamp(e.at, s)}${sep}${status}${tail}`;
}

/** A heading of `level` named `name`, in one of the forms people write. */
function heading(r: Rand, level: number, name: string, allowSetext: boolean, features: Set<string>): string[] {
  if (level === 2 && allowSetext && r.chance(0.15)) {
    features.add('setext');
    return [name, '-'.repeat(Math.max(3, name.length + r.int(-2, 3)))];
  }
  const hashes = '#'.repeat(level);
  const form = r.int(0, 19);
  if (form === 0) return [`${hashes} ${name}:`];
  if (form === 1) return [`${hashes} **${name}**`];
  if (form === 2) return [`${hashes} ${name} ${hashes}`];
  return [`${hashes} ${name}`];
}

/** Generates `n` documents; the same (n, options) always gives the same documents. */
export function generateRealisticCorpus(n: number, options: RealisticOptions = {}): RealisticDoc[] {
  const next = prng(options.seed ?? 20261128);
  const faultRate = options.faultRate ?? 0.2;
  const r: Rand = {
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
  const docs: RealisticDoc[] = [];
  const open = { left: options.openAtMost ?? Infinity };
  for (let i = 0; i < n; i++) docs.push(oneDocument(r, i, faultRate, open));
  return docs;
}

function sentence(r: Rand, words: number): string {
  const s = Array.from({ length: words }, () => r.pick(WORDS)).join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

const OPEN: readonly Status[] = ['Planned', 'Approved', 'In Progress', 'Verifying'];

function oneDocument(r: Rand, i: number, faultRate: number, open: { left: number } = { left: Infinity }): RealisticDoc {
  const features = new Set<string>();
  const type: ChangeType = r.pick(['Standard', 'Standard', 'Normal', 'Normal', 'Normal', 'Emergency'] as const);
  // Statuses: a prefix of a lifecycle path; a few Normal changes bounce between Planned and
  // Rejected many times before they run (the long logs).
  let path = r.pick(PATHS[type]);
  if (type === 'Normal' && r.chance(0.08)) {
    const cycles = r.int(5, 17);
    path = [
      'Planned',
      ...Array.from({ length: cycles }, () => ['Rejected', 'Planned'] as Status[]).flat(),
      'Approved',
      'In Progress',
      'Verifying',
      'Closed',
    ];
    features.add('longLog');
  }
  let statuses = path.slice(
    0,
    Math.min(path.length, features.has('longLog') ? r.int(path.length - 4, path.length) : r.int(1, path.length)),
  );
  if (OPEN.includes(statuses[statuses.length - 1]!) && open.left-- <= 0) statuses = path;
  const status = statuses[statuses.length - 1]!;
  const fault: Fault | undefined = r.chance(faultRate) ? r.pick(FAULTS) : undefined;

  const owner = r.pick(PEOPLE);
  const approver = r.pick(PEOPLE.filter((p) => p !== owner));
  const services = Array.from({ length: r.int(1, 3) }, () => r.pick(SERVICES)).filter((s, j, a) => a.indexOf(s) === j);
  const risk = type === 'Standard' ? 'Low' : r.pick(['Low', 'Medium', 'High'] as const);
  if (PEOPLE.indexOf(owner) >= 13 || PEOPLE.indexOf(approver) >= 13) features.add('nonAscii');

  // Times: open changes sit around CORPUS_NOW (not stale), finished ones in the past two years.
  const base = Math.floor(CORPUS_NOW / DAY) * DAY + 8 * HOUR;
  const slot = r.int(0, 20) * 30 * MINUTE;
  const start =
    status === 'Planned' || status === 'Approved' || status === 'Rejected'
      ? base + r.int(1, 30) * DAY + slot
      : status === 'In Progress' || status === 'Verifying'
        ? CORPUS_NOW - r.int(3, 12) * HOUR
        : base - r.int(2, 700) * DAY + slot;
  const minutes = r.pick([30, 45, 60, 90, 120]);
  const long = features.has('longLog');
  const entries: Entry[] = [];
  // Far enough back that the steps before the window (at most a day each) stay before it.
  let t = Math.min(start, CORPUS_NOW) - (long ? r.int(20, 40) : r.int(statuses.length + 1, statuses.length + 8)) * DAY;
  for (const s of statuses) {
    if (s === 'In Progress') t = Math.max(t + MINUTE, start + r.int(0, 10) * MINUTE);
    else t += r.int(5, s === 'Planned' || s === 'Approved' || s === 'Rejected' ? (long ? 600 : 1440) : 60) * MINUTE;
    const by = s === 'Approved' || s === 'Rejected' ? approver : owner;
    const note =
      s === 'Rolled Back'
        ? `${r.pick(NOTES)}${r.chance(0.2) ? ` ${emoji(r)}` : ''}`
        : s === 'Closed' && r.chance(0.3)
          ? 'verified'
          : undefined;
    entries.push({ status: s, at: t, ...(r.chance(0.92) ? { by } : {}), ...(note ? { note } : {}), timed: true });
  }
  if (fault === 'noTimestamp' && entries.length >= 2) {
    entries[r.int(0, entries.length - 2)]!.timed = false;
  }
  const effectiveFault: Fault | undefined =
    fault === 'noTimestamp' && entries.length < 2
      ? undefined
      : fault === 'noLog' && status === 'Planned'
        ? undefined
        : fault;
  // Planned changes may have no log yet (SPEC section 7, CM037 is for statuses past Planned).
  const hasLog = effectiveFault !== 'noLog' && !(status === 'Planned' && entries.length === 1 && r.chance(0.25));
  if (!hasLog) features.add('noLog');

  // Styles of this document.
  const bullet = r.chance(0.85) ? '-' : r.pick(['*', '+']);
  const boldNames = r.chance(0.12);
  const tabBullets = !boldNames && r.chance(0.04);
  if (boldNames) features.add('boldNames');
  if (tabBullets) features.add('tabs');
  const alias = (canonical: string, aliases: string[]) => (r.chance(0.2) ? r.pick(aliases) : canonical);
  const item = (name: string, value: string) =>
    `${tabBullets ? `${bullet}\t` : `${bullet} `}${boldNames ? `**${name}:**` : `${name}:`}${value === '' ? '' : ` ${value}`}`;
  const comments = r.chance(0.33);
  if (comments) features.add('htmlComments');

  // Where the rollback and verification plans live: header values, sections (aliases, levels 2-4,
  // setext), maybe nested under a `## Plan` section.
  const planParent = r.chance(0.25);
  const sectionLevel = () => (planParent ? r.pick([3, 3, 4]) : r.chance(0.85) ? 2 : r.pick([3, 4]));
  const rollbackInSection = r.chance(0.5);
  const verificationInSection = r.chance(0.4);
  const taskLists = r.chance(0.5);
  if (taskLists) features.add('taskList');
  const tables = r.chance(0.33);
  if (tables) features.add('table');
  const fence = r.chance(0.25);
  const nested = r.chance(0.25);
  if (fence) features.add('fenceInItem');
  if (nested) features.add('nestedList');

  // ---- header
  const title = `${r.chance(0.15) ? `${emoji(r)} ` : ''}${r.pick(VERBS)} ${r.pick(OBJECTS)} (${services[0]})`;
  const titleForm = r.pick(['h1', 'h1', 'h1', 'h1', 'setextH1', 'h1After', 'item'] as const);
  features.add(titleForm === 'h1' ? 'h1' : titleForm);
  const header: string[] = [];
  const custom: string[] = [];
  if (r.chance(0.3)) {
    features.add('customFields');
    custom.push(item('Jira', `OPS-${r.int(100, 9999)}`));
    if (r.chance(0.5)) custom.push(item('Reviewers', `${r.pick(PEOPLE)}, ${r.pick(PEOPLE)}`));
    if (r.chance(0.3)) custom.push(item('PR', `#${r.int(10, 999)}`));
  }
  if (titleForm === 'item') header.push(item('Title', title));
  if (custom.length && r.chance(0.5)) header.push(...custom.splice(0));
  header.push(item(alias('Change type', ['Type']), type));
  header.push(item(alias('Change Owner', ['Owner']), owner));
  if (comments && r.chance(0.3)) header[header.length - 1] += `\n  ${UNDER_ITEM_COMMENTS[1]}`;
  const servicesItem = item(alias('Affected services', ['Services']), services.join(', '));
  if (effectiveFault !== 'strayItem') header.push(servicesItem);
  if (comments && r.chance(0.5)) {
    header.push(r.pick(HEADER_COMMENTS));
    features.add('commentInHeader');
  }
  header.push(item(alias('Risk level', ['Risk']), r.chance(0.1) ? `**${risk}**` : risk));
  if (comments && r.chance(0.2)) header[header.length - 1] += `\n  ${UNDER_ITEM_COMMENTS[2]}`;
  header.push(
    item('Status', status) + (comments && r.chance(0.2) ? ' <!-- Planned, Approved, In Progress, ... -->' : ''),
  );
  if (comments && r.chance(0.3)) {
    header[header.length - 1] += `\n  ${UNDER_ITEM_COMMENTS[0]}`;
    features.add('commentUnderStatus');
  }
  if (type !== 'Emergency' || r.chance(0.3)) {
    const w = ymdhm(start);
    let window = r.pick([
      `${w} UTC, ${minutes} min`,
      `${w} UTC – ${ymdhm(start + minutes * MINUTE).slice(11)}`,
      `${w} Z, ${minutes / 60} h`,
      `${w}, ${minutes} minutes`,
    ]);
    if (r.chance(0.15)) {
      window += ` (${r.pick(['CAB slot, Tue', 'CAB slot, Wednesday', 'after the batch run', 'maintenance window'])})`;
      features.add('windowNote');
    }
    header.push(item(alias('Planned execution time', ['Execution window']), window));
  }
  const hasRollback = effectiveFault !== 'missingRollback';
  if (hasRollback)
    header.push(
      item(
        alias('Rollback plan', ['Backout plan', 'Rollback', 'Backout', 'Rollback steps']),
        rollbackInSection ? 'see below' : `redeploy the previous release of ${services[0]}`,
      ),
    );
  header.push(
    item(
      alias('Verification plan', ['Verification', 'Verification steps', 'Verification method']),
      verificationInSection ? 'see below' : signal(r, services[0]!),
    ),
  );
  if (r.chance(0.15)) header[header.length - 1] += `\n  and ${signal(r, r.pick(SERVICES))}`;
  const impactInSection = r.chance(0.1);
  const suppressImpact = !impactInSection && r.chance(0.06);
  if (suppressImpact) {
    // The directive stays right above its item, also in a loose header (it applies to the next line).
    header.push(
      `<!-- itsmote-disable-next-line CM013 -- internal batch job, no users (RFC-42) -->\n${item('Expected user impact', 'TBD')}`,
    );
    features.add('suppressionInHeader');
  } else
    header.push(
      item(
        alias('Expected user impact', ['User impact', 'Impact']),
        impactInSection ? 'see below' : `${r.pick(IMPACTS)}${r.chance(0.1) ? ` ${emoji(r)}` : ''}`,
      ),
    );
  const wantsApproval =
    type === 'Normal' &&
    (statuses.includes('Approved') || effectiveFault === 'noLog') &&
    (r.chance(0.5) || effectiveFault === 'noLog' || !hasLog);
  if (wantsApproval && status !== 'Planned')
    header.push(
      item(
        alias('Approval (if required)', ['Approval', 'Approver']),
        `${approver}, ${ymdhm(start - DAY).slice(0, 10)}`,
      ),
    );
  if (type === 'Normal' && r.chance(0.1)) header.push(item('Touches', r.pick(['security', 'data integrity'])));
  const incidents = type === 'Emergency' ? [`INC-${r.int(1000, 9999)}`] : [];
  if (incidents.length) header.push(item(alias('Incident', ['Linked incident']), incidents[0]!));
  const closed = status === 'Closed' || status === 'Rolled Back';
  const causedIncidents = closed && r.chance(0.15) ? [`INC-${r.int(1000, 9999)}`] : [];
  if (causedIncidents.length) header.push(item(alias('Caused incidents', ['Incidents caused']), causedIncidents[0]!));
  const outcomeInSection = closed && r.chance(0.5);
  if (closed && !outcomeInSection)
    header.push(
      item(
        'Outcome',
        status === 'Rolled Back' ? `rolled back: ${r.pick(NOTES)}` : 'verified, error rate back to baseline',
      ),
    );
  header.push(...custom);

  // ---- document
  const out: string[] = [];
  if (r.chance(0.06)) {
    out.push('---', 'template: change', `tags: [${services.join(', ')}]`, '---', '');
    features.add('frontMatter');
  }
  if (titleForm === 'h1') out.push(`# ${title}`, '');
  if (titleForm === 'setextH1') out.push(title, '='.repeat(Math.max(3, title.length)), '');
  if (r.chance(0.08)) {
    // Some teams keep a blank line between header items: one loose list to markdown.
    out.push(...header.flatMap((h, k) => (k ? ['', h] : [h])), '');
    features.add('looseHeader');
  } else out.push(...header, '');
  if (effectiveFault === 'strayItem')
    out.push(r.pick(['Services were confirmed in the ops sync.', 'The blast radius is below.']), '', servicesItem, '');
  if (titleForm === 'h1After') out.push(`# ${title}`, '');

  const refs = r.chance(0.15) ? referencesAndFootnote(r) : undefined;
  if (refs) features.add('linkRefs');
  out.push(...heading(r, 2, r.pick(['Summary', 'Summary', 'Change summary', 'What changes']), true, features), '');
  out.push(
    `${sentence(r, r.int(10, 18))}${r.chance(0.15) ? ` ${emoji(r)}` : ''} ${refs ? refs.text : sentence(r, r.int(6, 12))}`,
    '',
  );
  if (r.chance(0.15)) {
    out.push(...blockQuote(r), '');
    features.add('blockQuote');
  }
  if (tables && !verificationInSection) out.push(...signalTable(r, services[0]!), '');
  if (comments && r.chance(0.4)) out.push('<!-- what will change, in a few sentences -->', '');

  const planSections: string[] = [];
  if (rollbackInSection && hasRollback) {
    planSections.push(
      ...heading(
        r,
        sectionLevel(),
        r.pick(['Rollback plan', 'Rollback plan', 'Rollback', 'Backout plan', 'Backout', 'Rollback steps']),
        true,
        features,
      ),
      '',
    );
    if (taskLists && r.chance(0.5)) planSections.push(...taskList(r, [step(r), step(r), step(r)]), '');
    else planSections.push(...runbook(r, r.int(2, 4), { fence, nested }), '');
    if (r.chance(0.12)) {
      planSections.push(...details(r), '');
      features.add('details');
    }
  }
  if (verificationInSection) {
    planSections.push(
      ...heading(
        r,
        sectionLevel(),
        r.pick(['Verification plan', 'Verification', 'Verification steps', 'Verification method']),
        true,
        features,
      ),
      '',
    );
    if (tables) planSections.push(...signalTable(r, services[0]!), '');
    if (taskLists) planSections.push(...taskList(r, [signal(r, services[0]!), signal(r, r.pick(SERVICES))]), '');
    else planSections.push(`- ${signal(r, services[0]!)}`, `- ${signal(r, r.pick(SERVICES))}`, '');
  } else if (taskLists && !rollbackInSection) {
    planSections.push(
      ...heading(r, 2, 'Checklist', true, features),
      '',
      ...taskList(r, ['CAB informed', 'On-call paged', 'Dashboards open']),
      '',
    );
  }
  if (planSections.length) {
    if (planParent)
      out.push(
        ...heading(r, 2, r.pick(['Plan', 'Implementation plan']), false, features),
        '',
        sentence(r, r.int(6, 10)),
        '',
      );
    out.push(...planSections);
  }
  if (impactInSection)
    out.push(
      ...heading(r, sectionLevel(), r.pick(['Expected user impact', 'User impact', 'Impact']), true, features),
      '',
      `${r.pick(IMPACTS)}.`,
      '',
    );

  // ---- status log
  const logLines: string[] = [];
  if (hasLog) {
    const style: LogStyle = {
      zone: r.pick(['utc', 'utc', 'utc', 'utc', 'z', 'zGlued', 'iso', 'offset', 'bare'] as const),
      offsetMinutes: r.pick([60, 120, -300, 330]),
      separator: r.chance(0.7) ? ' ' : r.pick([': ', ' - ', ' – ', ' — '] as const),
      task: r.chance(0.12),
      bold: r.chance(0.1),
      bullet: r.chance(0.85) ? bullet : '-',
      ordered: r.chance(0.03),
      loose: r.chance(0.08),
    };
    for (const [k, v] of Object.entries({
      task: style.task,
      bold: style.bold,
      ordered: style.ordered,
      looseLog: style.loose,
    }))
      if (v) features.add(k);
    if (style.zone !== 'utc' || style.separator !== ' ')
      features.add(`logZone:${style.zone}${style.separator.trim() ? `:${style.separator.trim()}` : ''}`);
    const name = r.pick(['Status log', 'Status log', 'Status log', 'Status Log', 'Status history', 'Log']);
    const level = r.chance(0.85) ? 2 : r.pick([3, 4]);
    logLines.push(...heading(r, level, name, true, features), '');
    if (comments && r.chance(0.2)) logLines.push(LOG_COMMENTS[2]!);
    entries.forEach((e, k) => {
      if (k > 0 && style.loose) logLines.push('');
      if (k > 0 && comments && r.chance(0.15)) {
        logLines.push(r.pick(LOG_COMMENTS.slice(0, 2)));
        features.add('commentInLog');
      }
      logLines.push(entryLine(e, style, k + 1, r));
      if (r.chance(0.05))
        logLines.push(
          `${style.ordered ? '   ' : '  '}- ${r.pick(['took 4 minutes', 'no alerts fired', 'see the incident channel'])}`,
        );
      if (!style.ordered && r.chance(0.03)) logLines.push(`${style.bullet} ${r.pick(LOG_NOTES)}`);
    });
    logLines.push('');
  }
  const logInMiddle = r.chance(0.2);
  if (logInMiddle) out.push(...logLines);
  if (outcomeInSection)
    out.push(
      ...heading(r, 2, 'Outcome', true, features),
      '',
      status === 'Rolled Back' ? `Rolled back: ${r.pick(NOTES)}.` : sentence(r, r.int(6, 12)),
      '',
    );
  if (r.chance(0.25))
    out.push(...heading(r, 2, 'Follow-ups', true, features), '', ...taskList(r, [sentence(r, 5)]), '');
  if (!logInMiddle) out.push(...logLines);
  if (refs) out.push(...refs.definitions, '');

  let text = out.join('\n').replace(/\n{3,}/g, '\n\n');
  if (r.chance(0.1)) {
    text = text.replace(/\n/g, '\r\n');
    features.add('crlf');
  }
  if (r.chance(0.03)) {
    text = '\ufeff' + text;
    features.add('bom');
  }

  // ---- expectations
  const logged = hasLog ? entries : [];
  const start0 = logged.find((e) => e.status === 'In Progress' && e.timed);
  const rb = logged.filter((e) => e.status === 'Rolled Back');
  const rbTimed = start0 ? rb.find((e) => e.timed && e.at >= start0.at) : undefined;
  const codes = new Set<string>();
  if (effectiveFault === 'noLog') codes.add('CM037');
  if (effectiveFault === 'missingRollback') codes.add('CM010');
  if (effectiveFault === 'noTimestamp') codes.add('CM005');
  if (effectiveFault === 'strayItem') codes.add('CM002');
  return {
    name: `chg-${String(i + 1).padStart(5, '0')}.md`,
    text,
    expect: {
      changeType: type,
      risk,
      status,
      hasLog,
      logStatuses: logged.map((e) => e.status),
      executed: start0 !== undefined,
      ...(start0 ? { startedAt: start0.at, month: ymdhm(start0.at).slice(0, 7) } : {}),
      rolledBack: rb.length > 0,
      ...(rbTimed ? { rolledBackAt: rbTimed.at } : {}),
      causedIncidents,
      hasRollback,
      hasVerification: true,
      ...(effectiveFault ? { fault: effectiveFault } : {}),
      codes: [...codes].sort(),
      features: [...features].sort(),
    },
  };
}
