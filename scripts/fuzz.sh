#!/usr/bin/env bash
# Fuzzes the parsers that take hostile input (bundle, people/skills/attendance
# CSV, LDIF, search queries) with cargo-fuzz, each target for
# SECONDS_PER_TARGET seconds (default 30), one after the other, and prints
# per target the executions, seconds, corpus size and crashes found.
# Exits non-zero when any input crashed, took over a second (-timeout=1) or
# went over 1 GB of memory; the input is left in fuzz/artifacts/<target>/.
#
# Runs on the stable toolchain: cargo-fuzz asks for nightly only for
# sanitizer flags, and with `--sanitizer none` the remaining -Z options are
# accepted by stable under RUSTC_BOOTSTRAP=1. Panics, timeouts and memory
# limits are what we look for; the code under test has no unsafe.
#
# FUZZ_TARGETS="ldif query" picks targets. Inputs found are kept in
# fuzz/corpus/<target>/ (not committed) and seed the next run together with
# fuzz/seeds/<target>/ (committed; `python3 fuzz/make_seeds.py` remakes them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../fuzz"
FUZZ_DIR="$PWD"

SECONDS_PER_TARGET="${1:-30}"
read -r -a TARGETS <<<"${FUZZ_TARGETS:-bundle people_csv ldif query}"
CARGO="${CARGO:-cargo}"
export RUSTC_BOOTSTRAP=1
FUZZ_FLAGS=(--sanitizer none)

if ! "$CARGO" fuzz --version >/dev/null 2>&1; then
    "$CARGO" install cargo-fuzz --locked
fi

build_started=$(date +%s)
"$CARGO" fuzz build "${FUZZ_FLAGS[@]}"
echo "build: $(($(date +%s) - build_started)) s"

# The query target builds its directory under TMPDIR; libFuzzer exits
# without running destructors, so the directory is removed here.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
logs="$FUZZ_DIR/target/fuzz-logs"
mkdir -p "$logs"

max_len_of() {
    case "$1" in
        # Queries are cut at 300 characters; filter values are not, so a
        # little more than that is tried.
        query) echo 4096 ;;
        # Past the 64 KiB chunk of the streaming decoder and the look-ahead
        # for the separator.
        *) echo 70000 ;;
    esac
}

failed=()
summary=()
for target in "${TARGETS[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    log="$logs/$target.log"
    stamp="$scratch/$target.start"
    touch "$stamp"
    started=$(date +%s)
    status=0
    TMPDIR="$scratch" "$CARGO" fuzz run "${FUZZ_FLAGS[@]}" "$target" \
        "$FUZZ_DIR/corpus/$target" "$FUZZ_DIR/seeds/$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" \
        -timeout=1 \
        -rss_limit_mb=1024 \
        -max_len="$(max_len_of "$target")" \
        -dict="$FUZZ_DIR/dicts/$target.dict" \
        -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    # libFuzzer's own count leaves out building the target.
    elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    elapsed=${elapsed:-$(($(date +%s) - started))}
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    peak_rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    # Inputs libFuzzer keeps at the end; the corpus directory also holds
    # those they replaced (`cargo fuzz cmin` prunes it).
    corpus=$( (grep -a -o 'corp: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
    artifacts=$(find "artifacts/$target" -type f -newer "$stamp" | sort)
    crashes=$(printf '%s' "$artifacts" | grep -c . || true)
    line=$(printf '%-11s %12s executions %6s s %7s exec/s %6s corpus %4s MB peak %2s crashes' \
        "$target" "${executions:-?}" "$elapsed" "${per_second:-?}" "${corpus:-?}" "${peak_rss:-?}" "$crashes")
    echo "$line"
    summary+=("$line")
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        failed+=("$target")
        echo "--- $target: libFuzzer exited with $status; the end of its output:"
        grep -v '^#[0-9]' "$log" | tail -40
        echo "(all of it: $log)"
        for artifact in $artifacts; do
            echo "input: fuzz/$artifact"
            echo "replay: RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none $target fuzz/$artifact"
        done
    fi
done

echo
echo "fuzzing, $SECONDS_PER_TARGET s per target:"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -ne 0 ]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
