#!/usr/bin/env bash
# A local hot standby of the test cluster, for the replica routing test (test/e2e/replica-routing.e2e-spec.ts)
# and for trying DATABASE_READ_URL by hand. It never restarts or stops the primary: at most it adds a
# replication line to the primary's pg_hba.conf and reloads it.
#
#   test/replica/start-standby.sh start [PORT] [DIR]   pg_basebackup of the primary into DIR, started on PORT
#   test/replica/start-standby.sh stop  [PORT] [DIR]   stops it (immediate) and removes DIR
#
# PRIMARY_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the primary; PORT defaults to
# 5433 and DIR to /tmp/tfg-standby-PORT. The server runs as the `postgres` OS user when started by root
# (PostgreSQL refuses to run as root); the binaries are those of the primary's major version under
# /usr/lib/postgresql/<major>/bin (or PG_BIN). Exit 3: pg_basebackup is not installed.
set -euo pipefail

ACTION=${1:-start}
PORT=${2:-5433}
DIR=${3:-/tmp/tfg-standby-$PORT}
PRIMARY_URL=${PRIMARY_URL:-postgres://postgres@127.0.0.1:5432/postgres}

psql_primary() { psql "$PRIMARY_URL" -v ON_ERROR_STOP=1 -Atq "$@"; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

MAJOR=$(psql_primary -c "SELECT current_setting('server_version_num')::int / 10000")
BIN=${PG_BIN:-/usr/lib/postgresql/$MAJOR/bin}
if [ ! -x "$BIN/pg_basebackup" ]; then
  echo "pg_basebackup not found in $BIN (install postgresql-$MAJOR)" >&2
  exit 3
fi

stop() {
  if [ -f "$DIR/postmaster.pid" ]; then
    as_pg "$BIN/pg_ctl" -D "$DIR" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$DIR" in
    /tmp/tfg-standby-*) rm -rf "$DIR" ;;
    *) echo "not removing $DIR (only /tmp/tfg-standby-* is removed)" >&2 ;;
  esac
}

if [ "$ACTION" = stop ]; then
  stop
  exit 0
fi
[ "$ACTION" = start ] || { echo "usage: $0 start|stop [PORT] [DIR]" >&2; exit 2; }

# Replication connections from 127.0.0.1 must be allowed on the primary (a reload, never a restart).
if [ "$(psql_primary -c "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND error IS NULL")" = 0 ]; then
  HBA=$(psql_primary -c "SHOW hba_file")
  if [ ! -w "$HBA" ]; then
    echo "the primary's $HBA allows no replication connection and is not writable here: add" >&2
    echo "  host replication all 127.0.0.1/32 trust" >&2
    exit 4
  fi
  echo "host replication all 127.0.0.1/32 trust  # added by test/replica/start-standby.sh" >>"$HBA"
  psql_primary -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
fi

stop
mkdir -p "$(dirname "$DIR")"
if [ "$(id -u)" = 0 ]; then
  install -d -o postgres -g postgres -m 700 "$DIR"
else
  install -d -m 700 "$DIR"
fi
HOST=$(psql_primary -c "SELECT coalesce(inet_server_addr()::text, '127.0.0.1')")
HOST=${HOST%/*}
PRIMARY_PORT=$(psql_primary -c "SELECT current_setting('port')")
# -R writes standby.signal and primary_conninfo; -X stream carries the WAL written during the copy.
as_pg "$BIN/pg_basebackup" -h "$HOST" -p "$PRIMARY_PORT" -U postgres -D "$DIR" -R -X stream --no-slot -c fast --no-sync

# A hot standby needs these at least as high as the primary's.
settings=""
for s in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
  settings+="$s = $(psql_primary -c "SHOW $s")"$'\n'
done
as_pg tee "$DIR/postgresql.conf" >/dev/null <<CONF
# test/replica/start-standby.sh: a hot standby of $HOST:$PRIMARY_PORT
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
hot_standby = on
shared_buffers = 32MB
fsync = off
logging_collector = off
$settings
CONF
as_pg tee "$DIR/pg_hba.conf" >/dev/null <<HBA
local all all trust
host all all 127.0.0.1/32 trust
HBA
# The copy carries the primary's own include files and pid file settings only through postgresql.auto.conf.
as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 start >/dev/null || {
  cat "$DIR/server.log" >&2
  exit 1
}
for _ in $(seq 1 100); do
  if [ "$(psql "postgres://postgres@127.0.0.1:$PORT/postgres" -Atqc "SELECT pg_is_in_recovery()" 2>/dev/null)" = t ]; then
    echo "hot standby of $HOST:$PRIMARY_PORT on 127.0.0.1:$PORT ($DIR)"
    exit 0
  fi
  sleep 0.2
done
echo "the standby on port $PORT did not answer as a standby" >&2
cat "$DIR/server.log" >&2
exit 1
