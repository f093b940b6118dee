#!/usr/bin/env bash
# .ci/postgres.sh — a PostgreSQL server for chronicle's store tests.
#
# Installs PostgreSQL from Debian's packages if it is missing, starts a
# private cluster that listens on 127.0.0.1 only (port $CHRONICLE_PG_PORT,
# default 54329, data in $CHRONICLE_PG_DIR, default /var/tmp/chronicle-pg),
# creates the role and database the tests use, and makes
# CHRONICLE_TEST_POSTGRES point at it.
#
#   source .ci/postgres.sh          # exports CHRONICLE_TEST_POSTGRES
#   eval "$(bash .ci/postgres.sh)"  # the same from a script's output
#   bash .ci/postgres.sh stop       # stops the cluster
#
# Running it again reuses the running cluster. It needs root (apt-get, and
# to run the server as the postgres user).

_chronicle_pg() {
  local port="${CHRONICLE_PG_PORT:-54329}"
  local dir="${CHRONICLE_PG_DIR:-/var/tmp/chronicle-pg}"
  local user=chronicle pass=chronicle db=chronicle_test
  local bin

  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: installing PostgreSQL from Debian packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || return 1
    apt-get install -y -qq postgresql >&2 || return 1
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      echo "postgres.sh: PostgreSQL installed but initdb not found under /usr/lib/postgresql" >&2
      return 1
    fi
  fi
  local as_pg=(runuser -u postgres --)
  if [ "$(id -u)" != 0 ]; then
    as_pg=()
  fi

  if [ "${1:-}" = stop ]; then
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir" -m fast stop >&2
    return $?
  fi

  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir" && chmod 700 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    # Trust on the private socket (for the set-up below), passwords on TCP.
    "${as_pg[@]}" "$bin/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >&2 || return 1
  fi
  if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2 || {
      echo "postgres.sh: the server did not start; its log:" >&2
      tail -n 20 "$dir/server.log" >&2
      return 1
    }
  fi
  local psql=("${as_pg[@]}" "$bin/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]; then
    "${psql[@]}" -c "CREATE ROLE $user LOGIN PASSWORD '$pass'" >&2 || return 1
  fi
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    "${psql[@]}" -c "CREATE DATABASE $db OWNER $user" >&2 || return 1
  fi
  CHRONICLE_TEST_POSTGRES="postgres://$user:$pass@127.0.0.1:$port/$db?sslmode=disable"
  export CHRONICLE_TEST_POSTGRES
  echo "export CHRONICLE_TEST_POSTGRES='$CHRONICLE_TEST_POSTGRES'"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: export into the caller's shell (and say so on stderr).
  _chronicle_pg "$@" >&2
else
  set -euo pipefail
  _chronicle_pg "$@"
fi
