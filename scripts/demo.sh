#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# README command 1: installs what is missing, builds, and starts the demo: the bundled Aries sandbox
# with a demo account, kept in ~/.local/share/aries-companion/sandbox-state.json between runs.
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

state_dir="${XDG_DATA_HOME:-$HOME/.local/share}/aries-companion"
mkdir -p "$state_dir"
port="${ARIES_SANDBOX_PORT:-7466}"
cat <<MSG
Starting the Aries sandbox, a local simulator of the Aries API with a demo account. Stop it with Ctrl+C.
  API base URL:   http://127.0.0.1:$port
  Authorize URL:  http://127.0.0.1:$port/oauth2/authorize
  Client ID:      sandbox-demo-client
  Demo sign-in:   demo@aries.example / sandbox
Its state is kept in $state_dir/sandbox-state.json.
MSG
exec build/ci/src/sandbox/aries-sandbox --port "$port" --state "$state_dir/sandbox-state.json"
