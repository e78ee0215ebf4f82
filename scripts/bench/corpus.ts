/**
 * A deterministic corpus of change documents for the benchmark and the fast-path agreement test.
 * Documents are about 1 KB with the mix a team sees after a few years of the process: all types
 * and statuses, status logs of 1-6 entries that follow the lifecycle, long-form sections, values
 * spread over several lines, and a share of faulty documents (missing fields, bad values, logs
 * out of order, conflicting windows, team owners, unreadable timestamps). A few documents use
 * markdown the fast path does not handle (code fences, HTML comments, block quotes, tabs, CRLF),
 * so that both paths are exercised as they would be on a real repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so that every run generates the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The clock the corpus is written against (the unit tests' NOW): 2026-11-28 12:00 UTC. */
export const CORPUS_NOW = Date.UTC(2026, 10, 28, 12, 0);

/** One generated document: its file name (`<id>.md`) and text. */
export interface CorpusDoc {
  name: string;
  text: string;
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
  'reporting',
  'identity',
  'gateway',
  'ledger',
  'shipping',
  'catalog',
  'kafka',
  'redis-cache',
  'k8s-ingress',
  'vpn',
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
  '@mallory',
  '@niaj',
  '@olivia',
  '@peggy',
  '@rupert',
  '@sybil',
  '@trent',
  '@victor',
  '@walter',
  'Dana Kim',
  'Lee Wong',
];
/** What a change does, first word of its title (both corpora). */
export const VERBS = [
  'Upgrade',
  'Migrate',
  'Rotate',
  'Patch',
  'Resize',
  'Decommission',
  'Enable',
  'Roll out',
  'Reconfigure',
  'Fail over',
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
  'the VPN gateway',
];
const WORDS =
  'the service traffic replica primary index cluster node deploy config rollout canary metrics error latency budget window users region shard backup snapshot schema migration queue worker pool limit alert dashboard runbook owner release version patch'.split(
    ' ',
  );
