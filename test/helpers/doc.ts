/** Test helpers: in-memory change documents and checks with a fixed clock. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/model';
import type { Analysis } from '../../server/src/core/model';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig } from '../../server/src/core/config';
import type { Config } from '../../server/src/core/config';

/** The fixed "now" of unit tests: 2026-11-28 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 28, 12, 0);

/** A valid Normal change (no diagnostics at NOW); tests derive faulty ones by editing lines. */
export const VALID_NORMAL = `# Upgrade payments-db to PostgreSQL 16

- Change type: Normal
- Change Owner: @alice
- Affected services: payments-db, payments-api
- Risk level: High
- Status: Approved
- Planned execution time: 2026-12-01 14:00 UTC, 60 min
- Rollback plan: see below
- Verification plan: error rate < 0.1% and p99 < 300 ms on payments-api for 30 min
- Expected user impact: checkout is read-only for up to 2 minutes
- Approval (if required): @bob, 2026-11-27

## Rollback plan

1. Point payments-api back at the old primary.
2. Confirm replication lag is zero.

## Status log

- 2026-11-26 10:02 UTC Planned by @alice
- 2026-11-27 09:15 UTC Approved by @bob
`;

/** Analyses a document given as text (path decides the ID). */
export function doc(text: string, path = 'changes/test-change.md'): Analysis {
  return analyze(text, path);
}

/** All diagnostics of a text at NOW with the default config (or overrides). */
export function check(text: string, config: Partial<Config> = {}, now = NOW): Diagnostic[] {
  return checkDocument(doc(text), { config: { ...defaultConfig(), ...config }, now });
}

/** Only the diagnostics with a given code. */
export function codes(text: string, code: string, config: Partial<Config> = {}, now = NOW): Diagnostic[] {
  return check(text, config, now).filter((d) => d.code === code);
}

/** Replaces the first line that starts with `prefix` (or removes it when `replacement` is null). */
export function editLine(text: string, prefix: string, replacement: string | null): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  if (replacement === null) lines.splice(i, 1);
  else lines[i] = replacement;
  return lines.join('\n');
}
