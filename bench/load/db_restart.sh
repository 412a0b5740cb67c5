#!/usr/bin/env bash
# Fault: PostgreSQL restarts in the middle of a load run.
#
# Readers: LOAD_USERS locust users (default 20, think time 1–3 s) on the daily pages.
# Writer: one clerk issuing numbered decisions of unit LOAD-W over HTTP, back to back.
# After RESTART_AFTER seconds (default 25) PostgreSQL is restarted with
# `pg_ctlcluster --skip-systemctl-redirect <version> main restart`; the run goes on
# to LOAD_TIME (default 60s). Then: how requests failed during the restart (status,
# latency), when reads and writes recovered, and whether anything was half-written
# (bench/load/check_register.py). PostgreSQL is running again at the end in any case.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT

LOAD_USERS=${LOAD_USERS:-20}
LOAD_TIME=${LOAD_TIME:-60}
RESTART_AFTER=${RESTART_AFTER:-25}
export LOAD_USERS LOAD_SAMPLES="$LOAD_OUT/samples.csv"

database_create
LOAD_DRAFTS=${LOAD_DRAFTS:-100} "$PY" -m bench.load.drafts
"${PSQL[@]}" -d "$LOAD_DB" -c "SELECT d.id FROM awards_decision d JOIN orgs_unit u
    ON u.id = d.unit_id WHERE u.code = 'LOAD-W' AND d.status = 'draft' ORDER BY d.id" \
    >"$LOAD_OUT/draft-ids.txt"
gunicorn_start

log "load: $LOAD_USERS readers + 1 writer for ${LOAD_TIME}s; restart at +${RESTART_AFTER}s"
"$ROOT/.venv/bin/locust" -f bench/load/locustfile.py --headless --only-summary \
    -u "$LOAD_USERS" -r 10 -t "${LOAD_TIME}s" --host "$BASE_URL" \
    --csv "$LOAD_OUT/locust" >"$LOAD_OUT/locust.txt" 2>&1 &
LOCUST_PID=$!
BACKGROUND_PIDS+=("$LOCUST_PID")
"$PY" -m bench.load.writer "$BASE_URL" "$((LOAD_TIME - 5))" \
    "$LOAD_OUT/draft-ids.txt" "$LOAD_OUT/writer.csv" >"$LOAD_OUT/writer.txt" 2>&1 &
WRITER_PID=$!
BACKGROUND_PIDS+=("$WRITER_PID")

sleep "$RESTART_AFTER"
restart_start=$(date +%s.%N)
log "restarting PostgreSQL $PG_VERSION/main"
pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main restart
restart_end=$(date +%s.%N)
postgres_ensure_running
log "PostgreSQL is back ($(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v {print $4}'))"
echo "$restart_start $restart_end" >"$LOAD_OUT/restart.txt"

wait "$WRITER_PID" || true
wait "$LOCUST_PID" || true
cat "$LOAD_OUT/writer.txt"
echo "healthz after the run: $(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/healthz")" \
    | tee "$LOAD_OUT/healthz.txt"
status=0
"$PY" bench/load/restart_report.py "$LOAD_OUT" >"$LOAD_OUT/report.md" || status=1
cat "$LOAD_OUT/report.md"
"$PY" -m bench.load.check_register >"$LOAD_OUT/check.txt" || status=1
cat "$LOAD_OUT/check.txt"
exit "$status"
