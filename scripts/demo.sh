#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# README command 1: installs what is missing, builds, and starts the demo: the tray app against the
# bundled Aries sandbox and its demo account (state kept in ~/.local/share/aries-companion/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
log=$(mktemp)
if ! scripts/build.sh >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Starting Aries Companion in demo mode (the bundled Aries sandbox, demo account demo@aries.example / sandbox)."
    exec build/ci/bin/aries-companion --sandbox --connect
fi

# No desktop session (SSH, a container): run the sandbox alone so it can be explored over HTTP.
state_dir="${XDG_DATA_HOME:-$HOME/.local/share}/aries-companion"
mkdir -p "$state_dir"
port="${ARIES_SANDBOX_PORT:-7466}"
cat <<MSG
No desktop session found, so only the Aries sandbox starts: a local simulator of the Aries API with a
demo account. Stop it with Ctrl+C.
  API base URL:   http://127.0.0.1:$port
  Authorize URL:  http://127.0.0.1:$port/oauth2/authorize
  Client ID:      sandbox-demo-client
  Demo sign-in:   demo@aries.example / sandbox
Its state is kept in $state_dir/sandbox-state.json.
MSG
exec build/ci/bin/aries-sandbox --port "$port" --state "$state_dir/sandbox-state.json"
