/** What a command gets from the program: output streams, environment and shared callbacks. */
import type { LoadCallbacks } from './load-documents';

export interface CommandContext {
  out(text: string): void;
  /** Writes one line to stderr. */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  version: string;
  /** Whether text output may use colours (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** The terminal's width in columns; absent when stdout is not a terminal. */
  columns?: number;
  loadCallbacks: LoadCallbacks;
  /** Prints a command's help on stdout and returns exit code 0. */
  help(command: string): number;
}
