# Shared by run.sh and db_restart.sh (source it): a fresh PostgreSQL database with
# the load data, gunicorn with deploy/gunicorn.conf.py, and a cleanup that stops
# what was started, makes sure PostgreSQL is running and drops the database.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
PSQL=(psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qAt)
PG_VERSION=${PG_VERSION:-$(ls /etc/postgresql | sort -n | tail -1)}
LOAD_DB=${LOAD_DB:-tdkt_load_$$}
LOAD_PORT=${LOAD_PORT:-8011}
LOAD_OUT=${LOAD_OUT:-$(mktemp -d /tmp/tdkt-load.XXXXXX)}
mkdir -p "$LOAD_OUT"
BASE_URL="http://127.0.0.1:$LOAD_PORT"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$LOAD_DB"
export DJANGO_SETTINGS_MODULE=bench.settings
GUNICORN_PID=""
BACKGROUND_PIDS=()

log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }

postgres_ensure_running() {
    if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main"' | grep -q online; then
        log "PostgreSQL $PG_VERSION/main is down: starting it"
        pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
    fi
}

cleanup() {
    local pid
    for pid in "${BACKGROUND_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
        kill -TERM "$GUNICORN_PID"
        wait "$GUNICORN_PID" 2>/dev/null || true
    fi
    postgres_ensure_running
    if [ -z "${KEEP_DB:-}" ]; then
        "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $LOAD_DB WITH (FORCE)" || true
        log "dropped database $LOAD_DB (KEEP_DB=1 keeps it)"
    fi
    log "results in $LOAD_OUT"
}

database_create() {
    log "database $LOAD_DB: create, migrate, load data"
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE $LOAD_DB"
    "$PY" manage.py migrate --noinput -v0
    "$PY" -m bench.load.prepare | tee "$LOAD_OUT/prepare.txt"
}

gunicorn_start() {
    log "gunicorn on $BASE_URL (deploy/gunicorn.conf.py)"
    GUNICORN_BIND="127.0.0.1:$LOAD_PORT" "$ROOT/.venv/bin/gunicorn" \
        -c deploy/gunicorn.conf.py config.wsgi >"$LOAD_OUT/gunicorn.log" 2>&1 &
    GUNICORN_PID=$!
    local _
    for _ in $(seq 60); do
        if curl -fsS "$BASE_URL/healthz" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.5
    done
    log "gunicorn did not answer /healthz"
    return 1
}

# CPU seconds used so far by the gunicorn master and its workers.
gunicorn_cpu() {
    local pid total=0
    for pid in "$GUNICORN_PID" $(pgrep -P "$GUNICORN_PID"); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f\n", t / hz}'
}

# CPU seconds used by the whole machine since boot (all cores, not idle or iowait).
machine_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f\n", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat
}
