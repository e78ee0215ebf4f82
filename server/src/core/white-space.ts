/**
 * White space as JavaScript's `\s`, `trim()` and `replace(/\s+/g, ' ')` see it, answered without a
 * regex or a new string. The model's readers call these for every name and value of every
 * document; most are already clean, and a check that allocates nothing lets them skip the
 * replace chains (docs/performance.md).
 */

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 keeps a slice of 13 or more
 * characters as a view into its parent: a name or title returned as it was written (a fast path
 * below skipped the replace that used to copy it) would hold the whole document in memory for as
 * long as a summary or model keeps it. Concatenating and slicing again copies it (V8 issue 2869).
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Whether the character at `i` is white space to `/\s/` (false past the end of the text). */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  // NBSP, the Unicode spaces, line and paragraph separators, BOM: rare, so the regex decides.
  return c === c && /\s/.test(text[i]!);
}

/**
 * Whether `s.replace(/\s+/g, ' ').trim() === s`: no white space at either end, none inside but
 * single spaces. Conservative: any non-ASCII character answers false (a few are white space to
 * `\s`), and the caller then takes its exact, slower path. With `markup`, a `*`, `_` or backtick
 * (and with `tilde`, a `~`) answers false too: the markers names and headings drop.
 */
export function isNormalSpaced(s: string, markup = false, tilde = false): boolean {
  // A space at the start counts as following a space.
  let afterSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (c < 32 || c >= 127) return false;
    else if (markup && (c === 42 || c === 95 || c === 96 || (tilde && c === 126))) return false;
    else afterSpace = false;
  }
  return s.length === 0 || !afterSpace;
}
