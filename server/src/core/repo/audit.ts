/**
 * The git-backed audit of a change document (pure): given the committed versions of a file,
 * oldest first, it finds where the written record and the history disagree:
 *
 * - `status-without-log`: a commit changed the Status field but added no status log line with
 *   the new status (a document created past Planned needs a line for its status too);
 * - `backdated`: a log line was committed more than the tolerance after the time it claims;
 * - `postdated`: a log line claims a time more than the tolerance after the commit that added it
 *   (the transition was recorded before it happened);
 * - `log-rewritten`: a committed log line was later changed or removed (history rewritten).
 *
 * Lines of the file's first commit that are older than that commit are imported history (a
 * change written elsewhere first, or a repository started with its documents), not back-dating:
 * they are summed up once per file by `importedHistory`, unless `reportImported` asks for them.
 *
 * The shell (CLI) reads the versions with real git; this module never reads files.
 */
import { analyze } from '../model';
import { fieldValue } from '../model';
import type { Analysis } from '../model';
import type { LogEntry } from '../schema';
import { formatUtc } from '../time';

/** One committed version of a file. */
export interface FileVersion {
  commit: string;
  /** Author time, ms since epoch (kept across rebase and cherry-pick, unlike the committer time). */
  at: number;
  author: string;
  /** The file's path in that commit (renames are followed). */
  path: string;
  text: string;
}

export type AuditKind = 'status-without-log' | 'backdated' | 'postdated' | 'log-rewritten';

/** One disagreement between the document and its history. */
export interface AuditFinding {
  kind: AuditKind;
  commit: string;
  /** The commit's author time, ms. */
  at: number;
  author: string;
  /** 1-based line in that commit's version of the file. */
  line: number;
  message: string;
}

export interface AuditOptions {
  /** How far a log time may be from its commit time, in hours. */
  toleranceHours: number;
  /** Report the lines of the first commit that are older than it as back-dated too. */
  reportImported?: boolean;
}

/** Status log lines the file's first commit brought with it, older than that commit. */
export interface ImportedHistory {
  commit: string;
  /** The commit's author time, ms. */
  at: number;
  author: string;
  /** How many lines are older than the commit by more than the tolerance. */
  lines: number;
  /** The oldest time they record, ms. */
  oldest: number;
}

interface Line {
  /** The entry as written, bullet and runs of spaces normalised. */
  key: string;
  entry: LogEntry;
}

function logLines(a: Analysis): Line[] {
  const l = a.md.lines;
  return (a.doc.statusLog?.entries ?? []).map((entry) => {
    const raw = a.md.text.slice(l.offsetAt(entry.range.start), l.offsetAt(entry.range.end));
    return {
      key: raw
        .replace(/^\s*[-*+]\s*/, '')
        .replace(/\s+/g, ' ')
        .trim(),
      entry,
    };
  });
}

/** The Status as a comparable value: the canonical status, else the text written, else undefined. */
function statusOf(a: Analysis): string | undefined {
  return a.doc.values.status ?? fieldValue(a.doc, 'status')?.trim().toLowerCase();
}

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;

