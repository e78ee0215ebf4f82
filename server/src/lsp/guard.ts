/**
 * Every handler runs through `guard`: an exception (sync or async) becomes a logged error and a
 * harmless answer, never a crash. The server must survive any document and any request. A
 * request the client cancelled answers with the LSP's RequestCancelled error (`throwIfCancelled`).
 */
import type { CancellationToken } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where guarded errors are logged (the connection's console, once it exists). */
export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

let logger: Logger = { error: (m) => process.stderr.write(`${m}\n`), info: () => {} };

/** Routes guarded errors to the LSP console. */
export function setLogger(l: Logger): void {
  logger = l;
}

/** The current logger. */
export function log(): Logger {
  return logger;
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Stops a request the client cancelled: the guard answers RequestCancelled. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

// ResponseError resets its prototype in its constructor, so a subclass cannot be told apart: the code is the mark.
const isCancelled = (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled;

/** Wraps a handler so that a throw or a rejection logs and yields `fallback`. */
export function guard<A extends unknown[], R>(
  name: string,
  fallback: R,
  fn: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (isCancelled(e)) throw e;
      logger.error(`[itsmote] ${name} failed: ${describe(e)}`);
      return fallback;
    }
  };
}

/** Runs a fire-and-forget task, logging its failure. */
export function background(name: string, task: () => Promise<unknown>): void {
  task().catch((e) => logger.error(`[itsmote] ${name} failed: ${describe(e)}`));
}
