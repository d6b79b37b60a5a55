#!/usr/bin/env python3
"""Latency of requests made one at a time (no concurrency) on one keep-alive
connection: the cost of computing one answer on an otherwise idle server.

Usage: one_at_a_time.py HOST:PORT PATHS_FILE [COUNT]
Takes COUNT paths (default: all) spread evenly over the file, asks each once, and
prints the median, p90, p99 and worst time in milliseconds, with the status counts.
"""
import http.client
import sys
import time


def main():
    host, port = sys.argv[1].rsplit(":", 1)
    paths = [p.strip() for p in open(sys.argv[2], encoding="utf-8") if p.strip()]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else len(paths)
    step = max(1, len(paths) // max(1, count))
    chosen = paths[::step][:count]
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    times, statuses = [], {}
    for p in chosen:
        start = time.perf_counter()
        conn.request("GET", p)
        resp = conn.getresponse()
        resp.read()
        times.append((time.perf_counter() - start) * 1000)
        statuses[resp.status] = statuses.get(resp.status, 0) + 1
    times.sort()

    def pct(q):
        return times[min(len(times) - 1, int(q * len(times)))]

    print(
        f"{len(times)} requests: median {pct(0.5):.1f} ms, p90 {pct(0.9):.1f} ms, "
        f"p99 {pct(0.99):.1f} ms, worst {times[-1]:.1f} ms; statuses {statuses}"
    )


if __name__ == "__main__":
    main()
