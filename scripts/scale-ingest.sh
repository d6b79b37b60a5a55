#!/usr/bin/env bash
# Memory and idempotence at scale (docs/scale.md): generate N articles, ingest them
# into a fresh store with the release binary while sampling the process's resident
# memory next to the number of articles stored so far, then ingest the same file a
# second time and compare every table's row count before and after.
#
# Usage (from the repository root, after
#   cargo build --release -p newsgraph-cli -p newsgraph-gen):
#   scripts/scale-ingest.sh
# Environment: N (100000), DIR (target/scale), BIN_DIR (target/release),
# EVERY (seconds between samples, 10), SECOND (1: also run the second ingest).
# Needs /usr/bin/time (GNU time) and sqlite3 (read-only counts while ingesting).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-100000}"
DIR="${DIR:-target/scale}"
BIN_DIR="${BIN_DIR:-target/release}"
EVERY="${EVERY:-10}"
SECOND="${SECOND:-1}"
mkdir -p "$DIR"
ARTICLES="$DIR/articles-$N.jsonl"
DB="$DIR/store-$N.db"

for tool in /usr/bin/time sqlite3; do
    command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
done

if [ ! -s "$ARTICLES" ]; then
    echo "== generating $N articles into $ARTICLES"
    "$BIN_DIR/newsgraph-gen" "$N" > "$ARTICLES"
fi
ls -l "$ARTICLES"

# Articles stored so far, read-only (WAL lets a reader in while the writer works).
stored() {
    sqlite3 -readonly "$DB" "SELECT count(*) FROM articles" 2>/dev/null || echo "?"
}

# Row counts of every ordinary table (the FTS index's shadow tables included).
row_counts() {
    sqlite3 -readonly "$DB" "SELECT name FROM sqlite_master WHERE type = 'table'
        AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name" |
    while read -r table; do
        printf '%s\t%s\n' "$table" "$(sqlite3 -readonly "$DB" "SELECT count(*) FROM \"$table\"")"
    done
}

# ingest LOG SAMPLES: runs one ingest of $ARTICLES under GNU time, sampling VmRSS.
ingest() {
    local log="$1" samples="$2" quiet="$3"
    /usr/bin/time -v "$BIN_DIR/newsgraph" --db "$DB" $quiet ingest "$ARTICLES" 2> "$log" &
    local timer=$! pid="" start
    start=$(date +%s)
    for _ in $(seq 1 100); do
        pid=$(pgrep -P "$timer" newsgraph || true)
        [ -n "$pid" ] && break
        sleep 0.1
    done
    printf 'seconds\tarticles_stored\trss_kib\thwm_kib\n' > "$samples"
    while [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; do
        local rss hwm
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        [ -z "$rss" ] && break
        printf '%s\t%s\t%s\t%s\n' "$(( $(date +%s) - start ))" "$(stored)" "$rss" "$hwm" >> "$samples"
        sleep "$EVERY"
    done
    wait "$timer" || { echo "ingest failed:" >&2; tail -20 "$log" >&2; return 1; }
    grep -E "Elapsed|Maximum resident" "$log"
}

if [ -e "$DB" ]; then
    echo "$DB exists: remove it (and its -wal, -shm) for a fresh first ingest" >&2
    exit 1
fi

echo "== first ingest of $N articles into $DB"
ingest "$DIR/ingest-1.log" "$DIR/rss-1.tsv" -q
column -t "$DIR/rss-1.tsv" | awk 'NR == 1 || NR % 6 == 2' || true
ls -l "$DB"*
row_counts > "$DIR/rows-before.tsv"
cat "$DIR/rows-before.tsv"

if [ "$SECOND" = 1 ]; then
    echo "== second ingest of the same file"
    ingest "$DIR/ingest-2.log" "$DIR/rss-2.tsv" ""
    grep -E "stored .* already present" "$DIR/ingest-2.log" || true
    row_counts > "$DIR/rows-after.tsv"
    if diff "$DIR/rows-before.tsv" "$DIR/rows-after.tsv"; then
        echo "== row counts of every table unchanged by the second ingest"
    else
        echo "== the second ingest changed row counts (above)" >&2
        exit 1
    fi
fi
