/**
 * Markdown blocks that real change documents carry besides the fields: task lists, tables, fenced
 * code inside list items, `<details>`, block quotes, link reference definitions and footnotes,
 * nested lists, emoji. The realistic generator (realistic-corpus.ts) strews them over sections;
 * none of them may change what a document means (SPEC section 8).
 */

/** A random source: `pick`, `chance`, `int` over a seeded PRNG. */
export interface Rand {
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  int(lo: number, hi: number): number;
}

const STEP_VERBS = [
  'Scale down',
  'Drain',
  'Point',
  'Restore',
  'Re-enable',
  'Revert',
  'Flush',
  'Promote',
  'Pause',
  'Re-run',
];
const STEP_OBJECTS = [
  'the canary pool',
  'payments-api back at the old primary',
  'the previous Helm release',
  'the feature flag',
  'the config map from git',
  'the replica in eu-west-1',
  'the consumer group',
  'the CDN cache',
];
const SIGNALS = ['error rate', 'p99 latency', 'checkout success', 'queue lag', '5xx ratio', 'login success'];
const THRESHOLDS = ['< 0.1%', '< 300 ms', '> 99.5%', '< 1 min', '< 0.5%', '> 99%'];
const EMOJI = ['✅', '🚀', '⚠️', '🔥', '📈', '🛑', '👀'];
const COMMANDS = [
  'kubectl rollout undo deploy/payments-api',
  'helm rollback checkout 41',
  'psql -c "SELECT pg_promote();"',
  'terraform apply -target=module.cdn',
  'kubectl scale deploy/search --replicas=6',
];

/** One step of a runbook. */
export function step(r: Rand): string {
  return `${r.pick(STEP_VERBS)} ${r.pick(STEP_OBJECTS)}${r.chance(0.1) ? ` ${r.pick(EMOJI)}` : ''}`;
}

/** One verification signal. */
export function signal(r: Rand, service: string): string {
  const i = r.int(0, SIGNALS.length - 1);
  return `${SIGNALS[i]} ${THRESHOLDS[i]} on ${service}`;
}

/** A GFM task list (`- [ ] ...` / `- [x] ...`), items maybe nested one level. */
export function taskList(r: Rand, items: string[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    out.push(`- [${r.chance(0.5) ? 'x' : ' '}] ${it}`);
    if (r.chance(0.15)) out.push(`  - [ ] ${step(r).toLowerCase()}`);
  }
  return out;
}

/** An ordered runbook whose steps may hold a fenced code block or nested lists 2-3 deep. */
export function runbook(r: Rand, steps: number, opts: { fence: boolean; nested: boolean }): string[] {
  const out: string[] = [];
  for (let s = 1; s <= steps; s++) {
    out.push(`${s}. ${step(r)}.`);
    if (opts.fence && s === 1) {
      out.push('', '   ```bash', `   ${r.pick(COMMANDS)}`, '   ```', '');
    }
    if (opts.nested && s === steps) {
      out.push(`   - check ${r.pick(SIGNALS)}`);
      out.push(`     - on ${r.pick(['eu-west-1', 'us-east-1', 'ap-south-1'])}`);
      if (r.chance(0.5)) out.push(`       - and ${r.pick(SIGNALS)}`);
    }
  }
  return out;
}

/** A GFM table of signals and thresholds. */
export function signalTable(r: Rand, service: string): string[] {
  const rows = r.int(2, 4);
  const out = ['| signal | threshold | where |', '| --- | --- | --- |'];
  for (let i = 0; i < rows; i++) {
    const k = r.int(0, SIGNALS.length - 1);
    out.push(`| ${SIGNALS[k]} | ${THRESHOLDS[k]} | ${service} |`);
  }
  return out;
}

/** A `<details>` block with a markdown list inside. */
export function details(r: Rand): string[] {
  return [
    '<details>',
    `<summary>${r.pick(['Full runbook', 'Commands', 'Why this order'])}</summary>`,
    '',
    `- ${step(r)}`,
    `- ${step(r)}`,
    '',
    '</details>',
  ];
}

/** A block quote, sometimes with a GitHub alert marker. */
export function blockQuote(r: Rand): string[] {
  return r.chance(0.5)
    ? [
        '> [!NOTE]',
        `> ${r.pick(['Approved in the CAB of this week.', 'Coordinate with the on-call of payments.', 'Do not run during the batch window.'])}`,
      ]
    : [`> ${r.pick(['The vendor recommends a 30 minute soak.', 'Last time this took 12 minutes.'])} ${r.pick(EMOJI)}`];
}

/** A sentence with a reference link and a footnote, plus their definitions (for the end). */
export function referencesAndFootnote(r: Rand): { text: string; definitions: string[] } {
  const slug = r.pick(['payments', 'search', 'edge', 'db-failover']);
  return {
    text: `See the [runbook][rb] and the [dashboard][dash] for details.[^1]`,
    definitions: [
      `[rb]: https://wiki.example.com/runbooks/${slug}`,
      `[dash]: https://grafana.example.com/d/${slug} "Dashboard"`,
      '',
      `[^1]: ${r.pick(['Agreed with the DBA on call.', 'Numbers from the last load test.'])}`,
    ],
  };
}

/** An emoji now and then, for text. */
export function emoji(r: Rand): string {
  return r.pick(EMOJI);
}
