/**
 * The CLI output shown in the docs (docs/*.md, README.md) is what the CLI prints. A fenced block
 * is checked when an HTML comment right above it says how (the comment does not show on GitHub):
 *
 * - `<!-- run: itsmote <args> -->`: the block is the whole output (stdout, then stderr);
 * - `<!-- run -->` above a `console` block: a transcript; each `$ itsmote <args>` line runs and
 *   the lines up to the next `$` line are its output; `$ echo $?` and the next line check the
 *   exit code of the command before; a command ending in `>/dev/null` or `2>/dev/null` shows
 *   only stderr or only stdout; `$ cat <file>` shows a file;
 * - `<!-- run in a new folder -->`: the same in an empty temporary folder, where each
 *   `$ cat <file>` step writes the lines it shows (the example's input) instead of comparing;
 * - `<!-- quoted: stderr|stdout [in-config-folder] [columns=80] -->` above a transcript: only
 *   that stream; `in-config-folder` runs in a temporary folder holding the `.itsmote.json` of the
 *   last `<!-- quoted-config -->` block and one valid change; `columns=80` runs on an 80-column
 *   terminal (a pseudo-terminal through script(1)).
 *
 * Commands run in the repository root unless said otherwise. Trailing spaces and trailing blank
 * lines do not count. A line that is only `...` (indentation allowed) stands for any number of
 * lines, so a long output can be shortened in the docs.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { skipBecause } from '../support/skip';
import { CLI, itsmote, ROOT } from './run';

interface Step {
  /** The arguments after `itsmote` (empty for `cat`). */
  args: string[];
  /** The file `cat` shows or, in a new folder, writes. */
  cat?: string;
  output: string[];
  code?: number;
  hide?: 'stdout' | 'stderr';
}

interface Example {
  file: string;
  line: number;
  /** Files of a new temporary folder to run in; absent: the repository root. */
  folder?: Record<string, string>;
  /** Run on a terminal this many columns wide. */
  columns?: number;
  steps: Step[];
}

const RUN = /^<!-- run( in a new folder)?(?:: (.+?))? -->$/;
const QUOTED = /^<!-- quoted: (stderr|stdout)((?: [\w=-]+)*) -->$/;
const QUOTED_CONFIG = '<!-- quoted-config -->';
/** The valid change that `in-config-folder` puts beside the quoted config. */
const CHANGE = readFileSync(join(ROOT, 'examples', 'changes', '2026-12-01-upgrade-payments-db.md'), 'utf8');

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

/** The steps of a transcript block: `$ ...` lines, their output, `$ echo $?` and a code. */
function transcript(body: string[], where: string): Step[] {
  const steps: Step[] = [];
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
  return steps;
}

