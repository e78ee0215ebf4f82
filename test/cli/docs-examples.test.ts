/**
 * The CLI output shown in the docs is what the CLI prints. A fenced block is checked when an
 * HTML comment right above it says how to run it (the comment does not show on GitHub):
 *
 * - `<!-- run: itsmote <args> -->`: the block is the whole output (stdout, then stderr);
 * - `<!-- run -->` above a `console` block: a transcript; each `$ itsmote <args>` line runs and
 *   the lines up to the next `$` line are its output; `$ echo $?` and the next line check the
 *   exit code of the command before;
 * - `<!-- run in a new folder -->` runs a transcript in an empty temporary folder, where each
 *   `$ cat <file>` step writes the lines it shows (the example's input) instead of comparing
 *   them (the default folder is the repository root, where `cat` compares);
 * - a command ending in `>/dev/null` or `2>/dev/null` shows only stderr or only stdout.
 *
 * Trailing spaces and trailing blank lines do not count. A line that is only `...` (indentation
 * allowed) stands for any number of lines, so a long output can be shortened in the docs.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { itsmote, ROOT } from './run';

interface Step {
  /** The arguments after `itsmote`, or the file `cat` shows. */
  args: string[];
  cat?: string;
  output: string[];
  code?: number;
  hide?: 'stdout' | 'stderr';
}

interface Example {
  file: string;
  line: number;
  /** Run in a new temporary folder (else in the repository root). */
  fresh: boolean;
  /** The commands and what each must print. */
  steps: Step[];
}

const MARKER = /^<!-- run( in a new folder)?(?:: (.+?))? -->$/;

/** Splits a command line as a shell would for these examples: spaces, '...' and "..." quotes. */
function words(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** A command of an example: `itsmote <args>` (with an optional redirection) or `cat <file>`. */
function step(command: string, where: string): Step {
  const [program, ...args] = words(command);
  if (program === 'cat' && args.length === 1) return { args: [], cat: args[0]!, output: [] };
  assert.equal(program, 'itsmote', `${where}: only itsmote and cat commands are run, not "${command}"`);
  const last = args[args.length - 1];
  const hide = last === '>/dev/null' ? 'stdout' : last === '2>/dev/null' ? 'stderr' : undefined;
  return { args: hide ? args.slice(0, -1) : args, output: [], ...(hide ? { hide } : {}) };
}

/** Every marked block of the markdown files the project ships. */
function examples(): Example[] {
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const found: Example[] = [];
  for (const file of files) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const m = MARKER.exec(text.trim());
      if (!m) return;
      const where = `${file}:${i + 1}`;
      let open = i + 1;
      while (lines[open]?.trim() === '') open++;
      const fence = /^(`{3,})(\w*)$/.exec(lines[open] ?? '');
      assert.ok(fence, `${where}: a run marker must be followed by a fenced block`);
      const close = lines.findIndex((l, j) => j > open && l === fence[1]);
      assert.ok(close > open, `${where}: the block is not closed`);
      const body = lines.slice(open + 1, close);
      const fresh = m[1] !== undefined;
      if (m[2] !== undefined) {
        found.push({ file, line: i + 1, fresh, steps: [{ ...step(m[2], where), output: body }] });
        return;
      }
      assert.equal(fence[2], 'console', `${where}: "<!-- run -->" without a command needs a console block of "$ itsmote ..." lines`);
      const steps: Example['steps'] = [];
      for (let j = 0; j < body.length; j++) {
        const line = body[j]!;
        if (line === '$ echo $?') {
          assert.ok(steps.length, `${where}: "$ echo $?" before any command`);
          steps[steps.length - 1]!.code = Number(body[++j]);
        } else if (line.startsWith('$ ')) steps.push(step(line.slice(2), where));
        else {
          assert.ok(steps.length, `${where}: output before the first "$ itsmote" line`);
          steps[steps.length - 1]!.output.push(line);
        }
      }
      found.push({ file, line: i + 1, fresh, steps });
    });
  }
  return found;
}

/** Lines without trailing spaces and without trailing blank lines. */
function normalize(lines: string[]): string[] {
  const out = lines.map((l) => l.trimEnd());
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** Whether `actual` matches `expected`, where a `...` line matches any number of lines. */
function matches(expected: string[], actual: string[]): boolean {
  const at = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length;
    if (expected[e]!.trim() === '...') {
      for (let skip = a; skip <= actual.length; skip++) if (at(e + 1, skip)) return true;
      return false;
    }
    return a < actual.length && expected[e] === actual[a] && at(e + 1, a + 1);
  };
  return at(0, 0);
}

describe('CLI output shown in the docs', () => {
  const all = examples();

  it('finds the marked examples', () => {
    assert.ok(all.length >= 5, `only ${all.length} marked examples`);
  });

  for (const ex of all) {
    const title = (s: Step) => (s.cat ? `cat ${s.cat}` : `itsmote ${s.args.join(' ')}`);
    it(`${ex.file}:${ex.line}: ${ex.steps.map(title).join('; ')}`, () => {
      const cwd = ex.fresh ? mkdtempSync(join(tmpdir(), 'itsmote-docs-')) : ROOT;
      try {
        for (const s of ex.steps) {
          if (s.cat && ex.fresh) {
            mkdirSync(dirname(join(cwd, s.cat)), { recursive: true });
            writeFileSync(join(cwd, s.cat), `${s.output.join('\n')}\n`);
            continue;
          }
          let printed: string;
          if (s.cat) printed = readFileSync(join(cwd, s.cat), 'utf8');
          else {
            const r = itsmote(s.args, { cwd });
            printed = `${s.hide === 'stdout' ? '' : r.stdout}${s.hide === 'stderr' ? '' : r.stderr}`;
            if (s.code !== undefined) assert.equal(r.code, s.code, `exit code of ${title(s)}`);
          }
          const actual = normalize(printed.split('\n'));
          const expected = normalize(s.output);
          assert.ok(matches(expected, actual), `${title(s)} printed:\n${actual.join('\n')}\n\nbut ${ex.file}:${ex.line} shows:\n${expected.join('\n')}`);
        }
      } finally {
        if (ex.fresh) rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
});
