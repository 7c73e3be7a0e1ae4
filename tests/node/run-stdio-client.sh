#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the tray app as a user's session has it, then an official SDK client script through the stdio bridge.
#   run-stdio-client.sh BIN_DIR NODE_DIR [SCRIPT [launch]]    SCRIPT defaults to stdio-client.mjs (v1 SDK)
# With "launch" the app is not started here: the bridge must find it not running and start it itself, as
# when Claude Desktop starts before the app; afterwards the app must be running on its own.
set -eu
bin="$1"
node_dir="$2"
script="${3:-stdio-client.mjs}"
mode="${4:-}"
for package in sdk client; do
    if [ ! -d "$node_dir/node_modules/@modelcontextprotocol/$package" ]; then
        echo "@modelcontextprotocol/$package is not installed in $node_dir; scripts/test.sh installs it (npm ci)." >&2
        exit 1
    fi
done
socket="$XDG_RUNTIME_DIR/aries-companion/mcp.sock"
if [ "$mode" = launch ]; then
    # Only this test's copy: the one whose environment has this test's private runtime directory.
    app_pids() {
        exe="$(readlink -f "$bin/aries-companion")"
        for proc in /proc/[0-9]*; do
            [ "$(readlink "$proc/exe" 2>/dev/null)" = "$exe" ] || continue
            tr '\0' '\n' <"$proc/environ" 2>/dev/null | grep -qx "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR" && echo "${proc#/proc/}"
        done
        return 0
    }
    trap 'kill $(app_pids) 2>/dev/null || true' EXIT INT TERM
    [ -z "$(app_pids)" ] || { echo "aries-companion is already running" >&2; exit 1; }
    [ ! -e "$socket" ] || { echo "$socket exists before the test" >&2; exit 1; }
    node "$node_dir/$script" "$bin/aries-mcp"
    [ -n "$(app_pids)" ] || { echo "FAIL the bridge did not leave aries-companion running" >&2; exit 1; }
    echo "PASS the bridge started aries-companion, which keeps running after the client left"
    exit 0
fi
"$bin/aries-companion" &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true' EXIT INT TERM
i=0
while [ ! -S "$socket" ] && [ "$i" -lt 150 ]; do
    sleep 0.1
    i=$((i + 1))
done
[ -S "$socket" ] || { echo "aries-companion did not open $socket" >&2; exit 1; }
ARIES_MCP_NO_LAUNCH=1 node "$node_dir/$script" "$bin/aries-mcp"