/** Every marked block of the markdown files the project ships. */
function examples(): Example[] {
  const files = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const found: Example[] = [];
  for (const file of files) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    let config: string | undefined;
    lines.forEach((text, i) => {
      const marker = text.trim();
      const run = RUN.exec(marker);
      const quoted = QUOTED.exec(marker);
      if (!run && !quoted && marker !== QUOTED_CONFIG) return;
      const where = `${file}:${i + 1}`;
      let open = i + 1;
      while (lines[open]?.trim() === '') open++;
      const fence = /^(`{3,})(\w*)$/.exec(lines[open] ?? '');
      assert.ok(fence, `${where}: a marker must be followed by a fenced block`);
      const close = lines.findIndex((l, j) => j > open && l === fence[1]);
      assert.ok(close > open, `${where}: the block is not closed`);
      const body = lines.slice(open + 1, close);
      if (marker === QUOTED_CONFIG) config = `${body.join('\n')}\n`;
      else if (quoted) {
        const options = quoted[2]!.trim().split(/\s+/).filter(Boolean);
        const hide = quoted[1] === 'stderr' ? 'stdout' : 'stderr';
        const inConfig = options.includes('in-config-folder');
        assert.ok(!inConfig || config !== undefined, `${where}: in-config-folder needs a ${QUOTED_CONFIG} block above`);
        const columns = /^columns=(\d+)$/.exec(options.find((o) => o.startsWith('columns=')) ?? '');
        const steps = transcript(body, where).map((s) => ({ ...s, hide }) as Step);
        found.push({
          file,
          line: i + 1,
          steps,
          ...(inConfig ? { folder: { '.itsmote.json': config!, 'changes/a.md': CHANGE } } : {}),
          ...(columns ? { columns: Number(columns[1]) } : {}),
        });
      } else if (run![2] !== undefined)
        found.push({
          file,
          line: i + 1,
          steps: [{ ...step(run![2], where), output: body }],
          ...(run![1] ? { folder: {} } : {}),
        });
      else {
        assert.equal(
          fence[2],
          'console',
          `${where}: "<!-- run -->" without a command needs a console block of "$ itsmote ..." lines`,
        );
        found.push({ file, line: i + 1, steps: transcript(body, where), ...(run![1] ? { folder: {} } : {}) });
      }
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

/** Runs the CLI on a pseudo-terminal `columns` wide (script(1)); stdout only, as a person sees it. */
function onTerminal(args: string[], columns: number): string {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync(
    'script',
    ['-qec', `stty cols ${columns}; NO_COLOR=1 "${process.execPath}" "${CLI}" ${quoted} 2>/dev/null`, '/dev/null'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return r.stdout.replace(/\r/g, '');
}

describe('CLI output shown in the docs', () => {
  const all = examples();

  it('finds the marked examples: transcripts, config errors, a terminal-width example', () => {
    assert.ok(all.length >= 15, `only ${all.length} marked examples`);
    assert.ok(all.filter((ex) => ex.folder?.['.itsmote.json'] !== undefined).length >= 2, 'config error blocks');
    assert.ok(
      all.some((ex) => ex.columns !== undefined),
      'the terminal-width example',
    );
    assert.ok(
      all.every(
        (ex) =>
          ex.steps.length > 0 &&
          ex.steps.every((s) => s.cat !== undefined || s.output.length > 0 || s.code !== undefined),
      ),
    );
  });

  const title = (s: Step) => (s.cat ? `cat ${s.cat}` : `itsmote ${s.args.join(' ')}`);
  for (const ex of all) {
    it(`${ex.file}:${ex.line}: ${ex.steps.map(title).join('; ')}`, function () {
      if (ex.columns !== undefined) {
        const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
        if (probe.error || probe.status !== 0)
          skipBecause(this, 'script(1) from util-linux is not installed, so no pseudo-terminal can be made');
      }
      const cwd = ex.folder ? mkdtempSync(join(tmpdir(), 'itsmote-docs-')) : ROOT;
      try {
        for (const [rel, content] of Object.entries(ex.folder ?? {})) {
          mkdirSync(dirname(join(cwd, rel)), { recursive: true });
          writeFileSync(join(cwd, rel), content);
        }
        for (const s of ex.steps) {
          if (s.cat && ex.folder) {
            mkdirSync(dirname(join(cwd, s.cat)), { recursive: true });
            writeFileSync(join(cwd, s.cat), `${s.output.join('\n')}\n`);
            continue;
          }
          let printed: string;
          if (s.cat) printed = readFileSync(join(cwd, s.cat), 'utf8');
          else if (ex.columns !== undefined) printed = onTerminal(s.args, ex.columns);
          else {
            const r = itsmote(s.args, { cwd });
            printed = `${s.hide === 'stdout' ? '' : r.stdout}${s.hide === 'stderr' ? '' : r.stderr}`;
            if (s.code !== undefined) assert.equal(r.code, s.code, `exit code of ${title(s)}`);
          }
          const actual = normalize(printed.split('\n'));
          const expected = normalize(s.output);
          assert.ok(
            matches(expected, actual),
            `${title(s)} printed:\n${actual.join('\n')}\n\nbut ${ex.file}:${ex.line} shows:\n${expected.join('\n')}`,
          );
        }
      } finally {
        if (ex.folder) rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
});
