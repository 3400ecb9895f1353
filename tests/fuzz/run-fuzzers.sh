#!/usr/bin/env bash
# Builds the HJ 212 libFuzzer target (clang-14, ASan + UBSan) in build/fuzz and runs it for the given
# seconds with a seed corpus made from tests/data/hj212/vectors.tsv and the hand-made seeds in
# tests/fuzz/corpus/hj212 (shapes a line-based vector cannot hold: LF in log text, streams, split sets).
# Exits non-zero on any finding.
# Usage: tests/fuzz/run-fuzzers.sh [seconds=30]
set -euo pipefail
seconds="${1:-30}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$root/build/fuzz"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"

if [[ ! -f "$build/build.ninja" ]]; then
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DJH_BUILD_FUZZERS=ON -DJH_WITH_QGIS=OFF -DJH_BUILD_BENCHMARKS=OFF
fi
cmake --build "$build" --target fuzz_hj212 --parallel 2

# Seeds: every vector as a packet line, and all of them as one stream; the first two bytes of an input
# select tolerances and the framer's chunk size (see fuzz_hj212.cpp).
seeds="$build/fuzz-seeds/hj212"
corpus="$build/fuzz-corpus/hj212"
artifacts="$build/fuzz-artifacts/"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
n=0
stream="$seeds/stream"
printf '\x00\x40' > "$stream"
while IFS=$'\t' read -r expect _source packet; do
  [[ "$expect" == \#* || -z "${packet:-}" ]] && continue
  n=$((n + 1))
  printf '\x00\xff%s\r\n' "$packet" > "$seeds/vector-$n"
  printf '\x1f\x07%s\r\n' "$packet" > "$seeds/vector-$n-lenient"
  printf '%s\r\ngarbage\n' "$packet" >> "$stream"
done < "$root/tests/data/hj212/vectors.tsv"
for seed in "$root"/tests/fuzz/corpus/hj212/*; do
  cp "$seed" "$seeds/corpus-$(basename "$seed")"
  n=$((n + 1))
done

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
echo "run-fuzzers.sh: fuzz_hj212 for ${seconds}s with $n vectors and seeds"
log="$build/fuzz-hj212.log"
set +e
"$build/bin/fuzz_hj212" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "$seeds" >"$log" 2>&1
status=$?
set -e
# libFuzzer's progress lines (#123 NEW ...) are in the log; show the verdict and any report.
grep -v -E '^#[0-9]+' "$log" | grep -v -E '^"|# Uses:' | tail -40
if ((status != 0)); then
  echo "run-fuzzers.sh: fuzz_hj212 found a problem (exit $status); reproducer in $artifacts" >&2
  exit 1
fi
echo "run-fuzzers.sh: no findings"
