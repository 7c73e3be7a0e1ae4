#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the tray app as a user's session has it, then an official SDK client script through the stdio bridge.
#   run-stdio-client.sh BIN_DIR NODE_DIR [SCRIPT]    SCRIPT defaults to stdio-client.mjs (v1 SDK)
set -eu
bin="$1"
node_dir="$2"
script="${3:-stdio-client.mjs}"
for package in sdk client; do
    if [ ! -d "$node_dir/node_modules/@modelcontextprotocol/$package" ]; then
        echo "@modelcontextprotocol/$package is not installed in $node_dir; scripts/test.sh installs it (npm ci)." >&2
        exit 1
    fi
done
"$bin/aries-companion" &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true' EXIT INT TERM
socket="$XDG_RUNTIME_DIR/aries-companion/mcp.sock"
i=0
while [ ! -S "$socket" ] && [ "$i" -lt 150 ]; do
    sleep 0.1
    i=$((i + 1))
done
[ -S "$socket" ] || { echo "aries-companion did not open $socket" >&2; exit 1; }
ARIES_MCP_NO_LAUNCH=1 node "$node_dir/$script" "$bin/aries-mcp"
