#!/usr/bin/env bash
# The web extension in code-server's web worker extension host (test/e2e-web/web-host.mjs).
# code-server runs an extension that has a `main` in its Node extension host (where the
# real-editor tests run it); to run the browser build, a copy of the extension without `main` is
# loaded, as an extension used with its `browser` entry only. Needs bash .ci/e2e/setup.sh and
# npm run build. Exits with the checks' result; the code-server process group is always killed.
set -euo pipefail
source "$(dirname "$0")/../../.ci/e2e/lib.sh"
for f in "$NODE24/bin/node" "$CS_ENTRY" "$ITSMOTE_PLAYWRIGHT/package.json" "$ROOT/dist/browser/extension.js" "$ROOT/dist/browser/server.js"; do
  [ -e "$f" ] || { echo "missing $f: run bash .ci/e2e/setup.sh and npm run build" >&2; exit 2; }
done
RUN=$(mktemp -d /tmp/itsmote-e2e-web.XXXXXX)
RESULTS="$ROOT/test-results/e2e"
mkdir -p "$RESULTS"
cleanup() {
  local rc=$?
  stop_code_server
  rm -rf "$RUN"
  exit $rc
}
trap cleanup EXIT INT TERM

cp -r "$ROOT/examples" "$RUN/ws"
EXT="$RUN/extension"
mkdir -p "$EXT"
cp -r "$ROOT/dist" "$ROOT/media" "$ROOT/syntaxes" "$ROOT/snippets" "$ROOT/package.nls.json" "$EXT/"
"$NODE24/bin/node" -e '
  const fs = require("fs"); const [from, to] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(from, "utf8")); delete p.main;
  fs.writeFileSync(to, JSON.stringify(p, null, 2));
' "$ROOT/package.json" "$EXT/package.json"
# No git identity at all: the browser has none, and the check asserts the question.
: > "$RUN/gitconfig"
port=$(free_port)
start_code_server "$RUN/state" "$port" "$RUN/ws" "$RUN/code-server.log" "$RUN/gitconfig" --disable-workspace-trust
if ! wait_healthy "$port"; then
  echo "code-server did not become healthy; log:" >&2; tail -40 "$RUN/code-server.log" >&2; exit 1
fi
echo "[e2e-web] code-server $port up (pgid $CS_PGID)"
rc=0
HOME="$RUN/state/home" "$NODE24/bin/node" "$ROOT/test/e2e-web/web-host.mjs" "http://127.0.0.1:$port" "$EXT" "$RUN/ws" "$RESULTS" || rc=$?
cp "$RUN/code-server.log" "$RESULTS/code-server-web.log" 2>/dev/null || true
exit $rc
