/**
 * docs/cli.md quotes what the command prints. Each block marked `<!-- quoted: stderr|stdout -->`
 * holds `$ itsmote ...` lines, each followed by the output it must produce, exactly. Markers:
 * `in-config-folder` runs the commands in a folder holding the `.itsmote.json` of the last
 * `<!-- quoted-config -->` block and one valid change; `columns=80` runs them on an 80-column
 * terminal (a pty through script(1)); otherwise they run in the repository root.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { skipBecause } from '../support/skip';
import { CLI, ROOT, itsmote, tempTree } from './run';

interface Quote {
  stream: 'stderr' | 'stdout';
  options: string[];
  config?: string;
  runs: { args: string[]; expected: string[] }[];
}

/** Splits a command line like a shell would for these simple cases (double quotes group). */
function argv(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

function quotes(): Quote[] {
  const text = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
  const out: Quote[] = [];
  let config: string | undefined;
  for (const m of text.matchAll(/<!-- (quoted-config|quoted: (stderr|stdout)([^>]*)) -->\n```\w*\n([\s\S]*?)```/g)) {
    const body = m[4]!;
    if (m[1] === 'quoted-config') {
      config = body;
      continue;
    }
    const runs: Quote['runs'] = [];
    for (const line of body.replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ itsmote ') || line === '$ itsmote') runs.push({ args: argv(line.slice('$ itsmote'.length)), expected: [] });
      else runs.at(-1)?.expected.push(line);
    }
    const options = m[3]!.trim().split(/\s+/).filter(Boolean);
    out.push({ stream: m[2] as Quote['stream'], options, ...(options.includes('in-config-folder') ? { config } : {}), runs });
  }
  return out;
}

const CHANGE = readFileSync(join(ROOT, 'examples', 'changes', '2026-12-01-upgrade-payments-db.md'), 'utf8');

describe('docs/cli.md quotes the real messages', () => {
  const all = quotes();

  it('finds the quoted blocks (stderr for config and usage errors, stdout for the text format)', () => {
    assert.ok(all.filter((q) => q.config !== undefined).length >= 2, 'config error blocks');
    assert.ok(all.some((q) => q.runs.some((r) => r.args.includes('--max-warnings') && r.args.includes('-1'))), 'the --max-warnings -1 message');
    assert.ok(all.some((q) => q.options.includes('columns=80')), 'the terminal-width example');
    assert.ok(all.every((q) => q.runs.length > 0 && q.runs.every((r) => r.expected.length > 0)));
  });

  for (const [i, q] of all.entries()) {
    for (const run of q.runs) {
      it(`block ${i + 1}: itsmote ${run.args.join(' ')} prints the quoted ${q.stream}${q.options.length ? ` (${q.options.join(', ')})` : ''}`, function () {
        if (q.options.includes('columns=80')) {
          const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
          if (probe.error || probe.status !== 0) skipBecause(this, 'script(1) from util-linux is not installed, so no pseudo-terminal can be made');
          const quoted = run.args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
          const r = spawnSync('script', ['-qec', `stty cols 80; NO_COLOR=1 "${process.execPath}" "${CLI}" ${quoted} 2>/dev/null`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
          assert.deepEqual(r.stdout.replace(/\r/g, '').replace(/\n$/, '').split('\n'), run.expected);
          return;
        }
        const tree = q.config !== undefined ? tempTree({ '.itsmote.json': q.config, 'changes/a.md': CHANGE }) : undefined;
        try {
          const r = itsmote(run.args, tree ? { cwd: tree.dir } : {});
          assert.deepEqual(r[q.stream].replace(/\n$/, '').split('\n'), run.expected, `${q.stream} of itsmote ${run.args.join(' ')}`);
        } finally {
          tree?.cleanup();
        }
      });
    }
  }
});
