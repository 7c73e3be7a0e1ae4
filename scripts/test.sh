#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# README command 2: installs what is missing, builds, and runs the whole test suite through CTest, then
# each fuzz target briefly. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The official MCP SDK clients, the conformance suite (with the Node 22 it needs) and the benchmark's peers,
# exactly as pinned in their package-lock.json files; installed again only when a lock file changed.
for dir in tests/node tests/conformance bench/node; do
    if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
    fi
done
scripts/build.sh
ctest --preset ci -j2 "$@"
# A short run of every fuzz target (about a minute, plus the fuzz build; scripts/fuzz.sh runs longer ones).
# Only once the tests passed (set -e stops the script at a ctest failure): a red suite is reported at once,
# without first spending CI time on fuzzing.
scripts/fuzz.sh --seconds 10
