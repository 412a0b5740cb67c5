#!/usr/bin/env bash
# Restore a TĐKT backup into an EMPTY database (create it first), then check it.
# Usage: scripts/restore.sh DUMP_FILE TARGET_DATABASE_URL
set -euo pipefail
dump="${1:?DUMP_FILE}"
url="${2:?TARGET_DATABASE_URL}"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$url" "$dump"
# A restore is only good if the app sees its data: count the core tables.
psql "$url" -Atc "SELECT 'units=' || count(*) FROM orgs_unit UNION ALL SELECT 'people=' || count(*) FROM orgs_person UNION ALL SELECT 'migrations=' || count(*) FROM django_migrations"
