#!/usr/bin/env bash
# Load test: LOAD_USERS logged-in staff users (default 50) on a mix of daily pages
# for LOAD_TIME (default 60s), against gunicorn (deploy/gunicorn.conf.py) and a
# fresh PostgreSQL database; prints throughput, p50/p95/p99 and the error count.
#
#   bench/load/run.sh                        # 50 users, think time 1–3 s, 60 s
#   LOAD_WAIT_MIN=0 LOAD_WAIT_MAX=0 bench/load/run.sh   # no think time: saturation
#
# Needs the `bench` and `test` extras (locust) and PostgreSQL on 127.0.0.1:5432
# (user postgres, trust). Exit status: non-zero when any request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap cleanup EXIT

LOAD_USERS=${LOAD_USERS:-50}
LOAD_TIME=${LOAD_TIME:-60s}
LOAD_SPAWN=${LOAD_SPAWN:-10}
export LOAD_USERS LOAD_SAMPLES="$LOAD_OUT/samples.csv"

database_create
gunicorn_start
vmstat 5 >"$LOAD_OUT/vmstat.txt" &
BACKGROUND_PIDS+=($!)

log "locust: $LOAD_USERS users, $LOAD_SPAWN/s ramp, $LOAD_TIME, think time" \
    "${LOAD_WAIT_MIN:-1}–${LOAD_WAIT_MAX:-3} s"
top -bn1 | head -15 >"$LOAD_OUT/top-before.txt"
echo "gunicorn_before $(gunicorn_cpu)" >"$LOAD_OUT/cpu.txt"
echo "machine_before $(machine_cpu)" >>"$LOAD_OUT/cpu.txt"
status=0
/usr/bin/time -f "locust %U %S" -a -o "$LOAD_OUT/cpu.txt" \
    "$ROOT/.venv/bin/locust" -f bench/load/locustfile.py --headless --only-summary \
    -u "$LOAD_USERS" -r "$LOAD_SPAWN" -t "$LOAD_TIME" --host "$BASE_URL" \
    --csv "$LOAD_OUT/locust" >"$LOAD_OUT/locust.txt" 2>&1 || status=$?
echo "gunicorn_after $(gunicorn_cpu)" >>"$LOAD_OUT/cpu.txt"
echo "machine_after $(machine_cpu)" >>"$LOAD_OUT/cpu.txt"
"$PY" bench/load/report.py "$LOAD_OUT" | tee "$LOAD_OUT/report.md"
exit "$status"
