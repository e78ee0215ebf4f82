/**
 * The `itsmote` program: dispatches to a command and maps every failure to an exit code
 * (0 clean, 1 errors found, 2 usage or I/O error) with a one-line message, never a stack trace.
 */
import { version } from '../../../package.json';
import { closest } from '../core/values';
import { configErrorPosition, configErrorText } from '../core/config-errors';
import { checkCommand } from './check-command';
import type { CommandContext } from './context';
import { COMMAND_HELP, PROGRAM_HELP } from './help';
import { displayPath } from './load-documents';
import { listCommand } from './list-command';
import { metricsCommand } from './metrics-command';
import { auditCommand } from './audit-command';
import { gateCommand } from './gate-command';
import { calendarCommand } from './calendar-command';
import { reportCommand } from './report-command';
import { FatalError, UsageError } from './usage';
import { GitTimeoutError } from '../node/git';

/** Where the program writes; tests and embedders can capture it. */
export interface ProgramIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  color: boolean;
  /** The terminal's width in columns; absent when stdout is piped. */
  columns?: number;
}

type Command = (args: string[], ctx: CommandContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  list: listCommand,
  metrics: metricsCommand,
  audit: auditCommand,
  gate: gateCommand,
  calendar: calendarCommand,
  report: reportCommand,
};

/** Runs the program with arguments (without `node` and the script); resolves to the exit code. */
export async function runProgram(argv: readonly string[], io: ProgramIO): Promise<number> {
  const err = (line: string) => io.stderr(`${line}\n`);
  const ctx: CommandContext = {
    out: io.stdout,
    err,
    env: io.env,
    version,
    color: io.color,
    ...(io.columns ? { columns: io.columns } : {}),
    help: (command) => {
      io.stdout(COMMAND_HELP[command] ?? PROGRAM_HELP);
      return 0;
    },
    loadCallbacks: {
      skipped: (path, reason) => err(`${path}: skipped: ${reason}`),
      configProblem: (r) => {
        const file = r.file ? displayPath(r.file) : '.itsmote.json';
        for (const e of r.errors) err(`${file}:${configErrorPosition(e)}: ${configErrorText(e)}`);
      },
      missing: (path, reason) => err(`itsmote: ${path}: ${reason}`),
      empty: (path) => err(`${path}: no change documents found`),
      capped: (path, cap) =>
        err(
          `itsmote: warning: ${path}: stopped after ${cap} candidate file${cap === 1 ? '' : 's'} (the --max-files cap); the rest of the folder is not checked (raise the cap with --max-files <n>)`,
        ),
    },
  };
  const [first, ...rest] = argv;
  try {
    if (first === undefined) throw new UsageError('missing command; run "itsmote --help"');
    if (first === '-h' || first === '--help') return ctx.help('');
    if (first === '-v' || first === '--version') {
      io.stdout(`${version}\n`);
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic !== undefined && !COMMAND_HELP[topic])
        throw new UsageError(`no help for "${topic}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
      return ctx.help(topic ?? '');
    }
    const command = COMMANDS[first];
    if (!command) {
      if (first.startsWith('-'))
        throw new UsageError(`unknown option "${first}" before the command; run "itsmote --help"`);
      const guess = closest(first, Object.keys(COMMANDS));
      throw new UsageError(
        `unknown command "${first}"${guess ? `; did you mean "${guess}"?` : ''} (run "itsmote --help")`,
      );
    }
    return await command(rest, ctx);
  } catch (e) {
    if (e instanceof UsageError || e instanceof FatalError || e instanceof GitTimeoutError) {
      err(`itsmote: ${e.message}`);
      return 2;
    }
    // A bug must still not print a stack trace at users; ITSMOTE_DEBUG=1 shows it.
    err(`itsmote: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (io.env.ITSMOTE_DEBUG) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    return 2;
  }
}