/** Audits the versions of one file, oldest first. */
export function auditHistory(versions: readonly FileVersion[], opts: AuditOptions): AuditFinding[] {
  const out: AuditFinding[] = [];
  const tolerance = opts.toleranceHours * 3_600_000;
  let prev: { a: Analysis; lines: Line[] } | undefined;
  for (const v of versions) {
    const a = analyze(v.text, v.path);
    const lines = logLines(a);
    const at = (line: number) => ({ commit: v.commit, at: v.at, author: v.author, line: line + 1 });
    // Match lines as a multiset: what is left over in `prev` was removed or edited, in `cur` was added.
    const remaining = new Map<string, number>();
    for (const l of prev?.lines ?? []) remaining.set(l.key, (remaining.get(l.key) ?? 0) + 1);
    const added: { l: Line; index: number }[] = [];
    lines.forEach((l, index) => {
      const n = remaining.get(l.key) ?? 0;
      if (n > 0) remaining.set(l.key, n - 1);
      else added.push({ l, index });
    });
    const removed = (prev?.lines ?? [])
      .map((l, index) => ({ l, index }))
      .filter(({ l }) => {
        const n = remaining.get(l.key) ?? 0;
        if (n > 0) {
          remaining.set(l.key, n - 1);
          return true;
        }
        return false;
      });
    // An added line at the index of a removed one is an edit of that line.
    const edited = new Set<number>();
    for (const r of removed) {
      const twin = added.find((x) => x.index === r.index);
      if (twin) edited.add(twin.index);
      out.push({
        kind: 'log-rewritten',
        ...at(
          twin
            ? twin.l.entry.range.start.line
            : (lines[Math.min(r.index, lines.length - 1)]?.entry.range.start.line ??
                a.doc.statusLog?.headingRange.start.line ??
                0),
        ),
        message: twin
          ? `The committed status log line "${r.l.key}" was changed to "${twin.l.key}". The log is a record: add a new line instead of editing an old one.`
          : `The committed status log line "${r.l.key}" was removed. The log is a record: add a new line instead of deleting an old one.`,
      });
    }
    for (const { l, index } of added) {
      if (edited.has(index) || l.entry.at === undefined) continue;
      const diff = v.at - l.entry.at;
      // The first commit's old lines are imported history (importedHistory), not back-dating.
      if (!prev && diff > tolerance && !opts.reportImported) continue;
      if (diff > tolerance) {
        out.push({
          kind: 'backdated',
          ...at(l.entry.range.start.line),
          message: `The log line "${l.key}" was committed on ${formatUtc(v.at)}, ${hours(diff)} h after the time it records (tolerance ${opts.toleranceHours} h). Record transitions when they happen, or say in a note why it was recorded late.`,
        });
      } else if (-diff > tolerance) {
        out.push({
          kind: 'postdated',
          ...at(l.entry.range.start.line),
          message: `The log line "${l.key}" was committed on ${formatUtc(v.at)}, ${hours(-diff)} h before the time it records (tolerance ${opts.toleranceHours} h): the transition was written down before it happened.`,
        });
      }
    }
    const status = statusOf(a);
    const before = prev ? statusOf(prev.a) : undefined;
    const changed = prev ? status !== undefined && status !== before : status !== undefined && status !== 'Planned';
    if (changed) {
      const name = a.doc.values.status ?? fieldValue(a.doc, 'status')?.trim() ?? '';
      const logged = added.some(
        ({ l }) => (l.entry.status ?? l.entry.statusText.toLowerCase()) === (a.doc.values.status ?? status),
      );
      if (!logged) {
        const item = a.doc.header?.items.find((i) => i.key === 'status');
        out.push({
          kind: 'status-without-log',
          ...at(item?.range.start.line ?? 0),
          message: prev
            ? `Status changed from ${prev.a.doc.values.status ?? before ?? '(none)'} to ${name} in this commit, but no "${name}" status log line was added with it.`
            : `The document was created with Status ${name} but no "${name}" status log line.`,
        });
      }
    }
    prev = { a, lines };
  }
  return out;
}

/**
 * The imported history of a file: the status log lines its first commit added that are older
 * than that commit by more than the tolerance. Undefined when there are none.
 */
export function importedHistory(versions: readonly FileVersion[], opts: AuditOptions): ImportedHistory | undefined {
  const first = versions[0];
  if (!first) return undefined;
  const tolerance = opts.toleranceHours * 3_600_000;
  const old = logLines(analyze(first.text, first.path))
    .map((l) => l.entry.at)
    .filter((at): at is number => at !== undefined && first.at - at > tolerance);
  if (old.length === 0) return undefined;
  return { commit: first.commit, at: first.at, author: first.author, lines: old.length, oldest: Math.min(...old) };
}
