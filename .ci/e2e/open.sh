#!/usr/bin/env bash
# `npm run editor`: opens a workspace (default: the bundled examples/) in VS Code with this
# clone's extension loaded:
# - a local VS Code (`code` on PATH): as an Extension Development Host window;
# - otherwise the browser-based VS Code (code-server, installed by setup.sh) on 127.0.0.1,
#   started exactly as the tests start it (lib.sh: same quiet settings, same flags), printing the
#   URL to open; Ctrl+C stops it (and everything it started).
# On the bundled examples the editor opens on the product: the workspace trusted, a faulty
# example change open, the ITSMote Changes view and its problems shown. Any other folder opens
# with workspace trust on (VS Code asks, as it would). Git keeps your identity (your global git
# config), so "New change" and "Advance status" write your name, not the OS user.
# Usage: bash .ci/e2e/open.sh [folder]    (ITSMOTE_PORT=8080 by default)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
WS=$(cd "${1:-$ROOT/examples}" && pwd)
[ -f "$ROOT/dist/extension.js" ] && [ -f "$ROOT/dist/server.js" ] || (cd "$ROOT" && npm run build)

if command -v code >/dev/null 2>&1 && [ -z "${ITSMOTE_BROWSER:-}" ]; then
  exec code --extensionDevelopmentPath="$ROOT" "$WS"
fi

bash "$ROOT/.ci/e2e/setup.sh"
PORT=${ITSMOTE_PORT:-8080}
STATE=${ITSMOTE_EDITOR_STATE:-$TOOLS/editor-state}
GITCONFIG=$(user_git_config)
trust=(); open_file=
if [ "$WS" = "$ROOT/examples" ]; then
  trust=(--disable-workspace-trust)
  open_file="$WS/changes/2026-11-20-auth-session-ttl.md"
fi

trap 'stop_code_server' EXIT INT TERM
start_code_server "$STATE" "$PORT" "$WS" "$STATE/code-server.log" "$GITCONFIG" "${trust[@]}"
wait_healthy "$PORT" || { echo "code-server did not start; log: $STATE/code-server.log" >&2; tail -20 "$STATE/code-server.log" >&2; exit 1; }
url=$("$NODE24/bin/node" "$ROOT/.ci/e2e/workbench-url.mjs" "http://127.0.0.1:$PORT" "$ROOT" "$WS" $open_file)
identity=$(GIT_CONFIG_GLOBAL="$GITCONFIG" git -C "$WS" config user.name 2>/dev/null || true)
echo
echo "  Open: $url"
echo "  (the ITSMote icon is in the activity bar; author: ${identity:-not set: the editor will ask once};"
echo "   Ctrl+C here stops the editor; log: $STATE/code-server.log)"
echo
# Until Ctrl+C (the trap stops the whole group), code-server exits by itself, or whatever
# started this script goes away (npm does not pass every signal on to its script).
parent=$PPID
while kill -0 "$CS_PGID" 2>/dev/null && kill -0 "$parent" 2>/dev/null; do sleep 1; done
