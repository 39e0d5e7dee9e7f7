#!/bin/sh
# One-shot (temporalio/admin-tools): creates Temporal's two databases in the shared Postgres and
# brings their schemas to the version this admin-tools image ships. Safe to run on every
# `docker compose up`: existing databases are kept and update-schema only applies missing versions.
set -eu
# temporal-sql-tool reads the password from SQL_PASSWORD.

sql() {
  database="$1"
  shift
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" \
    -u "$POSTGRES_USER" --db "$database" "$@"
}

for db in temporal temporal_visibility; do
  case "$db" in
    temporal) schema_dir=/etc/temporal/schema/postgresql/v12/temporal/versioned ;;
    *) schema_dir=/etc/temporal/schema/postgresql/v12/visibility/versioned ;;
  esac
  echo "Temporal database $db"
  sql "$db" create || echo "  $db exists already"
  sql "$db" setup-schema -v 0.0 || echo "  $db has a schema already"
  sql "$db" update-schema -d "$schema_dir"
done
