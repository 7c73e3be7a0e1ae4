#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# README command 2: installs what is missing, builds, and runs the whole test suite through CTest.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The official MCP SDK for the client tests, exactly as pinned in package-lock.json; again only when it changed.
if [ ! -f tests/node/node_modules/.package-lock.json ] || [ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]; then
    npm ci --prefix tests/node --no-audit --no-fund --loglevel=error >/dev/null
fi
scripts/build.sh
ctest --preset ci -j2 "$@"
