#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The benchmark, in one command: installs what is missing, builds (preset ci), installs the Node.js peers
# exactly as pinned in bench/node/package-lock.json, runs aries-bench in a private desktop world
# (bench/world.sh) and writes bench/RESULTS.md. Takes about seven minutes on two cores once built.
#   bench/run.sh [--smoke] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
out="bench/RESULTS.md"
smoke=()
while [ $# -gt 0 ]; do
    case "$1" in
    --smoke) smoke=(--smoke) ;;
    --out) out="$2"; shift ;;
    *) echo "usage: bench/run.sh [--smoke] [--out FILE]" >&2; exit 2 ;;
    esac
    shift
done
scripts/install-deps.sh
if [ ! -f bench/node/node_modules/.package-lock.json ] || [ bench/node/package-lock.json -nt bench/node/node_modules/.package-lock.json ]; then
    npm ci --prefix bench/node --no-audit --no-fund --loglevel=error >/dev/null
fi
scripts/build.sh
work="$(mktemp -d "${TMPDIR:-/tmp}/aries-bench-logs.XXXXXX")"
echo "Logs of this run: $work"
bench/world.sh build/ci/bin/aries-bench --bin "$PWD/build/ci/bin" --node-dir "$PWD/bench/node" \
    --out "$(realpath -m "$out")" --work "$work" --history "$PWD/bench/history.md" "${smoke[@]}"
echo "Results: $out"
