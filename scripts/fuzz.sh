#!/usr/bin/env bash
# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets (preset "fuzz": clang, ASan, UBSan) and runs each for a while.
#
#   scripts/fuzz.sh [--seconds N] [target...]     N defaults to 600; targets default to all of them
#
# Each target runs on a copy of its seed corpus (build/fuzz/corpus-run/<target>), so the committed corpus in
# tests/fuzz/corpus only changes when someone merges new inputs on purpose (the command is printed at the end).
# Logs go to build/fuzz/logs/<target>.log, crashes, leaks and timeouts to build/fuzz/artifacts/<target>/.
# Exits non-zero when any target found a crash, a leak, undefined behaviour or a broken invariant.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(mcp_message line_framer mcp_http oauth aries_parser)
seconds=600
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        -h|--help) sed -n '4,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "unknown option: $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [ -d "tests/fuzz/corpus/$t" ] || { echo "unknown fuzz target: $t (known: ${all_targets[*]})" >&2; exit 2; }
done

build=build/fuzz
# Two cores are shared on CI and on the development machine: one build at a time, two jobs.
cmake --preset fuzz >/dev/null
if command -v flock >/dev/null && [ -w "$(dirname "${BUILD_LOCK:-/work/build.lock}")" ]; then
    flock "${BUILD_LOCK:-/work/build.lock}" cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"
else
    cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"
fi

supp="$PWD/tests/fuzz"
# Leak detection is on (ASan's default on Linux) and checked at exit and for every input libFuzzer suspects.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# No display, no keyring, no D-Bus: the targets need none, and Qt must not go looking for them.
export QT_QPA_PLATFORM=offscreen

mkdir -p "$build/logs" "$build/corpus-run" "$build/artifacts"
failed=()
summary=()
for t in "${targets[@]}"; do
    run="$build/corpus-run/$t"
    artifacts="$build/artifacts/$t"
    log="$build/logs/$t.log"
    # A fresh copy of the seeds plus whatever earlier runs found (kept until build/fuzz is removed).
    mkdir -p "$run" "$artifacts"
    cp -n "tests/fuzz/corpus/$t"/* "$run"/
    dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=("-dict=tests/fuzz/$t.dict")
    echo "== fuzz_$t: ${seconds}s, log $log"
    status=0
    "$build/bin/fuzz_$t" "$run" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?

    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
    ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
    crashes=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|fuzz invariant failed' "$log" || true)
    line="fuzz_$t: executions ${execs:-?}, ${rate:-?} exec/s, cov: ${cov:-?} ft: ${ft:-?}, crashes: ${crashes}"
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        line="$line  FAILED (exit $status; see $log and $artifacts/)"
        failed+=("$t")
        grep -E 'ERROR:|runtime error:|fuzz invariant failed|SUMMARY:|Test unit written' "$log" | head -n 8 | sed 's/^/    /'
    fi
    echo "$line"
    summary+=("$line")
done

echo
echo "Summary:"
printf '  %s\n' "${summary[@]}"
echo
echo "To keep new interesting inputs as seeds (smallest set with the same coverage):"
for t in "${targets[@]}"; do
    echo "  $build/bin/fuzz_$t -merge=1 tests/fuzz/corpus/$t $build/corpus-run/$t"
done
if [ ${#failed[@]} -ne 0 ]; then
    echo
    echo "Failed: ${failed[*]}. Reproduce one with: $build/bin/fuzz_<target> <file from $build/artifacts/<target>/>"
    exit 1
fi
