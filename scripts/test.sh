#!/usr/bin/env bash
# Builds and runs every test, headless: Qt 5 with QGIS (everything), then Qt 6 without QGIS
# (layers 1-3), then a short fuzzing run of the HJ 212 parser. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-deps.sh

export QT_QPA_PLATFORM=offscreen
failed=0
all_tests=0
all_failures=0
run_suite() {
  local config="$1"
  echo "=== [$config] build ==="
  bash scripts/build.sh "$config"
  echo "=== [$config] tests ==="
  local log="build/$config/ctest-summary.log"
  if ! ctest --test-dir "build/$config" --output-on-failure --parallel "$(nproc)" --timeout 300 | tee "$log"; then
    failed=1
  fi
  # "N% tests passed, F tests failed out of T": keep the totals for the closing line.
  local line total failures
  line="$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
  total="$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")"
  failures="$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")"
  if [[ -z "$line" ]]; then
    failed=1
    echo "test.sh: [$config] CTest printed no summary" >&2
  else
    all_tests=$((all_tests + total))
    all_failures=$((all_failures + failures))
  fi
}

# Tests that need PostgreSQL find it through JH_TEST_PG_PORT; the server is ours and stops on exit.
source scripts/test-postgres.sh
start_test_postgres
trap stop_test_postgres EXIT

run_suite qt5
run_suite qt6
if [[ -x tests/fuzz/run-fuzzers.sh ]]; then
  echo "=== fuzzing (short) ==="
  bash tests/fuzz/run-fuzzers.sh 30 || failed=1
fi

echo "$((all_tests - all_failures)) passed, $all_failures failed"
if ((failed)); then
  echo "test.sh: FAILED (see the output above)" >&2
  exit 1
fi
echo "test.sh: all suites passed"
