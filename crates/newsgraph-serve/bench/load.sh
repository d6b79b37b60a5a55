#!/usr/bin/env bash
# Load benchmark of `newsgraph serve` (docs/serve.md): a store of N generated
# articles (newsgraph-gen), then wrk on loopback for DURATION at CONNS connections
# against the search API and the story pages. Not part of CI.
#
# Usage (from the repository root, after `cargo build --release -p newsgraph-cli
# -p newsgraph-gen` and `apt-get install wrk`):
#   crates/newsgraph-serve/bench/load.sh
# Environment: N (100000), DIR (target/serve-bench), PORT (18190), DURATION (30s),
# CONNS (50), THREADS (2), BIN_DIR (target/release), CONNECTIONS (store connections, 4),
# CACHE_MB (the server's answer cache, 128; 0 measures every request computed afresh),
# WARMUP (an unrecorded wrk run before each measured one, 5s; 0s for none).
set -euo pipefail
cd "$(dirname "$0")/../../.."
N="${N:-100000}"
DIR="${DIR:-target/serve-bench}"
PORT="${PORT:-18190}"
DURATION="${DURATION:-30s}"
CONNS="${CONNS:-50}"
THREADS="${THREADS:-2}"
BIN_DIR="${BIN_DIR:-target/release}"
CONNECTIONS="${CONNECTIONS:-4}"
CACHE_MB="${CACHE_MB:-128}"
WARMUP="${WARMUP:-5s}"
HERE=crates/newsgraph-serve/bench
DB="$DIR/store-$N.db"
URL="http://127.0.0.1:$PORT"
mkdir -p "$DIR"

command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }

if [ ! -f "$DB" ]; then
    echo "== generating and ingesting $N articles into $DB"
    "$BIN_DIR/newsgraph-gen" "$N" > "$DIR/articles-$N.jsonl"
    /usr/bin/time -v "$BIN_DIR/newsgraph" --db "$DB" -q ingest "$DIR/articles-$N.jsonl" 2> "$DIR/ingest-$N.log" \
        || { cat "$DIR/ingest-$N.log" >&2; exit 1; }
    grep -E "Elapsed|Maximum resident" "$DIR/ingest-$N.log" || true
fi

echo "== serving $DB on $URL"
"$BIN_DIR/newsgraph" --db "$DB" serve --addr "127.0.0.1:$PORT" \
    --connections "$CONNECTIONS" --cache-mb "$CACHE_MB" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.1
done

# Search: every query of queries.txt, URL-encoded, with and without a date filter.
python3 - "$HERE/queries.txt" > "$DIR/search.paths" <<'PY'
import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    q = line.strip()
    if q and not q.startswith("#"):
        e = urllib.parse.quote(q)
        print(f"/api/search?q={e}")
        print(f"/api/search?q={e}&from=2026-02-01")
PY
# Story pages: the 100 most recently active stories, as HTML pages (the UI) — and
# the same through the API.
curl -sf "$URL/api/stories?limit=100" | python3 -c '
import json, sys, urllib.parse
for s in json.load(sys.stdin)["items"]:
    print("/stories/" + urllib.parse.quote(s["id"], safe=""))
' > "$DIR/story.paths"
sed 's#^/stories/#/api/stories/#' "$DIR/story.paths" > "$DIR/story-api.paths"
echo "$(wc -l < "$DIR/search.paths") search paths, $(wc -l < "$DIR/story.paths") stories"

for what in search story story-api; do
    if [ "$WARMUP" != "0s" ]; then
        wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s "$HERE/paths.lua" "$URL" -- "$DIR/$what.paths" >/dev/null
    fi
    echo "== $what: wrk -t$THREADS -c$CONNS -d$DURATION --latency"
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$HERE/paths.lua" "$URL" -- "$DIR/$what.paths" \
        | tee "$DIR/wrk-$what-cache$CACHE_MB.txt"
done
