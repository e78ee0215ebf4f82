/**
 * Command-line argument handling shared by the commands: usage errors (exit 2, one line),
 * `parseArgs` with readable messages, and the option values every command validates the same way.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { closest } from '../core/values';
import { parseNow } from '../core/clock';

/** A mistake in how the program was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** An I/O problem that stops the run (e.g. a path that does not exist): exit code 2. */
export class FatalError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** A valid use of each option that takes a value, quoted in its error messages. */
const FLAG_EXAMPLES: Record<string, string> = {
  '--format': '--format json',
  '--now': '--now 2026-11-28T12:00:00Z',
  '--max-warnings': '--max-warnings 0',
  '--changed': '--changed origin/main',
  '--status': '--status "in progress"',
  '--month': '--month 2026-11',
  '--tolerance-hours': '--tolerance-hours 24',
};

/** `, e.g. --max-warnings 0` for a flag with a known example, else nothing. */
export function flagExample(flag: string): string {
  const e = FLAG_EXAMPLES[flag];
  return e ? `, e.g. ${e}` : '';
}

/**
 * Joins `--opt -1` into `--opt=-1` for options that take a value: parseArgs would read `-1` as
 * an option and say "needs a value", when the value is there and only its sign is wrong.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    const name =
      /^--([\w-]+)$/.exec(a)?.[1] ??
      (/^-(\w)$/.test(a) ? Object.keys(options).find((k) => options[k]!.short === a.slice(1)) : undefined);
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** What `parseCommandArgs` returns: `parseArgs`'s result for these options (named for declaration output). */
export type ParsedArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** `parseArgs` (strict) whose errors become one-line UsageErrors naming the command. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O): ParsedArgs<O> {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const hint = `run "itsmote ${command} --help"`;
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = /'([^']+)'/.exec(err.message)?.[1] ?? '';
      const known = Object.keys(options).map((k) => `--${k}`);
      const guess = closest(name, known);
      throw new UsageError(`unknown option "${name}"${guess ? `; did you mean "${guess}"?` : ''} (${hint})`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--[\w-]+/.exec(err.message)?.[0] ?? /-\w/.exec(err.message)?.[0] ?? 'an option';
      throw new UsageError(`${name} needs a value${flagExample(name)} (${hint})`);
    }
    throw new UsageError(`${err.message.split('\n')[0]} (${hint})`);
  }
}

/** Checks a `--format` value against the command's formats. */
export function parseFormat<const T extends readonly string[]>(
  value: string | undefined,
  allowed: T,
  fallback: T[number],
): T[number] {
  if (value === undefined) return fallback;
  const v = value.toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T[number];
  throw new UsageError(
    `unknown format "${value}" for --format; use one of ${allowed.join(', ')}${flagExample('--format')}`,
  );
}

/** `--now` / `ITSMOTE_NOW` read by the one clock parser (core/clock.ts); `source` names where it came from. */
function readNow(value: string, source: string): number {
  const r = parseNow(value);
  if (!r.ok) throw new UsageError(`${source} ${r.error}`);
  return r.value;
}

/** "Now" from `--now`, else `ITSMOTE_NOW`, else the clock. */
export function resolveNow(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (flag !== undefined) return readNow(flag, '--now');
  const fromEnv = env.ITSMOTE_NOW;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return readNow(fromEnv, 'ITSMOTE_NOW');
  return Date.now();
}

/** Reads a non-negative integer option such as `--max-warnings`. */
export function parseCount(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(`${name} must be a whole number of 0 or more, not "${value}"${flagExample(name)}`);
  return Number(value.trim());
}

/** The `--max-files` option of every command that walks folders (parseCommandArgs options). */
export const MAX_FILES_OPTION = { 'max-files': { type: 'string' } } as const;

/** Reads `--max-files`: a whole number of 1 or more (undefined: the default cap). */
export function parseMaxFiles(value: string | undefined): number | undefined {
  const n = parseCount(value, '--max-files');
  if (n === 0) throw new UsageError('--max-files must be 1 or more');
  return n;
}
