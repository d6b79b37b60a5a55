#!/usr/bin/env bash
# Browser tests of the web UI (used by .ci/run): fills a store with the example
# articles, starts `newsgraph serve` on loopback, runs test.mjs with Debian's Chromium
# through playwright-core, stops the server. Screenshots go to target/browser/.
#
# Usage: crates/newsgraph-serve/browser/run.sh [NEWSGRAPH_BINARY]   (from the repo root)
set -euo pipefail
cd "$(dirname "$0")/../../.."
BIN="${1:-./target/release/newsgraph}"
PORT="${NEWSGRAPH_BROWSER_PORT:-18181}"
DB=target/browser/browser.db
OUT=target/browser

if [ ! -x /usr/bin/chromium ]; then
    echo "installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version

# playwright-core never downloads a browser; the variable makes sure of it.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd crates/newsgraph-serve/browser && npm ci --no-audit --no-fund --loglevel=error)

mkdir -p "$OUT"
rm -f "$DB" "$DB-wal" "$DB-shm" "$OUT"/*.png
"$BIN" --db "$DB" -q ingest examples/articles
# A fixed "today" inside the examples' weeks, so screenshots show the today line and
# the events scheduled after it.
"$BIN" --db "$DB" serve --addr "127.0.0.1:$PORT" --today 2026-03-12 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.1
done

NEWSGRAPH_URL="http://127.0.0.1:$PORT" OUT="$OUT" node crates/newsgraph-serve/browser/test.mjs