const CHECKS = [
  'error rate < 0.1% on',
  'p99 latency < 300 ms on',
  'synthetic checkout passes on',
  'no 5xx spike on',
  'queue lag < 1 min on',
  'dashboards green for',
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

/** Options of the generator. */
export interface CorpusOptions {
  /** Seed of the PRNG (same seed, same corpus). */
  seed?: number;
  /** Share of documents with a planted fault (0..1). */
  faultRate?: number;
  /** Share of documents using markdown beyond the fast path's subset (0..1). */
  exoticRate?: number;
}

type Status = 'Planned' | 'Approved' | 'Rejected' | 'In Progress' | 'Verifying' | 'Rolled Back' | 'Closed';

/** Lifecycle paths a change takes (prefixes of these are the intermediate statuses). */
const PATHS: Record<'Standard' | 'Normal' | 'Emergency', Status[][]> = {
  Standard: [
    ['Planned', 'In Progress', 'Verifying', 'Closed'],
    ['Planned', 'In Progress', 'Rolled Back', 'Closed'],
  ],
  Normal: [
    ['Planned', 'Approved', 'In Progress', 'Verifying', 'Closed'],
    ['Planned', 'Approved', 'In Progress', 'Verifying', 'Rolled Back', 'Closed'],
    ['Planned', 'Rejected', 'Planned', 'Approved', 'In Progress', 'Verifying'],
    ['Planned', 'Rejected'],
  ],
  Emergency: [
    ['In Progress', 'Verifying', 'Closed'],
    ['In Progress', 'Rolled Back', 'Closed'],
  ],
};

const FAULTS = [
  'missingField',
  'badValue',
  'outOfOrder',
  'teamOwner',
  'placeholder',
  'badTimestamp',
  'statusMismatch',
  'selfApproval',
  'unknownField',
  'badTransition',
  'noLog',
  'badWindow',
] as const;
const EXOTIC = ['fence', 'htmlComment', 'blockQuote', 'tab', 'crlf', 'setext', 'nestedList', 'lazy'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function fmt(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Generates `n` documents; the same (n, options) always gives the same texts. */
export function generateCorpus(n: number, options: CorpusOptions = {}): CorpusDoc[] {
  const rand = prng(options.seed ?? 20261126);
  const faultRate = options.faultRate ?? 0.25;
  const exoticRate = options.exoticRate ?? 0.08;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const sentence = (words: number) => {
    const ws = Array.from({ length: words }, () => pick(WORDS));
    const s = ws.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const docs: CorpusDoc[] = [];
  const DAY = 86_400_000;
  // Finished changes lie in the past two years; open ones sit around CORPUS_NOW, where their
  // windows crowd into a few weeks so that some of them conflict (CM040).
  const base = Math.floor(CORPUS_NOW / DAY) * DAY + 8 * 3_600_000;
  for (let i = 0; i < n; i++) {
    const type = pick(['Standard', 'Standard', 'Normal', 'Normal', 'Normal', 'Emergency'] as const);
    const path = pick(PATHS[type]);
    const logLength = Math.min(path.length, int(1, 6));
    const statuses = path.slice(0, logLength);
    const fault = chance(faultRate) ? pick(FAULTS) : undefined;
    const exotic = chance(exoticRate) ? pick(EXOTIC) : undefined;
    const owner = pick(PEOPLE);
    let approver = pick(PEOPLE.filter((p) => p !== owner));
    const services = Array.from({ length: int(1, 3) }, () => pick(SERVICES)).filter((s, j, a) => a.indexOf(s) === j);
    const risk = type === 'Standard' ? (chance(0.95) ? 'Low' : 'Medium') : pick(['Low', 'Medium', 'High']);
    const last = statuses[statuses.length - 1]!;
    const slot = int(0, 20) * 1_800_000;
    // Planned/Approved: window ahead; In Progress/Verifying: started hours ago; the rest: past.
    const start =
      last === 'Planned' || last === 'Approved'
        ? base + int(1, 30) * DAY + slot
        : last === 'In Progress' || last === 'Verifying'
          ? CORPUS_NOW - int(1, 12) * 3_600_000
          : base - int(2, 700) * DAY + slot;
    const minutes = pick([30, 60, 90, 120]);
    const bullet = chance(0.85) ? '-' : pick(['*', '+']);
    const bold = chance(0.1);
    const name = (s: string) => (bold ? `**${s}:**` : `${s}:`);
    const line = (field: string, value: string) => `${bullet} ${name(field)}${value === '' ? '' : ' ' + value}`;

    // The status log, oldest first: planning a few days before the window, execution at it.
    const log: string[] = [];
    let t = Math.min(start, CORPUS_NOW) - int(2, 9) * DAY;
    for (const s of statuses) {
      if (s === 'In Progress') t = Math.max(t + 60_000, start + int(0, 10) * 60_000);
      else t += int(5, s === 'Planned' || s === 'Approved' || s === 'Rejected' ? 1440 : 120) * 60_000;
      const by = s === 'Approved' ? approver : owner;
      const note =
        s === 'Rolled Back' && chance(0.85) ? `: ${pick(NOTES)}` : s === 'Closed' && chance(0.3) ? ': verified' : '';
      log.push(`${bullet} ${fmt(t)} UTC ${s}${chance(0.92) ? ` by ${by}` : ''}${note}`);
    }
    let status: string = statuses[statuses.length - 1]!;
    const closed = status === 'Closed' || status === 'Rolled Back';

    const header: string[] = [];
    const typeName = chance(0.1) ? 'Type' : 'Change type';
    let ownerValue = owner;
    let riskValue: string = risk;
    let window = `${fmt(start)} UTC, ${minutes} min`;
    if (chance(0.2)) window = `${fmt(start)} UTC – ${fmt(start + minutes * 60_000).slice(11)}`;
    let rollback = chance(0.5) ? 'see below' : `redeploy the previous release of ${services[0]} and restore the config`;
    let approval: string | undefined =
      type === 'Normal' && statuses.includes('Approved') && chance(0.6)
        ? `${approver}, ${fmt(t).slice(0, 10)}`
        : undefined;
    const verification = chance(0.7) ? `${pick(CHECKS)} ${services[0]} for 30 min` : 'see below';

    switch (fault) {
      case 'badValue':
        riskValue = pick(['Severe', 'Hgh', 'critical']);
        break;
      case 'teamOwner':
        ownerValue = pick(['the team', '@org/platform', `${owner}, ${approver}`]);
        break;
      case 'placeholder':
        rollback = pick(['TBD', 'TODO - ask the DBA', 'n/a', '?']);
        break;
      case 'statusMismatch':
        status = pick(['Planned', 'Closed', 'In Progress'].filter((s) => s !== status));
        break;
      case 'selfApproval':
        approver = owner;
        approval = `${owner}, ${fmt(t).slice(0, 10)}`;
        break;
      case 'badWindow':
        window = pick([
          `${fmt(start).slice(0, 10)}`,
          `${fmt(start)} CEST`,
          `${fmt(start)} UTC, soon`,
          `${fmt(start)} – ${fmt(start).slice(11)}`,
        ]);
        break;
      case 'outOfOrder':
        if (log.length >= 2) [log[0], log[1]] = [log[1]!, log[0]!];
        break;
      case 'badTimestamp':
        log[log.length - 1] = log[log.length - 1]!.replace(
          /^(. )(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/,
          (_m, b, y, mo, d) => `${b}${mo}/${d}/${y} 2pm`,
        );
        break;
      case 'badTransition':
        if (log.length >= 2) log.splice(1, 1);
        else log.unshift(log[0]!.replace(/(UTC )[A-Za-z ]+?( by|:|$)/, '$1Closed$2'));
        break;
      default:
        break;
    }

    const title = `${pick(VERBS)} ${pick(OBJECTS)} (${services[0]})`;
    const useH1 = chance(0.85);
    if (!useH1) header.push(line('Title', title));
    header.push(line(typeName, type));
    header.push(line(chance(0.1) ? 'Owner' : 'Change Owner', ownerValue));
    header.push(line('Affected services', services.join(', ')));
    header.push(line(chance(0.1) ? 'Risk' : 'Risk level', riskValue));
    header.push(line('Status', status));
    if (type !== 'Emergency' || chance(0.3)) header.push(line('Planned execution time', window));
    header.push(line('Rollback plan', rollback));
    header.push(line('Verification plan', verification));
    // Multi-line values: continuation lines belong to the item above.
    if (chance(0.2)) header[header.length - 1] += `\n  and ${pick(CHECKS)} ${pick(SERVICES)} for 15 min`;
    header.push(line('Expected user impact', pick(IMPACTS)));
    if (approval) header.push(line('Approval (if required)', approval));
    if (type === 'Normal' && chance(0.15))
      header.push(line('Touches', pick(['security', 'data integrity', 'security, data integrity'])));
    if (type === 'Emergency') header.push(line('Incident', `INC-${int(1000, 9999)}`));
    if (closed && chance(0.2)) header.push(line('Caused incidents', `INC-${int(1000, 9999)}`));
    if (fault === 'unknownField')
      header.push(line(pick(['Rollbak plan', 'Servcies', 'Ticket']), pick(['CHG-123', 'redeploy', 'see wiki'])));
    if (fault === 'missingField') header.splice(int(0, header.length - 1), 1);

    const out: string[] = [];
    if (useH1) out.push(`# ${title}`, '');
    out.push(...header, '');
    out.push('## Summary', '', sentence(int(12, 22)) + ' ' + sentence(int(10, 20)), sentence(int(8, 16)), '');
    if (rollback === 'see below' || chance(0.3)) {
      out.push('## Rollback plan', '');
      const steps = int(2, 4);
      for (let s = 1; s <= steps; s++) out.push(`${s}. ${sentence(int(5, 10))}`);
      out.push('');
    }
    if (verification === 'see below')
      out.push(
        '## Verification plan',
        '',
        `- ${pick(CHECKS)} ${services[0]}`,
        `- ${pick(CHECKS)} ${pick(SERVICES)}`,
        '',
      );
    if (closed && chance(0.95))
      out.push('## Outcome', '', status === 'Rolled Back' ? `Rolled back: ${pick(NOTES)}.` : sentence(int(6, 12)), '');
    if (chance(0.3)) out.push('## Follow-ups', '', `- ${sentence(int(4, 8))}`, '');
    if (fault !== 'noLog') out.push('## Status log', '', ...log, '');

    let text = out.join('\n');
    switch (exotic) {
      case 'fence':
        text = text.replace(
          '## Summary\n\n',
          '## Summary\n\n```bash\nkubectl rollout undo deploy/api\n## not a heading\n```\n\n',
        );
        break;
      case 'htmlComment':
        text = text.replace('## Summary\n\n', '## Summary\n\n<!-- what will change, in a few sentences -->\n');
        break;
      case 'blockQuote':
        text = text.replace('## Summary\n\n', '## Summary\n\n> Approved in the CAB of this week.\n\n');
        break;
      case 'tab':
        text = text.replace(/\n\n## Summary/, '\n\t\n## Summary');
        break;
      case 'crlf':
        text = text.replace(/\n/g, '\r\n');
        break;
      case 'setext':
        text = text.replace('## Summary\n', 'Summary\n-------\n');
        break;
      case 'nestedList':
        text = text.replace(/(\n. (?:\*\*)?Affected services:[^\n]*)/, '$1\n  - primary: eu-west-1');
        break;
      case 'lazy':
        text = text.replace(/(\n. (?:\*\*)?Verification plan:[^\n]*)/, '$1\nwith a lazy continuation line');
        break;
      default:
        break;
    }
    docs.push({ name: `chg-${String(i + 1).padStart(5, '0')}.md`, text });
  }
  return docs;
}

/** Writes a corpus into `<root>/changes/` and returns the folder it wrote. */
export function writeCorpus(root: string, docs: readonly CorpusDoc[]): string {
  const dir = join(root, 'changes');
  mkdirSync(dir, { recursive: true });
  for (const d of docs) writeFileSync(join(dir, d.name), d.text);
  return dir;
}

/**
 * A valid Normal change of about `lines` lines (long Summary and Follow-ups), for the protocol
 * round trip on large documents.
 */
export function longDocument(lines: number): string {
  const head = [
    '# Upgrade payments-db to PostgreSQL 16',
    '',
    '- Change type: Normal',
    '- Change Owner: @alice',
    '- Affected services: payments-db, payments-api',
    '- Risk level: High',
    '- Status: Approved',
    '- Planned execution time: 2026-12-01 14:00 UTC, 60 min',
    '- Rollback plan: point payments-api back at the old primary',
    '- Verification plan: error rate < 0.1% and p99 < 300 ms on payments-api for 30 min',
    '- Expected user impact: checkout is read-only for up to 2 minutes',
    '- Approval (if required): @bob, 2026-11-27',
    '',
  ];
  const tail = [
    '',
    '## Status log',
    '',
    '- 2026-11-26 10:02 UTC Planned by @alice',
    '- 2026-11-27 09:15 UTC Approved by @bob',
    '',
  ];
  const body: string[] = ['## Summary', ''];
  const room = Math.max(0, lines - head.length - tail.length - 4);
  const summary = Math.floor(room / 2);
  for (let i = 0; i < summary; i++)
    body.push(
      `Step ${i + 1} moves traffic from the old primary to the new one and checks replication lag before it continues.`,
    );
  body.push('', '## Follow-ups', '');
  for (let i = 0; i < room - summary; i++)
    body.push(`- Follow-up ${i + 1}: remove the old replica's alerting once the new primary has run for a week.`);
  return [...head, ...body, ...tail].join('\n');
}
