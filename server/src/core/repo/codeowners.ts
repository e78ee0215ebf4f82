/**
 * CODEOWNERS (GitHub, GitLab, Bitbucket syntax): `pattern owner owner ...` lines, `#` comments,
 * GitLab `[Section]` headers. Pure: the shells find and read the file (node/repo).
 */

/** Where GitHub looks for CODEOWNERS, in its order; the first file found is the one that counts. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

const HANDLE = /^@[\w.-]+(?:\/[\w.-]+)*$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The owners named in a CODEOWNERS text, in first-seen order, duplicates (any case) removed:
 * `@handle`, `@org/team` and e-mail addresses. Patterns, comments and GitLab section headers
 * (`[Docs]`, `^[Docs][2] @default-owner`) are not owners; their default owners are.
 */
export function parseCodeowners(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n|\r/)) {
    // `#` starts a comment unless escaped (`\#` in a pattern).
    const line = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (!line) continue;
    const section = /^\^?\[[^\]]*\](?:\[\d+\])?\s*(.*)$/.exec(line);
    const tokens = section ? section[1]!.split(/\s+/) : line.split(/\s+/).slice(1);
    for (const tok of tokens) {
      if (!HANDLE.test(tok) && !EMAIL.test(tok)) continue;
      const key = tok.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(tok);
    }
  }
  return out;
}
