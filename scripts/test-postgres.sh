#!/usr/bin/env bash
# Sourced by test.sh: starts a throw-away PostgreSQL 15 on 127.0.0.1 for the storage tests.
# initdb refuses root, so the server runs as the postgres user in a temporary folder it owns.

start_test_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  if [[ ! -x $bin/initdb ]]; then
    echo "test-postgres: PostgreSQL 15 is not installed; PostgreSQL suites will fail" >&2
    return 0
  fi
  export JH_TEST_PG_PORT="${JH_TEST_PG_PORT:-55432}"
  JH_TEST_PG_DIR="$(mktemp -d /tmp/jh-pg.XXXXXX)"
  export JH_TEST_PG_DIR
  chown postgres:postgres "$JH_TEST_PG_DIR"
  su postgres -s /bin/sh -c "$bin/initdb -D $JH_TEST_PG_DIR/data -A trust -U postgres >$JH_TEST_PG_DIR/initdb.log 2>&1"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $JH_TEST_PG_DIR/data -w -o '-p $JH_TEST_PG_PORT -k $JH_TEST_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off' -l $JH_TEST_PG_DIR/log start >/dev/null"
  echo "test-postgres: PostgreSQL 15 listening on 127.0.0.1:$JH_TEST_PG_PORT"
}

stop_test_postgres() {
  if [[ -n "${JH_TEST_PG_DIR:-}" && -d "$JH_TEST_PG_DIR/data" ]]; then
    su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D $JH_TEST_PG_DIR/data -m immediate stop >/dev/null 2>&1" || true
    rm -rf "$JH_TEST_PG_DIR"
  fi
}
