#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs inside the clean Debian 12 root after apt installed the package (tests/package/deb-install-test.sh):
# the installed programs, from their installed paths, with nothing but what the package pulled in.
#   in-root-checks.sh VERSION
set -eu
version="$1"
fail() { echo "FAIL $*" >&2; exit 1; }
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=/tmp/aries-runtime
mkdir -m 0700 "$XDG_RUNTIME_DIR"

# Every program is on PATH in /usr/bin, loads (every library it links is there) and reports this version.
for program in aries-companion aries-mcp aries-consent aries-sandbox; do
    [ "$(command -v "$program")" = "/usr/bin/$program" ] || fail "$program is not installed in /usr/bin"
    missing="$(ldd "/usr/bin/$program" | grep 'not found' || true)"
    [ -z "$missing" ] || fail "$program needs libraries the package does not pull in: $missing"
    out="$("$program" --version 2>&1)" || fail "$program --version exited with $?: $out"
    # The bridge and the consent window report the application they belong to, aries-companion.
    printf '%s\n' "$out" | grep -qx "aries-[a-z]* $version" || fail "$program --version printed \"$out\", not version $version"
done
echo "PASS the four programs run from /usr/bin and report version $version"

# What the programs load at run time, where no ELF header shows it: the package has to declare these itself.
for file in /usr/lib/qt6/libexec/QtWebEngineProcess \
            /usr/share/qt6/resources/qtwebengine_resources.pak \
            /usr/lib/*-linux-gnu/qt6/plugins/platforms/libqxcb.so \
            /usr/lib/*-linux-gnu/qt6/plugins/iconengines/libqsvgicon.so \
            /usr/lib/*-linux-gnu/qt6/plugins/imageformats/libqsvg.so \
            /usr/lib/*-linux-gnu/qt6/plugins/tls/libqopensslbackend.so \
            /usr/lib/*-linux-gnu/libsecret-1.so.0 \
            /etc/ssl/certs/ca-certificates.crt; do
    [ -e "$file" ] || fail "$file is missing: a run-time dependency is not declared"
done
echo "PASS QtWebEngineProcess, the xcb, SVG and TLS plugins, libsecret and the CA certificates are installed"

# The snippet for Claude Desktop names the installed bridge.
config="$(aries-companion --print-client-config claude-desktop 2>&1)" || fail "--print-client-config exited with $?"
printf '%s\n' "$config" | grep -q '"/usr/bin/aries-mcp"' ||
    fail "--print-client-config claude-desktop does not name /usr/bin/aries-mcp: $config"
echo "PASS aries-companion --print-client-config claude-desktop names /usr/bin/aries-mcp"

# The bridge with no app running: it must not start the app here (ARIES_MCP_NO_LAUNCH), give up after its
# connect window and answer the request with an error that says to start the app, then exit at end of input.
request='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"package-test","version":"1.0.0"}}}'
status=0
reply="$(printf '%s\n' "$request" |
         ARIES_MCP_NO_LAUNCH=1 ARIES_MCP_CONNECT_TIMEOUT_MS=1000 timeout 20 aries-mcp 2>/tmp/aries-mcp.err)" || status=$?
[ "$status" -ne 124 ] || fail "aries-mcp did not exit within 20 s; stderr: $(cat /tmp/aries-mcp.err)"
printf '%s\n' "$reply" | grep -q '^{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Aries Companion is not running' ||
    fail "aries-mcp (exit $status) answered \"$reply\", not an error saying Aries Companion is not running; stderr: $(cat /tmp/aries-mcp.err)"
echo "PASS aries-mcp answers initialize with \"Aries Companion is not running\" when the app cannot be reached"
