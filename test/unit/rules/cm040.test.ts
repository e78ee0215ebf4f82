import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkSetRules } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config';
import type { Config } from '../../../server/src/core/config';
import { doc, NOW, VALID_NORMAL } from '../../helpers/doc';
import { assertShape, lineRange, withLine, WARNING, type Failing } from './support';

/** A valid Normal change on `services` with `window`, at `status` (log adjusted for Planned). */
function change(services: string, window: string, status = 'Approved'): string {
  let text = withLine('- Affected services', `- Affected services: ${services}`);
  text = withLine('- Planned execution time', `- Planned execution time: ${window}`, text);
  return withLine('- Status', `- Status: ${status}`, text);
}

function conflicts(docs: Record<string, string>, config: Partial<Config> = {}): Map<string, Diagnostic[]> {
  const entries = Object.entries(docs).map(([key, text]) => ({ key, analysis: doc(text, key) }));
  return checkSetRules(entries, { config: { ...defaultConfig(), ...config }, now: NOW });
}

/** A document on which CM040 fires (test/unit/rules/severity.test.ts runs every rule's). */
export const FAILING: Failing = { set: [VALID_NORMAL, VALID_NORMAL] };

describe('CM040 window-conflict', () => {
  it('does not fire for one change, disjoint windows, touching windows, or different services', () => {
    assert.equal(conflicts({ 'changes/a.md': VALID_NORMAL }).size, 0);
    assert.equal(
      conflicts({
        'changes/a.md': change('api', '2026-12-01 14:00 UTC, 60 min'),
        'changes/b.md': change('api', '2026-12-01 16:00 UTC'),
      }).size,
      0,
    );
    assert.equal(
      conflicts({
        'changes/a.md': change('api', '2026-12-01 14:00 UTC, 60 min'),
        'changes/b.md': change('api', '2026-12-01 15:00 UTC, 30 min'),
      }).size,
      0,
    );
    assert.equal(
      conflicts({
        'changes/a.md': change('api', '2026-12-01 14:00 UTC'),
        'changes/b.md': change('web', '2026-12-01 14:00 UTC'),
      }).size,
      0,
    );
  });

  it('reports an overlap on both changes, on each window item, naming the other change and the shared services', () => {
    const a = change('payments-api, db', '2026-12-01 14:00 UTC, 2 h');
    const b = change('search, Payments-API ', '2026-12-01 15:30 UTC – 16:30');
    const out = conflicts({ 'changes/a.md': a, 'changes/b.md': b });
    assert.deepEqual([...out.keys()].sort(), ['changes/a.md', 'changes/b.md']);
    const da = out.get('changes/a.md')!;
    assert.equal(da.length, 1);
    assertShape(da[0]!, 'CM040', {
      severity: WARNING,
      range: lineRange(a, '- Planned execution time'),
      words: ['overlaps b', 'payments-api', 'Move one window'],
    });
    assert.deepEqual((da[0]!.data as { otherId: string; services: string[] }).services, ['payments-api']);
    assertShape(out.get('changes/b.md')![0]!, 'CM040', {
      severity: WARNING,
      range: lineRange(b, '- Planned execution time'),
      words: ['overlaps a'],
    });
  });

  it('compares instants across zones and uses the 60-minute default end', () => {
    const out = conflicts({
      'changes/a.md': change('api', '2026-12-01 16:00+02:00'),
      'changes/b.md': change('api', '2026-12-01 14:59 UTC'),
    });
    assert.equal(out.size, 2);
  });

  it('ignores changes that are not active (Closed, Rejected, Rolled Back) or have no known status', () => {
    for (const s of ['Closed', 'Rejected', 'Rolled Back', 'Shipped']) {
      const out = conflicts({
        'changes/a.md': change('api', '2026-12-01 14:00 UTC'),
        'changes/b.md': change('api', '2026-12-01 14:00 UTC', s),
      });
      assert.equal(out.size, 0, s);
    }
    assert.equal(
      conflicts({
        'changes/a.md': change('api', '2026-12-01 14:00 UTC', 'In Progress'),
        'changes/b.md': change('api', '2026-12-01 14:00 UTC', 'Verifying'),
      }).size,
      2,
    );
  });

  it('does not compare a change whose window cannot be read or is missing', () => {
    assert.equal(
      conflicts({
        'changes/a.md': change('api', '2026-12-01 14:00 UTC'),
        'changes/b.md': change('api', '2026-12-01 14:00 CET'),
      }).size,
      0,
    );
    assert.equal(
      conflicts({ 'changes/a.md': change('api', '2026-12-01 14:00 UTC'), 'changes/b.md': change('api', 'TBD') }).size,
      0,
    );
  });

  it('reports each pair of a three-way overlap', () => {
    const w = '2026-12-01 14:00 UTC';
    const out = conflicts({
      'changes/a.md': change('api', w),
      'changes/b.md': change('api', w),
      'changes/c.md': change('api', w),
    });
    assert.deepEqual(
      [...out.values()].map((ds) => ds.length),
      [2, 2, 2],
    );
  });

  it('follows the configured severity, and `off` silences it', () => {
    const docs = {
      'changes/a.md': change('api', '2026-12-01 14:00 UTC'),
      'changes/b.md': change('api', '2026-12-01 14:30 UTC'),
    };
    assert.equal(conflicts(docs, { severities: { CM040: 'error' } }).get('changes/a.md')![0]!.severity, 1);
    assert.equal(conflicts(docs, { severities: { CM040: 'off' } }).size, 0);
  });
});
