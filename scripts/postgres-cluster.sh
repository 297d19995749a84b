#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on 127.0.0.1 for tests and benchmarks: `start` prints its DATABASE_URL, `stop`
# stops it and deletes its files. initdb refuses root, so the cluster runs as the `postgres` user.
#   scripts/postgres-cluster.sh start|stop [port]     (port defaults to $PG_PORT or 55432)
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PORT="${2:-${PG_PORT:-55432}}"
DIR="${PG_CLUSTER_DIR:-/tmp/direct-chat-pg-$PORT}"
URL="postgres://postgres@127.0.0.1:$PORT/postgres"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

case "${1:-}" in
  start)
    if [ ! -x "$PG_BIN/initdb" ]; then
      echo "PostgreSQL server binaries not found in $PG_BIN (apt-get install postgresql)" >&2
      exit 1
    fi
    if [ -f "$DIR/data/postmaster.pid" ]; then
      echo "$URL"
      exit 0
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    chown postgres "$DIR" 2>/dev/null || true
    chmod 0700 "$DIR"
    as_postgres "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-sync -E UTF8 >"$DIR/initdb.log"
    # fsync off: a throw-away cluster trades durability for test speed.
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR/data" -w -l "$DIR/log" \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "$URL"
    ;;
  stop)
    if [ -f "$DIR/data/postmaster.pid" ]; then
      as_postgres "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop [port]" >&2
    exit 2
    ;;
esac
