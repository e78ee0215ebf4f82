#!/usr/bin/env bash
# Runs the extension's real-editor tests here: starts code-server (a real VS Code build) on
# 127.0.0.1 with fresh HOME/XDG/TMPDIR/user-data dirs, in its own process group, exactly as
# `npm run editor` starts it (lib.sh), then runs .ci/e2e/driver.mjs, which loads the extension
# from this clone into the workbench, runs the mocha suite (out/e2e/index.js) inside the real
# Node extension host, then does a few Playwright UI checks and screenshots. Exits with the
# tests' result. The process group is always killed.
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
  cp "$RUN/code-server.log" "$RESULTS/code-server.log" 2>/dev/null || true
  [ "${ITSMOTE_E2E_KEEP:-0}" = 1 ] && echo "[e2e] run dir kept: $RUN" || rm -rf "$RUN"
  exit $rc
}
trap cleanup EXIT INT TERM

PORT=$(free_port)
# The example workspaces are ours: trusted, as `npm run editor` trusts the bundled examples.
start_code_server "$RUN" "$PORT" "$RUN/ws-tests" "$RUN/code-server.log" "$RUN/gitconfig" --disable-workspace-trust
wait_healthy "$PORT" || { echo "code-server did not become healthy; log:" >&2; tail -40 "$RUN/code-server.log" >&2; exit 1; }
echo "[e2e] code-server $PORT up (pgid $CS_PGID)"

set +e
HOME="$RUN/home" TMPDIR="$RUN/tmp" \
  ITSMOTE_CS_URL="http://127.0.0.1:$PORT" ITSMOTE_EXT_DEV="$ROOT" \
  ITSMOTE_EXT_TESTS="$ROOT/out/e2e/index.js" ITSMOTE_WS_TESTS="$RUN/ws-tests" ITSMOTE_WS_UI="$RUN/ws-ui" ITSMOTE_WS_EMPTY="$RUN/ws-empty" \
  ITSMOTE_REPORT="$RUN/mocha-report.txt" ITSMOTE_RESULTS="$RESULTS" ITSMOTE_IMAGES="$IMAGES" ITSMOTE_ROOT="$ROOT" \
  "$NODE24/bin/node" "$ROOT/.ci/e2e/driver.mjs"
rc=$?
set -e
[ $rc -eq 0 ] || echo "[e2e] FAILED (exit $rc); code-server log: $RESULTS/code-server.log" >&2
exit $rc
