#!/usr/bin/env bash
# Runs every on-demand benchmark against the Qt 5 build and prints their figures (not part of test.sh).
# Usage: tests/bench/run-benchmarks.sh [name-filter]   e.g. tests/bench/run-benchmarks.sh hj212
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash scripts/install-deps.sh >/dev/null
bash scripts/build.sh qt5 >/dev/null
bench="$root/build/qt5/bench"
filter="${1:-}"
export QT_QPA_PLATFORM=offscreen JH_MAPS_DIR="$root/maps"

run() {
  local name="$1"
  shift
  [[ -n "$filter" && "$name" != *"$filter"* ]] && return 0
  echo "=== $name $* ==="
  "$bench/$name" "$@"
}

run bench_hj212 2
run bench_workstation 5
run bench_ingest --connections 2000 --seconds 10
run bench_jhstore
if [[ -z "$filter" || "bench_jhstore_postgresql" == *"$filter"* ]]; then
  source scripts/test-postgres.sh
  start_test_postgres
  trap stop_test_postgres EXIT
  su postgres -s /bin/sh -c "psql -h 127.0.0.1 -p $JH_TEST_PG_PORT -U postgres -qc 'CREATE DATABASE jh_bench'" >/dev/null
  echo "=== bench_jhstore (PostgreSQL) ==="
  "$bench/bench_jhstore" "postgresql://postgres@127.0.0.1:$JH_TEST_PG_PORT/jh_bench"
fi
run bench_seriesquery
if [[ -z "$filter" || "bench_seriesquery_postgresql" == *"$filter"* ]]; then
  if [[ -z "${JH_TEST_PG_PORT:-}" ]]; then
    source scripts/test-postgres.sh
    start_test_postgres
    trap stop_test_postgres EXIT
  fi
  su postgres -s /bin/sh -c "psql -h 127.0.0.1 -p $JH_TEST_PG_PORT -U postgres -qc 'CREATE DATABASE jh_bench_series'" >/dev/null
  echo "=== bench_seriesquery (PostgreSQL) ==="
  "$bench/bench_seriesquery" --database "postgresql://postgres@127.0.0.1:$JH_TEST_PG_PORT/jh_bench_series"
fi
for extra in "$bench"/bench_*; do
  case "$(basename "$extra")" in
    bench_hj212 | bench_workstation | bench_ingest | bench_jhstore | bench_seriesquery) ;;
    *) run "$(basename "$extra")" ;;
  esac
done
