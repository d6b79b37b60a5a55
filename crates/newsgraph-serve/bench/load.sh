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
# WARMUP (an unrecorded wrk run before each measured one, 5s; 0s for none),
# MIX (narrow: the 30 queries of queries.txt, each with and without a date filter;
# wide: QUERIES distinct queries made by make_queries.py from the generated articles,
# one in four also with a date filter, so that an answer cache mostly misses),
# QUERIES (10000), DB (the store to serve; default $DIR/store-$N.db), WHAT (the loads
# to run: "search story story-api"), TIMEOUT (wrk's per-request timeout, 10s: a
# request slower than that counts as a timeout and is left out of wrk's latencies).
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
MIX="${MIX:-narrow}"
QUERIES="${QUERIES:-10000}"
WHAT="${WHAT:-search story story-api}"
TIMEOUT="${TIMEOUT:-10s}"
HERE=crates/newsgraph-serve/bench
DB="${DB:-$DIR/store-$N.db}"
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

# Search: every query of queries.txt, URL-encoded, with and without a date filter
# (narrow); or the wide mix made from the articles (one query in four also filtered).
case "$MIX" in
    narrow) QUERY_FILE="$HERE/queries.txt" ;;
    wide)
        [ -s "$DIR/articles-$N.jsonl" ] || "$BIN_DIR/newsgraph-gen" "$N" > "$DIR/articles-$N.jsonl"
        QUERY_FILE="$DIR/queries-wide-$QUERIES.txt"
        python3 "$HERE/make_queries.py" "$DIR/articles-$N.jsonl" "$QUERIES" 1 > "$QUERY_FILE"
        ;;
    *) echo "MIX is narrow or wide" >&2; exit 2 ;;
esac
python3 - "$QUERY_FILE" "$MIX" > "$DIR/search-$MIX.paths" <<'PY'
import sys, urllib.parse
wide = sys.argv[2] == "wide"
months = ["2025-02", "2025-03-15", "2025-04", "2025-05-01", "2025-06"]
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    q = line.strip()
    if q and not q.startswith("#"):
        e = urllib.parse.quote(q)
        print(f"/api/search?q={e}")
        if not wide:
            print(f"/api/search?q={e}&from=2026-02-01")
        elif n % 4 == 0:
            print(f"/api/search?q={e}&from={months[(n // 4) % len(months)]}")
        n += 1
PY
cp "$DIR/search-$MIX.paths" "$DIR/search.paths"
# Story pages: every story of the store (the listing paged through), as HTML pages
# (the UI) — and the same through the API.
python3 - "$URL" > "$DIR/story.paths" <<'PY'
import json, sys, urllib.parse, urllib.request
url, after = sys.argv[1], None
while True:
    page = f"{url}/api/stories?limit=200" + (f"&after={after}" if after else "")
    data = json.load(urllib.request.urlopen(page))
    for s in data["items"]:
        print("/stories/" + urllib.parse.quote(s["id"], safe=""))
    after = data.get("next")
    if not after:
        break
PY
sed 's#^/stories/#/api/stories/#' "$DIR/story.paths" > "$DIR/story-api.paths"
echo "$(wc -l < "$DIR/search.paths") search paths, $(wc -l < "$DIR/story.paths") stories"

for what in $WHAT; do
    if [ "$WARMUP" != "0s" ]; then
        wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" --timeout "$TIMEOUT" -s "$HERE/paths.lua" "$URL" -- "$DIR/$what.paths" >/dev/null
    fi
    echo "== $what: wrk -t$THREADS -c$CONNS -d$DURATION --timeout $TIMEOUT --latency"
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$HERE/paths.lua" "$URL" -- "$DIR/$what.paths" \
        | tee "$DIR/wrk-$what-$MIX-cache$CACHE_MB.txt"
done
