/** Snippet syntax helpers (LSP snippet grammar) shared by completion and snippet edits. */

/** Text as a snippet that inserts it literally: `$`, `}` and `\` escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The offset just past the first empty header value (`- Name: ` or `- Name:`), where the cursor goes. */
export function firstEmptyValue(text: string): number | undefined {
  const m = /^[ \t]*[-*+][ \t]+[^:\n]+:[ \t]*$/m.exec(text);
  return m ? m.index + m[0].length : undefined;
}
