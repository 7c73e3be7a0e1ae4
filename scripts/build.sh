#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configures (once) and builds with the "ci" preset (warnings are errors) into build/ci.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f build/ci/build.ninja ]; then
    log=$(mktemp)
    if ! cmake --preset ci >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
fi
cmake --build --preset ci
