#!/bin/sh
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Packs the MCP Bundle with the `mcpb` target, validates its manifest with the official CLI, and checks that
# the packed bundle holds a bridge that runs and a manifest that lists exactly the tools and prompts the
# app serves.
#   mcpb-test.sh CMAKE BUILD_DIR VERSION SOURCE_DIR
set -eu
cmake="$1"
build="$2"
version="$3"
source="$4"
fail() { echo "FAIL $*" >&2; exit 1; }
# Written by installer/mcpb/Mcpb.cmake: cli= (the mcpb tool) and bundle= (the .mcpb the target makes).
if [ ! -f "$build/mcpb/bundle.env" ]; then
    echo "SKIP: no mcpb target in this build tree (CMake found no rsvg-convert; apt: librsvg2-bin)"
    exit 77
fi
cli=""
bundle=""
# shellcheck source=/dev/null
. "$build/mcpb/bundle.env"
[ -x "$cli" ] || fail "$cli is missing; scripts/test.sh installs it (npm ci in tests/node)"

start="$(date +%s.%N)"
"$cmake" --build "$build" --target mcpb >"$build/mcpb/pack.log" 2>&1 || { cat "$build/mcpb/pack.log" >&2; fail "building the mcpb target"; }
echo "mcpb target: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'), $(basename "$bundle") $(du -k "$bundle" | cut -f1) KiB"

"$cli" validate "$build/mcpb/stage/manifest.json" || fail "mcpb validate rejects the staged manifest"
echo "PASS mcpb validate accepts the staged manifest"

unpacked="$build/mcpb/unpacked"
rm -rf "$unpacked"
"$cli" unpack "$bundle" "$unpacked" >/dev/null || fail "mcpb unpack $bundle"
for file in manifest.json icon.png server/aries-mcp; do
    [ -f "$unpacked/$file" ] || fail "the bundle does not hold $file"
done
[ -x "$unpacked/server/aries-mcp" ] || fail "the bundle's server/aries-mcp is not executable"
out="$("$unpacked/server/aries-mcp" --version 2>&1)" || fail "the bundle's bridge does not run: $out"
# The bridge reports the application it belongs to, aries-companion.
printf '%s\n' "$out" | grep -qx "aries-[a-z]* $version" || fail "the bundle's bridge reports \"$out\", not version $version"
echo "PASS the bundle holds server/aries-mcp, which runs and reports version $version"

# The manifest is what Claude Desktop shows before install; it must match what the app really serves.
names() { grep -ho 'name = QStringLiteral("[a-z_]*")' "$@" | sed 's/.*("\(.*\)")/\1/' | sort | tr '\n' ' '; }
tools="$(names "$source"/src/core/tools/*Tools.cpp)"
prompts="$(names "$source"/src/core/tools/AriesPrompts.cpp)"
node --input-type=module - "$unpacked/manifest.json" "$version" "$tools" "$prompts" <<'EOF' || exit 1
import { readFileSync } from 'node:fs';
const [file, version, tools, prompts] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const sorted = (list) => list.map((entry) => entry.name).sort().join(' ');
const problems = [];
if (manifest.version !== version) problems.push(`version is ${manifest.version}, not ${version}`);
if (manifest.server.type !== 'binary') problems.push(`server.type is ${manifest.server.type}, not binary`);
if (manifest.server.entry_point !== 'server/aries-mcp') problems.push(`entry_point is ${manifest.server.entry_point}`);
if (manifest.server.mcp_config.command !== '${__dirname}/server/aries-mcp') problems.push('mcp_config.command is not the bundled bridge');
if (sorted(manifest.tools) !== tools.trim()) problems.push(`tools are "${sorted(manifest.tools)}", the app serves "${tools.trim()}"`);
if (sorted(manifest.prompts) !== prompts.trim()) problems.push(`prompts are "${sorted(manifest.prompts)}", the app serves "${prompts.trim()}"`);
if (!/Aries Companion app must be installed/.test(manifest.long_description) || !/Aries Companion app/.test(manifest.description))
    problems.push('the descriptions do not say that the Aries Companion app must be installed');
for (const problem of problems) console.error(`FAIL manifest: ${problem}`);
process.exit(problems.length ? 1 : 0);
EOF
echo "PASS the manifest lists the app's $(echo "$tools" | wc -w) tools and $(echo "$prompts" | wc -w) prompts, version $version"
