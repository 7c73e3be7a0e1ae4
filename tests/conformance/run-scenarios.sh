# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the run-*conformance.sh scripts once their server and bearer-proxy.mjs are up:
#   run_scenarios PROXY_URL WORK_DIR SCENARIO...
# runs each 2025-11-25 server scenario of the suite against PROXY_URL, prints PASS/FAIL per scenario, and
# returns non-zero when any failed. Needs $node and $suite set by the caller.
run_scenarios() {
    url="$1"; dir="$2"; shift 2
    failed=""
    for scenario in "$@"; do
        if (cd "$dir" && "$node" "$suite" server --url "$url" --scenario "$scenario" --spec-version 2025-11-25); then
            echo "PASS $scenario"
        else
            echo "FAIL $scenario"
            failed="$failed $scenario"
        fi
    done
    if [ -n "$failed" ]; then
        echo "failed:$failed" >&2
        return 1
    fi
    echo "all $# scenarios passed"
}
