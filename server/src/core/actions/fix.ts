/** What a quick fix is: the shape rules' `fixes` return and code actions and fix-all consume. */
import type { TextEdit } from 'vscode-languageserver-types';
import type { AdvanceOptions } from './advance';

/** One fix for one diagnostic. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix (shown first, applied by "auto fix"). */
  isPreferred: boolean;
  /** Safe for fix-all: deterministic and loses no user text. */
  safe: boolean;
  /**
   * Where the cursor belongs after the fix (an offset into one edit's new text), for clients
   * that take snippet edits: the fix leaves an empty value to fill in.
   */
  cursor?: { edit: number; offset: number };
}

/** What fixes may need besides the document: who is editing and when, and what the client takes. */
export type FixOptions = AdvanceOptions & {
  /** The client applies snippet text edits (LSP 3.18): fixes that leave a value to fill put the cursor there. */
  snippets?: boolean;
};
