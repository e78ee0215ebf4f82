/** Help texts of the program and of each command (`--help`, `-h`, `itsmote help <command>`). */
import { CACHE_HELP } from './cache-option';

export const PROGRAM_HELP = `Usage: itsmote <command> [options] [paths...]

Checks ITSMote change documents (markdown) against the change process.

Commands:
  check [paths...]     Check change documents and print diagnostics (default path: .)
  list [paths...]      One line per change: ID, status, type, risk, owner, window, title
  metrics [paths...]   Change metrics by month: failure rate, rollbacks, incidents
  audit [paths...]     Compare each status log with the file's git history
  gate <change.md>     May this change be executed now? (for deployment pipelines)
  calendar [paths...]  The changes and freezes as an iCalendar (.ics) feed
  report [paths...]    One self-contained HTML page: changes, problems, metrics, freezes
  help [command]       Show help for a command

Options:
  -h, --help           Show help
  -v, --version        Show the version

Run "itsmote <command> --help" for the options of a command.
Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or I/O error.
`;

const PATHS = `Paths are change documents or folders. In a folder, change documents are the files
that match the include globs of the nearest .itsmote.json (default: **/changes/**/*.md and
**/*.change.md, excluding **/README.md, **/node_modules/** and **/.git/**), plus other markdown
files whose header has a "Change type" item. A file named explicitly is always read.
A folder walk stays inside the folder: it follows no symbolic link whose target is outside it,
never enters /proc, /sys or /dev, reads only regular files (a FIFO or device is reported), and
stops with a warning after --max-files candidate files (default 50000).`;

const MAX_FILES = `      --max-files <n>      Stop each folder walk after n candidate files (default 50000)`;

export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: itsmote check [options] [paths...]

Checks change documents and prints their diagnostics.

${PATHS}

Options:
  -f, --format <fmt>       text (default), json, sarif or github
      --now <iso>          Fix the clock, e.g. 2026-11-28T12:00:00Z (also env ITSMOTE_NOW);
                           a time without a zone is UTC
      --max-warnings <n>   Exit with 1 when there are more than n warnings
      --fix                Apply the safe fixes in place (a misspelt field name or value
                           with one close match), then report what is left; the rest
                           needs the author (not with --changed; the cache is not used)
      --changed <ref>      Report only change documents changed since a git ref (merge
                           base with HEAD, plus uncommitted and untracked files); the
                           others are still read as context (window conflicts, people)
      --require-change     With --changed: CM050 for each service (a folder with a Backstage
                           catalog-info.yaml) whose files changed while no Approved or
                           In Progress change document names it (docs/rules.md#cm050)
      --report-suppressions
                           List the itsmote-disable comments (file, line, rules, reason,
                           what they hid) instead of the diagnostics; text or json
${CACHE_HELP}
${MAX_FILES}
  -h, --help               Show this help

CODEOWNERS and catalog-info.yaml files of the repository (nearest folder with .git) turn on
CM016 person-unknown and CM017 service-unknown.

Exit codes: 0 no error-severity diagnostic, 1 some (or too many warnings), 2 usage or I/O error.
`,
  list: `Usage: itsmote list [options] [paths...]

Prints one line per change: ID, status, type, risk, owner, window and title.

${PATHS}

Options:
  -f, --format <fmt>       table (default) or json
  -s, --status <status>    Only changes in this status (case-insensitive); repeat it or
                           give a comma list: --status "in progress,verifying"
      --now <iso>          Fix the clock used to count problems (also env ITSMOTE_NOW)
${CACHE_HELP}
${MAX_FILES}
  -h, --help               Show this help
`,
  metrics: `Usage: itsmote metrics [options] [paths...]

Prints change metrics by UTC month: executed changes, change failure rate, % with rollback,
incidents caused (distinct), mean time to rollback, and executed changes by type and risk.

${PATHS}

Options:
  -f, --format <fmt>       table (default), json, csv, or dora (DORA keys in Four Keys
                           names: deployments, change_fail_rate, med_time_to_resolve)
  -m, --month <YYYY-MM>    Only this month (repeatable)
${CACHE_HELP}
${MAX_FILES}
  -h, --help               Show this help
`,
  audit: `Usage: itsmote audit [options] [paths...]

Compares each change document's status log with the git history of its file (renames
followed, merge commits skipped) and reports:
  status-without-log  a commit changed Status without adding a log line for the new status
  backdated           a log line committed more than the tolerance after the time it records
  postdated           a log line that records a time more than the tolerance after its commit
  log-rewritten       a committed log line later changed or removed
Lines older than the commit that added the file are imported history: one info line per
file, not findings.

${PATHS}

Options:
  -f, --format <fmt>         text (default) or json
      --tolerance-hours <n>  How far a log time may be from its commit's author time
                             (default: auditToleranceHours of .itsmote.json, else 24)
      --max-files <n>        Stop each folder walk after n candidate files (default 50000)
      --report-imported      Report imported history (lines older than the file's first
                             commit) as back-dated findings too
  -h, --help                 Show this help

Exit codes: 0 nothing found, 1 findings, 2 usage error or no git repository.
`,
  gate: `Usage: itsmote gate [options] <change.md>

Answers "may this change be executed now?" for a deployment pipeline. Allowed only when
  - the document has no error (checked like "itsmote check", with the other change
    documents of its repository as context),
  - approval is recorded where it is required (Normal, or touches data integrity/security),
  - its Status is Approved, Planned when no approval is required, or In Progress,
  - now is inside its Planned execution time (an Emergency change without one passes),
  - and no freeze of .itsmote.json that covers its services and not its type is in force.

Options:
  -f, --format <fmt>       text (default): one line per reason; json: { allowed, reasons, ... }
      --now <iso>          Judge at this time instead of the clock (also env ITSMOTE_NOW)
      --early <min>        Allow starting this many minutes before the window opens
  -h, --help               Show this help

Exit codes: 0 allowed, 1 refused (one line per reason), 2 usage or I/O error.
`,
  calendar: `Usage: itsmote calendar [options] [paths...]

Writes an iCalendar (RFC 5545) feed for Google Calendar, Outlook or any calendar that
subscribes to a URL: one event per change that is active (Planned, Approved, In Progress,
Verifying) and has a readable Planned execution time, and one event per freeze of the
.itsmote.json files that apply. Times are UTC; each change's UID is its ID plus a stable hash
of its path (relative to the repository root), so re-published feeds update events in place.

${PATHS}

Options:
  -o, --output <file>      Write the feed to a file (default: stdout)
      --name <text>        The calendar's name (default: ITSMote changes)
      --now <iso>          DTSTAMP of the events (also env ITSMOTE_NOW; default: the clock)
  -h, --help               Show this help

Exit codes: 0 written, 2 usage or I/O error.
`,
  report: `Usage: itsmote report [options] [paths...]

Writes one self-contained HTML file for a change board or an auditor who does not run the
editor: the changes table (filter by status, type, risk, owner, service; sort by any
column), each change's problems, the monthly metrics charts of the editor's dashboard, and
the change freezes. The page loads nothing (inline CSS and script allowed by a strict CSP),
and every value from the documents is escaped.

${PATHS}

Options:
  -o, --output <file>      Write the page to a file (default: stdout)
      --title <text>       The page's title (default: Change report)
      --now <iso>          Fix the clock used for problems and freezes (also env ITSMOTE_NOW)
  -h, --help               Show this help

Exit codes: 0 written, 2 usage or I/O error.
`,
  help: `Usage: itsmote help [command]

Shows the help of the program or of a command.
`,
};
