/** Help texts of the program and of each command (`--help`, `-h`, `itsmote help <command>`). */
import { CACHE_HELP } from './cache-option';

export const PROGRAM_HELP = `Usage: itsmote <command> [options] [paths...]

Checks ITSMote change documents (markdown) against the change process.

Commands:
  check [paths...]     Check change documents and print diagnostics (default path: .)
  list [paths...]      One line per change: ID, status, type, risk, owner, window, title
  metrics [paths...]   Change metrics by month: failure rate, rollbacks, incidents
  audit [paths...]     Compare each status log with the file's git history
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
files whose header has a "Change type" item. A file named explicitly is always read.`;

export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: itsmote check [options] [paths...]

Checks change documents and prints their diagnostics.

${PATHS}

Options:
  -f, --format <fmt>       text (default), json, sarif or github
      --now <iso>          Fix the clock, e.g. 2026-11-28T12:00:00Z (also env ITSMOTE_NOW);
                           a time without a zone is UTC
      --max-warnings <n>   Exit with 1 when there are more than n warnings
      --changed <ref>      Report only change documents changed since a git ref (merge
                           base with HEAD, plus uncommitted and untracked files); the
                           others are still read as context (window conflicts, people)
      --report-suppressions
                           List the itsmote-disable comments (file, line, rules, reason,
                           what they hid) instead of the diagnostics; text or json
${CACHE_HELP}
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
  -h, --help               Show this help
`,
  audit: `Usage: itsmote audit [options] [paths...]

Compares each change document's status log with the git history of its file (renames
followed, merge commits skipped) and reports:
  status-without-log  a commit changed Status without adding a log line for the new status
  backdated           a log line committed more than the tolerance after the time it records
  postdated           a log line that records a time more than the tolerance after its commit
  log-rewritten       a committed log line later changed or removed

${PATHS}

Options:
  -f, --format <fmt>         text (default) or json
      --tolerance-hours <n>  How far a log time may be from its commit's author time
                             (default: auditToleranceHours of .itsmote.json, else 24)
  -h, --help                 Show this help

Exit codes: 0 nothing found, 1 findings, 2 usage error or no git repository.
`,
  help: `Usage: itsmote help [command]

Shows the help of the program or of a command.
`,
};
