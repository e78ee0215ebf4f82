/**
 * Measures the didChange -> publishDiagnostics round trip on a 200-line change document
 * (median of 20), and didOpen -> publishDiagnostics (no debounce) for comparison.
 * Run: npm run build && npx tsx test/protocol/roundtrip.measure.ts
 */
import { performance } from 'node:perf_hooks';
import { TestClient } from './helpers/client';
import { NOW_ISO, TempWorkspace } from './helpers/workspace';
import { VALID_NORMAL } from '../helpers/doc';

function doc200(i: number): string {
  const summary = Array.from(
    { length: 140 },
    (_, n) => `Line ${n} of the summary: the migration moves table t${n} to the new primary.`,
  );
  const log = Array.from({ length: 40 }, () => '');
  const text =
    VALID_NORMAL.replace('- Risk level: High', `- Risk level: ${i % 2 ? 'High' : 'Hgh'}`).replace(
      '## Rollback plan',
      `## Summary\n\n${summary.join('\n')}\n\n## Rollback plan`,
    ) + log.join('\n');
  return text;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main() {
  const ws = new TempWorkspace();
  const { client } = await TestClient.start({ folders: [ws.root], env: { ITSMOTE_NOW: NOW_ISO } });
  await client.indexed();
  const uri = ws.uri('changes/big.md');
  const lines = doc200(0).split('\n').length;
  const opens: number[] = [];
  const changes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const u = ws.uri(`changes/open-${i}.md`);
    const since = client.mark();
    const t0 = performance.now();
    await client.open(u, doc200(i), 1);
    await client.diagnostics(u, since);
    opens.push(performance.now() - t0);
  }
  await client.open(uri, doc200(0), 1);
  await client.diagnostics(uri);
  for (let v = 2; v < 22; v++) {
    const since = client.mark();
    const t0 = performance.now();
    await client.change(uri, doc200(v), v);
    await client.diagnostics(uri, since, (_d, ver) => ver === v);
    changes.push(performance.now() - t0);
  }
  await client.stop();
  ws.cleanup();
  console.log(`document: ${lines} lines`);
  console.log(
    `didChange -> publishDiagnostics: median ${median(changes).toFixed(1)} ms (min ${Math.min(...changes).toFixed(1)}, max ${Math.max(...changes).toFixed(1)}), includes the 150 ms debounce`,
  );
  console.log(
    `didOpen -> publishDiagnostics (no debounce): median ${median(opens).toFixed(1)} ms (min ${Math.min(...opens).toFixed(1)}, max ${Math.max(...opens).toFixed(1)})`,
  );
}

void main();
