#!/bin/sh
# Dumps one PostgreSQL database into BACKUP_DIR and keeps the newest BACKUP_KEEP dumps.
#
# Shipped with kong-ai-platform and rendered verbatim into the backup CronJob (PostgresBackup). Plain POSIX sh for
# the postgres image's dash or busybox; it never contains a dollar or percent sign followed by a brace, which
# Terraform would read as a template.
#
# Environment:
#   PGHOST PGPORT PGUSER PGDATABASE  where to connect (libpq reads them itself)
#   PGPASSWORD                       the password, from the database's Secret: never a literal in the Terraform JSON
#   BACKUP_DIR                       directory of the dumps (the backup volume)
#   BACKUP_KEEP                      how many dumps to keep, at least 1
#
# A dump is `<database>-<UTC time>.dump` in pg_dump's custom format. It is written as `.partial`, checked with
# `pg_restore --list`, and only then renamed: a failed run leaves no file that looks like a backup, and retention
# runs only after a good dump, so a failing database never rotates the last good dumps away.
set -e

missing=""
for name in PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD BACKUP_DIR BACKUP_KEEP; do
  eval "value=\$$name"
  [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "backup: missing environment:$missing" >&2
  exit 2
fi
case "$BACKUP_KEEP" in
'' | *[!0-9]* | 0) echo "backup: BACKUP_KEEP ($BACKUP_KEEP) must be a whole number of at least 1" >&2; exit 2 ;;
esac

stamp=$(date -u +%Y%m%dT%H%M%SZ)
dump="$BACKUP_DIR/$PGDATABASE-$stamp.dump"
partial="$dump.partial"
trap 'rm -f "$partial"' EXIT

echo "backup: dumping database $PGDATABASE on $PGHOST:$PGPORT as $PGUSER"
pg_dump --format=custom --no-password --file="$partial"
pg_restore --list "$partial" >/dev/null
mv "$partial" "$dump"
echo "backup: wrote $dump ($(wc -c <"$dump") bytes)"

# Retention: only files of this database's naming scheme, newest first by name (the UTC time sorts).
ls -1 "$BACKUP_DIR" | grep -E "^$PGDATABASE-[0-9]{8}T[0-9]{6}Z[.]dump$" | sort -r | tail -n +$((BACKUP_KEEP + 1)) |
  while read -r old; do
    rm -f "$BACKUP_DIR/$old"
    echo "backup: removed $old (keeping the newest $BACKUP_KEEP)"
  done
echo "backup: done"
