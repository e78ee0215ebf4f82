/** `itsmote audit` on a real git repository whose history is built in the test with fixed dates. */
import { strict as assert } from 'node:assert';
import { itsmote, json, tempTree, validChange } from './run';
import { GitRepo } from './audit-git-repo';

interface AuditJson {
  file: string;
  commits: number;
  findings: { kind: string; commit: string; committedAt: string; author: string; line: number; message: string }[];
  imported?: { commit: string; committedAt: string; author: string; lines: number; oldest: string };
}

const P = '2026-11-26 10:02 UTC Planned by @alice';
const A = '2026-11-27 09:15 UTC Approved by @bob';
const I = '2026-12-01 14:02 UTC In Progress by @alice';
const doc = (status: string, log: string[]) => validChange({ status, log });

describe('itsmote audit', () => {
  let repo: GitRepo;
  const commits: Record<string, string> = {};
  before(() => {
    repo = new GitRepo();
    // An honest change: every step committed within minutes of the time it records.
    commits.honest1 = repo.commit('2026-11-26T10:05:00Z', 'plan', { 'changes/honest.md': doc('Planned', [P]) });
    commits.honest2 = repo.commit('2026-11-27T09:20:00Z', 'approve', { 'changes/honest.md': doc('Approved', [P, A]) });
    // Status edited without a log line, then the line added two days later (back-dated), then renamed.
    commits.sneaky1 = repo.commit('2026-11-26T10:05:00Z', 'plan', { 'changes/sneaky.md': doc('Planned', [P]) });
    commits.sneaky2 = repo.commit('2026-11-27T09:30:00Z', 'approved (log later)', {
      'changes/sneaky.md': doc('Approved', [P]),
    });
    commits.sneaky3 = repo.commit('2026-11-29T12:00:00Z', 'add the log line', {
      'changes/sneaky.md': doc('Approved', [P, A]),
    });
    repo.git('mv', 'changes/sneaky.md', 'changes/sneaky-renamed.md');
    commits.sneaky4 = repo.commit('2026-11-29T12:10:00Z', 'rename', {
      'changes/sneaky-renamed.md': doc('Approved', [P, A]),
    });
    // A log written ahead of time, and an old line edited afterwards.
    commits.ahead1 = repo.commit('2026-11-26T10:05:00Z', 'plan', { 'changes/ahead.md': doc('Planned', [P]) });
    commits.ahead2 = repo.commit('2026-11-27T09:20:00Z', 'approve and pre-fill', {
      'changes/ahead.md': doc('In Progress', [P, A, I]),
    });
    commits.ahead3 = repo.commit('2026-12-02T08:00:00Z', 'fix the plan time', {
      'changes/ahead.md': doc('In Progress', [P.replace('10:02', '09:00'), A, I]),
    });
    // A new change made by copying another one: it must not inherit that one's history.
    commits.copy = repo.commit('2026-11-28T10:00:00Z', 'copy', {
      'changes/copied.md': doc('Planned', [P.replace('2026-11-26 10:02', '2026-11-28 09:58')]),
    });
  });
  after(() => repo.cleanup());

  const audit = (args: string[]) => itsmote(['audit', '--format', 'json', ...args], { cwd: repo.dir });
  const byFile = (out: AuditJson[], file: string) => out.find((f) => f.file === file)!;

  it('an honest history has no findings; exit 1 because other files have some', () => {
    const r = audit(['changes']);
    assert.equal(r.code, 1);
    const honest = byFile(json<AuditJson[]>(r), 'changes/honest.md');
    assert.deepEqual(honest, { file: 'changes/honest.md', commits: 2, findings: [] });
    assert.equal(audit(['changes/honest.md']).code, 0);
  });

  it('a document created as a copy of another has only its own history', () => {
    const f = byFile(json<AuditJson[]>(audit(['changes'])), 'changes/copied.md');
    assert.deepEqual(f, { file: 'changes/copied.md', commits: 1, findings: [] });
  });

  it('reports a Status edit committed without a log line, and the back-dated line added later (renames followed)', () => {
    const f = byFile(json<AuditJson[]>(audit(['changes'])), 'changes/sneaky-renamed.md');
    assert.equal(f.commits, 4);
    assert.deepEqual(
      f.findings.map((x) => [x.kind, x.commit, x.committedAt, x.author]),
      [
        ['status-without-log', commits.sneaky2, '2026-11-27T09:30:00.000Z', 'Test Author'],
        ['backdated', commits.sneaky3, '2026-11-29T12:00:00.000Z', 'Test Author'],
      ],
    );
    assert.match(
      f.findings[0]!.message,
      /Status changed from Planned to Approved in this commit, but no "Approved" status log line was added/,
    );
    assert.equal(f.findings[0]!.line, 7); // the Status item in that commit's version
    assert.match(
      f.findings[1]!.message,
      /"2026-11-27 09:15 UTC Approved by @bob" was committed on 2026-11-29 12:00 UTC, 50\.8 h after/,
    );
  });

  it('reports lines written before the transition happened, and an edited old line', () => {
    const f = byFile(json<AuditJson[]>(audit(['changes'])), 'changes/ahead.md');
    assert.deepEqual(
      f.findings.map((x) => [x.kind, x.commit]),
      [
        ['postdated', commits.ahead2],
        ['log-rewritten', commits.ahead3],
      ],
    );
    assert.match(
      f.findings[0]!.message,
      /"2026-12-01 14:02 UTC In Progress by @alice" was committed on 2026-11-27 09:20 UTC, 100\.7 h before/,
    );
    assert.match(
      f.findings[1]!.message,
      /"2026-11-26 10:02 UTC Planned by @alice" was changed to "2026-11-26 09:00 UTC Planned by @alice"/,
    );
  });

  it('--tolerance-hours and auditToleranceHours in .itsmote.json set the tolerance', () => {
    const wide = byFile(json<AuditJson[]>(audit(['--tolerance-hours', '200', 'changes'])), 'changes/ahead.md');
    assert.deepEqual(
      wide.findings.map((x) => x.kind),
      ['log-rewritten'],
    );
    repo.write({ '.itsmote.json': JSON.stringify({ auditToleranceHours: 60 }) });
    try {
      const f = byFile(json<AuditJson[]>(audit(['changes'])), 'changes/sneaky-renamed.md');
      assert.deepEqual(
        f.findings.map((x) => x.kind),
        ['status-without-log'],
      ); // 50.8 h is within 60 h
    } finally {
      repo.write({ '.itsmote.json': null });
    }
  });

  it('text output: one block per file with a labelled table (commit, author time, author, line, kind, message), a summary line', () => {
    const r = itsmote(['audit', 'changes'], { cwd: repo.dir });
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      new RegExp(
        `changes/sneaky-renamed\\.md\\n  COMMIT {4}AUTHOR TIME {11}AUTHOR {7}LINE  KIND {16}MESSAGE\\n  ${commits.sneaky2!.slice(0, 8)}  2026-11-27 09:30 UTC  Test Author {5}7  status-without-log  Status changed`,
      ),
    );
    assert.match(r.stdout, /4 findings in 2 files \(4 files audited, 10 commits read\)\n$/);
  });

  it('a file added with its history already written is imported, not back-dated: one info line, exit 0', () => {
    const imp = new GitRepo();
    try {
      const hash = imp.commit('2026-11-28T10:00:00Z', 'import the changes', {
        'changes/imported.md': doc('In Progress', [P, A, I.replace('2026-12-01 14:02', '2026-11-27 09:30')]),
      });
      const r = itsmote(['audit', 'changes'], { cwd: imp.dir });
      assert.equal(r.code, 0, r.stdout);
      assert.equal(
        r.stdout,
        `changes/imported.md\n  info: imported history: 3 log lines (from 2026-11-26 10:02 UTC) predate the file's first commit ${hash.slice(0, 8)} (2026-11-28 10:00 UTC, by Test Author); not reported as back-dated\n\n` +
          '0 findings in 0 files (1 file audited, 1 commit read; 1 file with imported history, which --report-imported audits too)\n',
      );
      const [f] = json<AuditJson[]>(itsmote(['audit', '-f', 'json', 'changes'], { cwd: imp.dir }));
      assert.deepEqual(f!.findings, []);
      assert.deepEqual(f!.imported, {
        commit: hash,
        committedAt: '2026-11-28T10:00:00.000Z',
        author: 'Test Author',
        lines: 3,
        oldest: '2026-11-26T10:02:00.000Z',
      });
      // Asked for, the same lines are back-dated findings again.
      const strict = itsmote(['audit', '--report-imported', '-f', 'json', 'changes'], { cwd: imp.dir });
      assert.equal(strict.code, 1);
      const [s] = json<AuditJson[]>(strict);
      assert.deepEqual(
        s!.findings.map((x) => x.kind),
        ['backdated', 'backdated', 'backdated'],
      );
      assert.equal(s!.imported, undefined);
    } finally {
      imp.cleanup();
    }
  });

  it('uncommitted files are reported on stderr; a folder outside git is exit 2; bad options are usage errors', () => {
    repo.write({ 'changes/new.md': doc('Planned', [P]) });
    try {
      const r = itsmote(['audit', 'changes/new.md'], { cwd: repo.dir });
      assert.match(r.stderr, /changes\/new\.md: not audited: no commits yet/);
      assert.equal(r.code, 0);
    } finally {
      repo.write({ 'changes/new.md': null });
    }
    const t = tempTree({ 'changes/a.md': doc('Planned', [P]) });
    try {
      const r = itsmote(['audit', '.'], { cwd: t.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /changes\/a\.md: not audited: not in a git repository/);
    } finally {
      t.cleanup();
    }
    const bad = itsmote(['audit', '--tolerance-hours', 'soon', 'changes'], { cwd: repo.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^itsmote: --tolerance-hours must be a number of hours/);
  });
});
