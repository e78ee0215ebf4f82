#!/usr/bin/env bash
# Runs the extension's real-editor tests here: starts code-server (a real VS Code build) on
# 127.0.0.1 with fresh HOME/XDG/TMPDIR/user-data dirs, in its own process group, exactly as
# `npm run editor` starts it (lib.sh), then runs .ci/e2e/driver.mjs, which loads the extension
# from this clone into the workbench and runs the mocha suite (out/e2e/index.js) inside the real
# Node extension host; then a second, fresh code-server for the Playwright UI checks and
# screenshots (nothing the tests changed reaches them). Exits with the tests' result. Each
# process group is always killed.
# Screenshots go to test-results/e2e/images (ignored); `npm run screenshots` sets
# ITSMOTE_IMAGES_DIR=docs/images to refresh the README's pictures.
# Needs: bash .ci/e2e/setup.sh, npm run build, node test/e2e/build.mjs (npm run test:e2e does all).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
for f in "$NODE24/bin/node" "$CS_ENTRY" "$ITSMOTE_PLAYWRIGHT/package.json"; do
  [ -e "$f" ] || { echo "missing $f: run bash .ci/e2e/setup.sh first" >&2; exit 2; }
done
for f in dist/extension.js out/e2e/index.js; do
  [ -e "$ROOT/$f" ] || { echo "missing $f: run npm run build && node test/e2e/build.mjs" >&2; exit 2; }
done

RUN=$(mktemp -d /tmp/itsmote-e2e.XXXXXX)
RESULTS="$ROOT/test-results/e2e"
IMAGES=${ITSMOTE_IMAGES_DIR:-$RESULTS/images}
mkdir -p "$RESULTS" "$IMAGES"
# The tests edit documents, so each page gets its own copy of the example workspace.
SRC_WS="$ROOT/examples"; [ -d "$SRC_WS/changes" ] || SRC_WS="$ROOT/test/e2e/fixtures/workspace"
cp -r "$SRC_WS" "$RUN/ws-tests"
cp -r "$SRC_WS" "$RUN/ws-ui"
mkdir -p "$RUN/ws-empty"   # a first-time user's folder: no change documents yet
# A person's git identity, as `npm run editor` passes the user's own: the advance check asserts it.
git config --file "$RUN/gitconfig" user.name "Kofi Mensah"

cleanup() {
  local rc=$?
  stop_code_server
  [ "${ITSMOTE_E2E_KEEP:-0}" = 1 ] && echo "[e2e] run dir kept: $RUN" || rm -rf "$RUN"
  exit $rc
}
trap cleanup EXIT INT TERM

# Two editors, one after the other, each with fresh user data: the extension-host tests change
# settings and documents, and nothing they leave may reach the UI checks.
run_part() {
  local part=$1 tests=$2 ui=$3
  [ "$tests" = 0 ] && [ "$ui" = 0 ] && return 0
  local state="$RUN/cs-$part"
  mkdir -p "$state"
  cp "$RUN/gitconfig" "$state/gitconfig"
  local port
  port=$(free_port)
  # The example workspaces are ours: trusted, as `npm run editor` trusts the bundled examples.
  start_code_server "$state" "$port" "$RUN/ws-$part" "$state/code-server.log" "$state/gitconfig" --disable-workspace-trust
  if ! wait_healthy "$port"; then
    echo "code-server did not become healthy; log:" >&2; tail -40 "$state/code-server.log" >&2; return 1
  fi
  echo "[e2e] code-server $port up (pgid $CS_PGID) for the $part"
  local rc=0
  HOME="$state/home" TMPDIR="$state/tmp" \
    ITSMOTE_CS_URL="http://127.0.0.1:$port" ITSMOTE_EXT_DEV="$ROOT" ITSMOTE_E2E_TESTS="$tests" ITSMOTE_E2E_UI="$ui" \
    ITSMOTE_EXT_TESTS="$ROOT/out/e2e/index.js" ITSMOTE_WS_TESTS="$RUN/ws-tests" ITSMOTE_WS_UI="$RUN/ws-ui" ITSMOTE_WS_EMPTY="$RUN/ws-empty" \
    ITSMOTE_REPORT="$RUN/mocha-report.txt" ITSMOTE_RESULTS="$RESULTS" ITSMOTE_IMAGES="$IMAGES" ITSMOTE_ROOT="$ROOT" \
    "$NODE24/bin/node" "$ROOT/.ci/e2e/driver.mjs" || rc=$?
  stop_code_server
  cp "$state/code-server.log" "$RESULTS/code-server-$part.log" 2>/dev/null || true
  return $rc
}

rc=0
run_part tests "${ITSMOTE_E2E_TESTS:-1}" 0 || rc=$?
run_part ui 0 "${ITSMOTE_E2E_UI:-1}" || rc=$?
[ $rc -eq 0 ] || echo "[e2e] FAILED (exit $rc); code-server logs: $RESULTS/code-server-*.log" >&2
exit $rc
