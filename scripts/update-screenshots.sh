#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Copies the screenshots README.md shows from a test run's output (build/ci/screenshots) into
# docs/screenshots. Run scripts/test.sh (or the gui tests) first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
from="${1:-$root/build/ci/screenshots}"
shots=(tray-menu settings consent-window status claude-desktop-setup order-approval revoke-confirmation)
for shot in "${shots[@]}"; do
    if [ ! -f "$from/$shot.png" ]; then
        echo "missing $from/$shot.png: run the tests first" >&2
        exit 1
    fi
done
mkdir -p "$root/docs/screenshots"
for shot in "${shots[@]}"; do
    cp "$from/$shot.png" "$root/docs/screenshots/$shot.png"
done
echo "copied ${#shots[@]} screenshots to docs/screenshots"
