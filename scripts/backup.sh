#!/usr/bin/env bash
# Back up the TĐKT PostgreSQL database (custom format, compressed) and the uploaded files.
# Usage: scripts/backup.sh DATABASE_URL BACKUP_DIR [MEDIA_ROOT]
set -euo pipefail
url="${1:?DATABASE_URL}"
dir="${2:?BACKUP_DIR}"
media="${3:-}"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dir"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --dbname="$url" --file="$dir/tdkt-$stamp.dump"
if [ -n "$media" ] && [ -d "$media" ]; then
  tar -czf "$dir/tdkt-media-$stamp.tar.gz" -C "$media" .
fi
echo "$dir/tdkt-$stamp.dump"
