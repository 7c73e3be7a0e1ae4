#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the engine's HTTP fixture server with a fresh random key and runs http-client.mjs (v1 SDK) against it.
#   run-http-client.sh SERVER_BINARY NODE_DIR
set -eu
server_bin="$1"
node_dir="$2"
if [ ! -d "$node_dir/node_modules/@modelcontextprotocol/sdk" ]; then
    echo "@modelcontextprotocol/sdk is not installed in $node_dir; scripts/test.sh installs it (npm ci)." >&2
    exit 1
fi
MCP_CONFORMANCE_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export MCP_CONFORMANCE_KEY
out="$(mktemp "${TMPDIR:-/tmp}/http-client.XXXXXX")"
"$server_bin" >"$out" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -f "$out"' EXIT INT TERM
url=""
i=0
while [ -z "$url" ] && [ "$i" -lt 100 ]; do
    url="$(sed -n 's/^MCP_URL //p' "$out" | head -n1)"
    i=$((i + 1)); sleep 0.1
done
[ -n "$url" ] || { echo "the fixture server did not start" >&2; exit 1; }
MCP_TEST_KEY="$MCP_CONFORMANCE_KEY" node "$node_dir/http-client.mjs" "$url"
