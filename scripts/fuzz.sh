#!/usr/bin/env bash
# Fuzzes sitegen's parsers with libFuzzer (see docs/fuzzing.md).
#
#   scripts/fuzz.sh [spec|lesson|tex|template|writer|all] [seconds]     build, then fuzz (default: all, 600 s each, in parallel)
#   scripts/fuzz.sh build                                build the fuzzers only
#   scripts/fuzz.sh merge [spec|lesson|tex|template|writer|all]          minimise the found corpus into Tests/FuzzRegressionTests/Corpus
#   scripts/fuzz.sh repro TARGET FILE...                 run the fuzzer once on the given inputs
#
# The fuzzers are executables that only exist when SITEGEN_FUZZ=1 (Package.swift); they are built with
# libFuzzer and AddressSanitizer into .build-fuzz/, apart from the normal build. Work files (seeds,
# dictionaries, the growing corpus, logs) go to $FUZZ_WORK (default ~/.cache/sitegen/fuzz), outside
# git; crash, timeout and out-of-memory inputs go to $FUZZ_WORK/crashes/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
WORK=${FUZZ_WORK:-$HOME/.cache/sitegen/fuzz}
TARGETS=(spec lesson tex template writer)
BIN=.build-fuzz/release

# Longest input each fuzzer makes: a block, a lesson (the real one is 32 KB; its sections seed it), a formula.
max_len() { case $1 in spec) echo 8192 ;; lesson) echo 40000 ;; tex) echo 2048 ;; template) echo 8192 ;; writer) echo 4096 ;; esac; }

build() {
    for t in "${TARGETS[@]}"; do
        echo "== building fuzz-$t"
        # `-sanitize=fuzzer,address` in one flag: swiftc keeps only the last -sanitize= it is given, so
        # SwiftPM's separate --sanitize flags alone would leave the Swift code without coverage counters.
        # A fixed environment: the build's commands carry it, and a changed variable rebuilds everything.
        env -i HOME="$HOME" PATH="$PATH" SITEGEN_FUZZ=1 "$SWIFT" build -c release --product "fuzz-$t" --scratch-path .build-fuzz \
            --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address 2>&1 \
            | grep -v -E "warning:|^ *[0-9]* \||^ *\||^ *\`-" || true
        [ -x "$BIN/fuzz-$t" ] || { echo "fuzz-$t did not build" >&2; exit 1; }
    done
}

seeds() {
    rm -rf "$WORK/seeds"
    python3 scripts/fuzz-seeds.py "$WORK"
}

run() {
    local t=$1 seconds=$2
    mkdir -p "$WORK/corpus/$t" "$WORK/crashes/$t" "$WORK/logs"
    local log="$WORK/logs/$t.log"
    echo "== fuzz-$t for ${seconds}s (log: $log)"
    # Seeds and the kept regression corpus are read; new inputs are written to the first folder only.
    set +e
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BIN/fuzz-$t" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
        -dict="$WORK/dict/$t.dict" -print_final_stats=1 -artifact_prefix="$WORK/crashes/$t/" \
        "$WORK/corpus/$t" "$WORK/seeds/$t" "Tests/FuzzRegressionTests/Corpus/$t" >"$log" 2>&1
    local status=$?
    set -e
    summary "$t" "$status"
}

summary() {
    local t=$1 status=$2 log="$WORK/logs/$1.log"
    local execs rate time crashes
    execs=$(grep -o 'number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')
    rate=$(grep -o 'average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')
    crashes=$(find "$WORK/crashes/$t" -type f | wc -l)
    echo "fuzz-$t: exit $status, $execs executions, $rate exec/s, corpus $(ls "$WORK/corpus/$t" | wc -l) files," \
         "$crashes crash/timeout/oom inputs in $WORK/crashes/$t"
    grep -E "^(==[0-9]+==|SUMMARY|.*Fatal error)" "$log" | head -5 || true
}

# Largest input kept in the regression corpus, so that it stays a few hundred KB.
keep_bytes() { case $1 in spec) echo 600 ;; lesson) echo 1000 ;; tex) echo 1024 ;; template) echo 1024 ;; writer) echo 600 ;; esac; }

merge() {
    local t=$1 dest="Tests/FuzzRegressionTests/Corpus/$t" small="$WORK/merge-$1"
    mkdir -p "$dest"
    rm -rf "$small" && mkdir -p "$small"
    find "$WORK/seeds/$t" "$WORK/corpus/$t" -type f -size -"$(keep_bytes "$t")"c -exec cp {} "$small/" \;
    echo "== merging $(ls "$small" | wc -l) inputs under $(keep_bytes "$t") bytes of the $t corpus into $dest"
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BIN/fuzz-$t" -merge=1 -use_counters=0 -timeout=10 \
        -rss_limit_mb=2048 -max_len="$(max_len "$t")" "$dest" "$small" >"$WORK/logs/$t-merge.log" 2>&1
    rm -rf "$small"
    echo "$dest: $(ls "$dest" | wc -l) files, $(du -sb "$dest" | cut -f1) bytes"
}

case "${1:-all}" in
    build)
        build ;;
    merge)
        which=${2:-all}
        [ "$which" = all ] && list=("${TARGETS[@]}") || list=("$which")
        [ -d "$WORK/seeds" ] || seeds
        for t in "${list[@]}"; do merge "$t"; done ;;
    repro)
        t=$2; shift 2
        SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BIN/fuzz-$t" -timeout=10 "$@" ;;
    spec|lesson|tex|template|writer|all)
        which=${1:-all}; seconds=${2:-600}
        [ "$which" = all ] && list=("${TARGETS[@]}") || list=("$which")
        build
        seeds
        for t in "${list[@]}"; do run "$t" "$seconds" & done
        wait ;;
    *)
        sed -n '2,12p' "$0"; exit 2 ;;
esac
