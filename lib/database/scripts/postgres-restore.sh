#!/bin/sh
# Restores one PostgreSQL database from a dump written by postgres-backup.sh, in one transaction.
#
# Shipped with kong-ai-platform and rendered verbatim into the restore CronJob (PostgresBackup; suspended, it runs
# only as `kubectl create job --from=cronjob/...`). Plain POSIX sh; no dollar or percent sign followed by a brace.
#
# Environment:
#   PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD BACKUP_DIR   as for postgres-backup.sh
#   DUMP                        file name of the dump in BACKUP_DIR (optional: the newest dump of PGDATABASE);
#                               `list` only prints the dumps there, newest first, and changes nothing
#
# What it does:
# 1. refuses while another session is connected to the database: stop Kong first, or it writes into the restore;
# 2. in ONE transaction: drops the schema `public` with everything in it (also tables a later, bad migration added,
#    which would otherwise survive and break the next `kong migrations up`), recreates it and loads the dump;
#    objects are owned by PGUSER (`--no-owner`), no grants are replayed (`--no-privileges`).
# Any failure, including a truncated or corrupt dump, rolls everything back: the database is then as it was.
set -e

missing=""
for name in PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD BACKUP_DIR; do
  eval "value=\$$name"
  [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "restore: missing environment:$missing" >&2
  exit 2
fi

dumps() {
  ls -1 "$BACKUP_DIR" | grep -E "^$PGDATABASE-[0-9]{8}T[0-9]{6}Z[.]dump$" | sort -r
}
if [ "$DUMP" = "list" ]; then
  echo "restore: dumps of $PGDATABASE in $BACKUP_DIR, newest first:"
  dumps || true
  exit 0
fi
if [ -z "$DUMP" ]; then
  DUMP=$(dumps | head -n 1)
  if [ -z "$DUMP" ]; then
    echo "restore: no dump of $PGDATABASE in $BACKUP_DIR" >&2
    exit 1
  fi
fi
case "$DUMP" in
*/* | .*) echo "restore: DUMP ($DUMP) must be a file name in $BACKUP_DIR, without a directory" >&2; exit 2 ;;
esac
file="$BACKUP_DIR/$DUMP"
if [ ! -f "$file" ]; then
  echo "restore: $DUMP not found in $BACKUP_DIR; dumps there, newest first:" >&2
  dumps >&2
  exit 1
fi
if ! pg_restore --list "$file" >/dev/null; then
  echo "restore: $DUMP is not a readable pg_dump archive; nothing was changed" >&2
  exit 1
fi

others=$(psql --no-psqlrc --no-password --tuples-only --no-align --command \
  "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
if [ "$others" != "0" ]; then
  echo "restore: $others other session(s) connected to $PGDATABASE; scale Kong to 0 replicas first (see README, Backups and restore); nothing was changed" >&2
  exit 1
fi

# The SQL is streamed into psql inside BEGIN ... COMMIT. COMMIT and the marker are sent only when pg_restore
# read the whole dump: otherwise psql reaches the end of its input inside the transaction and the server rolls it
# back. Any SQL error stops psql (ON_ERROR_STOP) before COMMIT, with the same result.
marker="restore-committed"
echo "restore: restoring $DUMP into $PGDATABASE on $PGHOST:$PGPORT"
status=$({
  echo "BEGIN;"
  echo "SET client_min_messages = warning;"
  echo "DROP SCHEMA IF EXISTS public CASCADE;"
  echo "CREATE SCHEMA public;"
  if pg_restore --no-owner --no-privileges --file=- "$file"; then
    echo "COMMIT;"
    echo "SELECT '$marker';"
  fi
} | psql --no-psqlrc --no-password --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 | tail -n 1) || true
if [ "$status" != "$marker" ]; then
  echo "restore: failed; the transaction was rolled back and $PGDATABASE is unchanged" >&2
  exit 1
fi
echo "restore: done; $PGDATABASE now holds $DUMP"
