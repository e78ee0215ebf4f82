/**
 * The "ITSMote Changes" output channel (a log channel: the levels and the file are VS Code's),
 * with the latest lines also kept in memory, so that the API can say what the log holds: the
 * status bar item promises "Click for the log", and that log must not be empty.
 */
import * as vscode from 'vscode';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
const KEEP = 500;

/** The channel the extension and the language client write to, and its recent lines. */
export interface RecordedLog {
  channel: vscode.LogOutputChannel;
  /** The latest lines (at most 500), each `level message`. */
  readonly lines: readonly string[];
  /** Fires with each line written. */
  readonly onDidLog: vscode.Event<string>;
  dispose(): void;
}

/** Creates the output channel `name`; every log call on it is also recorded. */
export function createRecordedLog(name: string): RecordedLog {
  const inner = vscode.window.createOutputChannel(name, { log: true });
  const lines: string[] = [];
  const emitter = new vscode.EventEmitter<string>();
  const record = (level: string, message: unknown): void => {
    const line = `${level} ${message instanceof Error ? message.message : String(message)}`;
    lines.push(line);
    if (lines.length > KEEP) lines.splice(0, lines.length - KEEP);
    emitter.fire(line);
  };
  // A proxy, so the language client gets the real channel's every member (show, logLevel, ...).
  const channel = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop === 'string' && (LEVELS as readonly string[]).includes(prop) && typeof value === 'function') {
        return (message: string | Error, ...args: unknown[]) => {
          record(prop, message);
          return (value as (...a: unknown[]) => void).call(target, message, ...args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    channel,
    lines,
    onDidLog: emitter.event,
    dispose() {
      emitter.dispose();
      inner.dispose();
    },
  };
}
