#!/usr/bin/env bash
# The real-editor check of Restricted Mode (issue 17): a copy of examples/, made a git repository
# whose .git/config sets core.fsmonitor to a command that leaves a marker, is opened in
# code-server WITH workspace trust on (no --disable-workspace-trust) and not trusted. A `git`
# first on code-server's PATH records every call (and who made it). .ci/e2e/restricted.mjs
# drives Chromium: the folder is in Restricted Mode, the Changes view and the Problems panel
# show the documents, and the shim recorded no call at all; then it trusts the folder from the
# UI: without a reload, the extension now runs git (the shim sees our server's hardened calls)
# and still no marker appears. Prints "N passed, N failed"; exits 1 on a failure.
# Needs the tools of setup.sh (ITSMOTE_TOOLS, default ~/.cache/itsmote-e2e) and npm run build.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
for f in "$NODE24/bin/node" "$CS_ENTRY" "$ITSMOTE_PLAYWRIGHT/package.json"; do
  [ -e "$f" ] || { echo "missing $f: run bash .ci/e2e/setup.sh first" >&2; exit 2; }
done
for f in dist/extension.js dist/server.js; do
  [ -e "$ROOT/$f" ] || { echo "missing $f: run npm run build" >&2; exit 2; }
done
REAL_GIT=$(command -v git) || { echo "git is not installed" >&2; exit 2; }

RUN=$(mktemp -d /tmp/itsmote-restricted.XXXXXX)
RESULTS="$ROOT/test-results/e2e"
mkdir -p "$RUN/home" "$RUN/tmp" "$RUN/bin" "$RUN/markers" "$RESULTS"

# The workspace: the examples as a git repository with a hostile fsmonitor (set after the commit,
# with the real git, so that nothing here runs it).
WS="$RUN/ws"
cp -r "$ROOT/examples" "$WS"
"$REAL_GIT" -C "$WS" init -q
"$REAL_GIT" -C "$WS" -c user.name=Setup -c user.email=setup@example.com -c core.hooksPath=/dev/null add -A
"$REAL_GIT" -C "$WS" -c user.name=Setup -c user.email=setup@example.com -c core.hooksPath=/dev/null commit -qm examples
"$REAL_GIT" -C "$WS" config user.name 'Trusted Tess'
"$REAL_GIT" -C "$WS" config core.fsmonitor "touch '$RUN/markers/fsmonitor'; :"

# The shim: one line per call, "<parent's command line> :: <arguments>", then the real git.
cat > "$RUN/bin/git" <<SH
#!/bin/sh
parent=\$(tr '\\0' ' ' < /proc/\$PPID/cmdline 2>/dev/null)
printf '%s :: %s\\n' "\$parent" "\$*" >> '$RUN/git-calls.log'
exec '$REAL_GIT' "\$@"
SH
chmod +x "$RUN/bin/git"
# VS Code starts extension hosts with the environment of a login shell (it runs $SHELL -l -i), whose
# profile resets PATH: put the shim first there too, as a user's profile would.
for rc in .profile .bash_profile .bashrc; do echo "export PATH='$RUN/bin':\"\$PATH\"" > "$RUN/home/$rc"; done

# Trust on, no start-up question (the folder simply opens untrusted), VS Code's own git
# extension off: it is not ours, and once trusted it would run the repository's fsmonitor itself.
mkdir -p "$RUN/user-data/User"
cat > "$RUN/user-data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": true,
  "security.workspace.trust.startupPrompt": "never",
  "security.workspace.trust.banner": "always",
  "git.enabled": false
}
JSON

cleanup() {
  local rc=$?
  stop_code_server
  cp "$RUN/code-server.log" "$RESULTS/restricted-code-server.log" 2>/dev/null || true
  cp "$RUN/git-calls.log" "$RESULTS/restricted-git-calls.log" 2>/dev/null || true
  [ "${ITSMOTE_E2E_KEEP:-0}" = 1 ] && echo "[restricted] run dir kept: $RUN" || rm -rf "$RUN"
  exit $rc
}
trap cleanup EXIT INT TERM

PORT=$(free_port)
# Started as run.sh and open.sh start it (lib.sh: quiet settings merged under the ones above),
# but with workspace trust on and the shim first on PATH.
PATH="$RUN/bin:$PATH" start_code_server "$RUN" "$PORT" "$WS" "$RUN/code-server.log" "$RUN/home/.gitconfig"
wait_healthy "$PORT" || { echo "code-server did not become healthy; log:" >&2; tail -40 "$RUN/code-server.log" >&2; exit 1; }
echo "[restricted] code-server $PORT up (pgid $CS_PGID), workspace $WS"

HOME="$RUN/home" TMPDIR="$RUN/tmp" \
  ITSMOTE_CS_URL="http://127.0.0.1:$PORT" ITSMOTE_EXT_DEV="$ROOT" ITSMOTE_WS="$WS" \
  ITSMOTE_GIT_LOG="$RUN/git-calls.log" ITSMOTE_SHIM_DIR="$RUN/bin" ITSMOTE_USER_DATA="$RUN/user-data" ITSMOTE_MARKERS="$RUN/markers" ITSMOTE_RESULTS="$RESULTS" \
  "$NODE24/bin/node" "$ROOT/.ci/e2e/restricted.mjs"
